import { sql } from 'kysely'
import type { Queryable, Trx } from '../../db/database.ts'
import { dialectOf, forUpdate } from '../../db/dialect.ts'
import type { Selected } from '../../db/schema.ts'
import type { MeetingStatus } from '../meeting/meeting.ts'
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

/** Some documents by id (those that exist), in no particular order. */
export async function listDocuments(db: Queryable, ids: readonly number[]): Promise<Document[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('document')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute()
  return rows.map(toDocument)
}

/** The document, its row locked until the transaction ends (PostgreSQL): two replacements of one version queue. */
export async function getDocumentForUpdate(trx: Trx, id: number): Promise<Document> {
  const row = await forUpdate(
    trx,
    trx.selectFrom('document').selectAll().where('id', '=', id),
  ).executeTakeFirst()
  if (!row) throw new NotFoundError('document', id)
  return toDocument(row)
}

/** The id of the newer version that replaces a document, if there is one. */
export async function findReplacementId(db: Queryable, documentId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('document')
    .select('id')
    .where('replaces_document_id', '=', documentId)
    .executeTakeFirst()
  return row?.id
}

/** Whether any document points at the stored file (identical uploads share one). */
export async function isStorageKeyInUse(db: Queryable, storageKey: string): Promise<boolean> {
  const row = await db
    .selectFrom('document')
    .select('id')
    .where('storage_key', '=', storageKey)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Holds the storage key until the transaction ends, so whether a stored file is named by a row is
 * decided by one transaction at a time: an upload registering it, or the sweep removing it. On
 * PostgreSQL an advisory lock on the key; SQLite has one writer, taken here by a write that
 * changes nothing.
 */
export async function lockStorageKey(trx: Trx, storageKey: string): Promise<void> {
  if (dialectOf(trx) === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtextextended(${storageKey}, 0))`.execute(trx)
  } else {
    await trx
      .updateTable('document')
      .set((eb) => ({ storage_key: eb.ref('storage_key') }))
      .where(sql.lit(false))
      .execute()
  }
}

/** The storage keys that documents name, each once. */
export async function listStorageKeys(db: Queryable): Promise<Set<string>> {
  const rows = await db.selectFrom('document').select('storage_key').distinct().execute()
  return new Set(rows.flatMap((r) => (r.storage_key ? [r.storage_key] : [])))
}

export async function insertDocument(trx: Trx, values: Omit<Document, 'id'>): Promise<Document> {
  const row = await trx
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

export async function insertAttachment(trx: Trx, agendaItemId: number, documentId: number, position: number) {
  await trx
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

/** The agenda items a document is attached to, with the status of each item's meeting. */
export async function listAttachmentsOfDocument(db: Queryable, documentId: number) {
  const rows = await db
    .selectFrom('attachment')
    .innerJoin('agenda_item', 'agenda_item.id', 'attachment.agenda_item_id')
    .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
    .select(['attachment.agenda_item_id as agendaItemId', 'meeting.status as meetingStatus'])
    .where('attachment.document_id', '=', documentId)
    .orderBy('attachment.agenda_item_id')
    .execute()
  return rows.map((row) => ({ ...row, meetingStatus: row.meetingStatus as MeetingStatus }))
}

/** Puts one document in another's place among an item's attachments: same position, the other one gone. */
export async function moveAttachmentInto(
  trx: Trx,
  agendaItemId: number,
  fromDocumentId: number,
  toDocumentId: number,
) {
  const old = await trx
    .selectFrom('attachment')
    .select('position')
    .where('agenda_item_id', '=', agendaItemId)
    .where('document_id', '=', fromDocumentId)
    .executeTakeFirst()
  if (!old) return
  await trx
    .deleteFrom('attachment')
    .where('agenda_item_id', '=', agendaItemId)
    .where('document_id', '=', fromDocumentId)
    .execute()
  await trx
    .updateTable('attachment')
    .set({ position: old.position })
    .where('agenda_item_id', '=', agendaItemId)
    .where('document_id', '=', toDocumentId)
    .execute()
}
