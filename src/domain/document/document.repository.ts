import type { Queryable } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import { NotFoundError } from '../shared/errors.ts'
import type { Document, DocumentKind } from './document.ts'

const toDocument = (row: Selected<'document'>): Document => ({
  id: row.id,
  organisationId: row.organisation_id,
  title: row.title,
  kind: row.kind as DocumentKind,
  storageKey: row.storage_key,
  sourceUrl: row.source_url,
  sha512: row.sha512,
  mimeType: row.mime_type,
  sizeBytes: row.size_bytes,
  confidential: Boolean(row.confidential),
  confidentialityGround: row.confidentiality_ground,
  extractedText: row.extracted_text,
  datedOn: row.dated_on,
  replacesDocumentId: row.replaces_document_id,
})

export async function getDocument(db: Queryable, id: number): Promise<Document> {
  const row = await db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('document', id)
  return toDocument(row)
}

export async function insertDocument(db: Queryable, values: Omit<Document, 'id'>): Promise<Document> {
  const row = await db
    .insertInto('document')
    .values({
      organisation_id: values.organisationId,
      title: values.title,
      kind: values.kind,
      storage_key: values.storageKey,
      source_url: values.sourceUrl,
      sha512: values.sha512,
      mime_type: values.mimeType,
      size_bytes: values.sizeBytes,
      confidential: values.confidential,
      confidentiality_ground: values.confidentialityGround,
      extracted_text: values.extractedText,
      dated_on: values.datedOn,
      replaces_document_id: values.replacesDocumentId,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toDocument(row)
}

export async function insertAttachment(
  db: Queryable,
  agendaItemId: number,
  documentId: number,
  position: number,
) {
  await db
    .insertInto('attachment')
    .values({ agenda_item_id: agendaItemId, document_id: documentId, position })
    .execute()
}

/** The attachments of agenda items, in their order, each with the item it belongs to. */
export async function listAttachmentRows(db: Queryable, agendaItemIds: readonly number[]) {
  if (agendaItemIds.length === 0) return []
  const rows = await db
    .selectFrom('attachment')
    .innerJoin('document', 'document.id', 'attachment.document_id')
    .selectAll('document')
    .select(['attachment.agenda_item_id as agenda_item_id', 'attachment.position as attachment_position'])
    .where('attachment.agenda_item_id', 'in', [...agendaItemIds])
    .orderBy('attachment.agenda_item_id')
    .orderBy('attachment.position')
    .execute()
  return rows.map((row) => ({ agendaItemId: row.agenda_item_id, document: toDocument(row) }))
}

export async function countAttachments(db: Queryable, agendaItemId: number): Promise<number> {
  const row = await db
    .selectFrom('attachment')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('agenda_item_id', '=', agendaItemId)
    .executeTakeFirst()
  return Number(row?.count ?? 0)
}
