import type { Queryable } from '../../db/database.ts'
import { isDocumentPublic } from '../disclosure/disclosure.predicates.ts'
import { getDocument } from '../document/document.service.ts'
import type { Document } from '../document/document.ts'

/** A document whose file Paragraf stores: the file's key, checksum, type and size are known. */
export type StoredDocument = Document & {
  storageKey: string
  sha512: string
  mimeType: string
  sizeBytes: number
}

export const isStoredDocument = (document: Document): document is StoredDocument =>
  document.storageKey !== null &&
  document.sha512 !== null &&
  document.mimeType !== null &&
  document.sizeBytes !== null

/**
 * A stored document the public may download (P2, OSL): not confidential, attached to a public item
 * of an agenda whose notice is out. Undefined otherwise, without saying why, so the portal answers
 * 404 alike for a secret document and one that does not exist.
 */
export async function findPublicDocument(
  db: Queryable,
  documentId: number,
): Promise<StoredDocument | undefined> {
  if (!(await isDocumentPublic(db, documentId))) return undefined
  const document = await getDocument(db, documentId)
  return isStoredDocument(document) ? document : undefined
}
