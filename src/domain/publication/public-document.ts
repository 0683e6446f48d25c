import type { Queryable } from '../../db/database.ts'
import { isDocumentPublic, publicDocumentIds } from '../disclosure/disclosure.predicates.ts'
import { getDocument, listDocuments } from '../document/document.reads.ts'
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

/**
 * The stored documents among some ids that the public may download, each with the first public
 * agenda item it is attached to (the same rule as findPublicDocument, for a page at once).
 */
export async function listPublicDocuments(db: Queryable, documentIds: readonly number[]) {
  if (documentIds.length === 0) return []
  const attachments = await publicDocumentIds(db)
    .select(['agenda_item.id as agendaItemId', 'agenda_item.meeting_id as meetingId'])
    .where('attachment.document_id', 'in', [...documentIds])
    .orderBy('attachment.id')
    .execute()
  const firstItem = new Map<number, { agendaItemId: number; meetingId: number }>()
  for (const { document_id, ...item } of attachments)
    if (!firstItem.has(document_id)) firstItem.set(document_id, item)
  const documents = await listDocuments(db, [...firstItem.keys()])
  return documents.filter(isStoredDocument).map((document) => ({
    document,
    attachedTo: firstItem.get(document.id) as { agendaItemId: number; meetingId: number },
  }))
}
