import { type Db, inTransaction } from '../../db/database.ts'
import type { DocumentStore } from '../../storage/document-store.ts'
import { attachDocument } from '../agenda/agenda.service.ts'
import type { Actor } from '../shared/actor.ts'
import type { Document } from './document.ts'
import { type UploadDocumentInput, type UploadOptions, uploadDocument } from './document-upload.service.ts'

/**
 * Uploads a file as a new document and attaches it to an agenda item. The file is streamed to the
 * store and registered first (checked, scanned, its text extracted), outside any transaction; the
 * attachment then follows in its own, where the item's agenda is checked to be open.
 */
export async function uploadAttachment(
  db: Db,
  store: DocumentStore,
  actor: Actor,
  input: UploadDocumentInput & { agendaItemId: number },
  options: UploadOptions = {},
): Promise<Document> {
  const { agendaItemId, ...upload } = input
  const document = await uploadDocument(db, store, actor, upload, options)
  await inTransaction(db, (trx) => attachDocument(trx, actor, { agendaItemId, documentId: document.id }))
  return document
}
