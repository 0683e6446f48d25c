import { keptFromTransaction, keptInTransaction, type Queryable, type Trx } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import { isMeetingCreatedInTransaction } from '../meeting/meeting.reads.ts'
import { ConflictError, NotFoundError } from '../shared/errors.ts'
import { readStringList } from '../shared/json-text.ts'
import type { AgendaChangeKind, AgendaItem, AgendaItemChange, AgendaItemStatus } from './agenda-item.ts'

const toAgendaItem = (row: Selected<'agenda_item'>): AgendaItem => ({
  id: row.id,
  meetingId: row.meeting_id,
  matterId: row.matter_id,
  number: row.number,
  position: row.position,
  heading: row.heading,
  title: row.title,
  summary: row.summary,
  proposal: readStringList(row.proposal),
  officerReportOn: row.officer_report_on,
  confidential: Boolean(row.confidential),
  confidentialityGround: row.confidentiality_ground,
  immediateSignOff: Boolean(row.immediate_sign_off),
  status: row.status as AgendaItemStatus,
  version: row.version,
})

export async function getAgendaItem(db: Queryable, id: number): Promise<AgendaItem> {
  const row = await db.selectFrom('agenda_item').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('agenda item', id)
  return toAgendaItem(row)
}

// A meeting this transaction created has no agenda items but those it inserted (no other
// transaction sees the meeting before the commit): until it inserts one, its agenda is known empty.
const itemsWritten = (meetingId: number) => `agenda-items-written:${meetingId}`
const knownEmpty = (db: Queryable, meetingId: number) =>
  isMeetingCreatedInTransaction(db, meetingId) && !keptFromTransaction(db, itemsWritten(meetingId))

export async function listAgendaItemRows(
  db: Queryable,
  meetingIds: readonly number[],
): Promise<AgendaItem[]> {
  const asked = meetingIds.filter((id) => !knownEmpty(db, id))
  if (asked.length === 0) return []
  const rows = await db
    .selectFrom('agenda_item')
    .selectAll()
    .where('meeting_id', 'in', asked)
    .orderBy('meeting_id')
    .orderBy('position')
    .execute()
  return rows.map(toAgendaItem)
}

export async function lastAgendaPosition(db: Queryable, meetingId: number): Promise<number> {
  if (knownEmpty(db, meetingId)) return 0
  const row = await db
    .selectFrom('agenda_item')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst()
  return Number(row?.last ?? 0)
}

type ItemValues = Omit<AgendaItem, 'id' | 'version'>

const toColumns = (values: Partial<ItemValues>) => ({
  ...(values.matterId !== undefined ? { matter_id: values.matterId } : {}),
  ...(values.number !== undefined ? { number: values.number } : {}),
  ...(values.position !== undefined ? { position: values.position } : {}),
  ...(values.heading !== undefined ? { heading: values.heading } : {}),
  ...(values.title !== undefined ? { title: values.title } : {}),
  ...(values.summary !== undefined ? { summary: values.summary } : {}),
  ...(values.proposal !== undefined ? { proposal: JSON.stringify(values.proposal) } : {}),
  ...(values.officerReportOn !== undefined ? { officer_report_on: values.officerReportOn } : {}),
  ...(values.confidential !== undefined ? { confidential: values.confidential } : {}),
  ...(values.confidentialityGround !== undefined
    ? { confidentiality_ground: values.confidentialityGround }
    : {}),
  ...(values.immediateSignOff !== undefined ? { immediate_sign_off: values.immediateSignOff } : {}),
  ...(values.status !== undefined ? { status: values.status } : {}),
})

export async function insertAgendaItem(trx: Trx, values: ItemValues): Promise<AgendaItem> {
  return (await insertAgendaItems(trx, [values]))[0] as AgendaItem
}

/** Items of one meeting in one statement, returned in the order given (their positions differ). */
export async function insertAgendaItems(trx: Trx, items: readonly ItemValues[]): Promise<AgendaItem[]> {
  if (items.length === 0) return []
  for (const meetingId of new Set(items.map((i) => i.meetingId)))
    keptInTransaction(trx, itemsWritten(meetingId), { meetingId })
  const rows = await trx
    .insertInto('agenda_item')
    .values(
      items.map((values) => ({
        meeting_id: values.meetingId,
        position: values.position,
        status: values.status,
        ...toColumns(values),
      })),
    )
    .returningAll()
    .execute()
  // RETURNING promises no order: each row is found again by its meeting and position.
  const byKey = new Map(rows.map((row) => [`${row.meeting_id}:${row.position}`, toAgendaItem(row)]))
  return items.map((v) => byKey.get(`${v.meetingId}:${v.position}`) as AgendaItem)
}

/** Saves changes only if the item is still at the version the editor read; bumps the version. */
export async function updateAgendaItemRow(
  trx: Trx,
  item: AgendaItem,
  changes: Partial<ItemValues>,
): Promise<AgendaItem> {
  const row = await trx
    .updateTable('agenda_item')
    .set({ ...toColumns(changes), version: item.version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', item.id)
    .where('version', '=', item.version)
    .returningAll()
    .executeTakeFirst()
  if (!row) {
    const current = await getAgendaItem(trx, item.id)
    throw new ConflictError(`agenda item ${item.number ?? item.id}`, item.version, current.version)
  }
  return toAgendaItem(row)
}

export interface AgendaItemChangeValues {
  agendaItemId: number
  kind: AgendaChangeKind
  description: string
  afterNotice: boolean
  documentId?: number
}

export async function insertAgendaItemChange(trx: Trx, values: AgendaItemChangeValues): Promise<void> {
  await insertAgendaItemChanges(trx, [values])
}

export async function insertAgendaItemChanges(
  trx: Trx,
  changes: readonly AgendaItemChangeValues[],
): Promise<void> {
  if (changes.length === 0) return
  await trx
    .insertInto('agenda_item_change')
    .values(
      changes.map((values) => ({
        agenda_item_id: values.agendaItemId,
        kind: values.kind,
        description: values.description,
        after_notice: values.afterNotice,
        document_id: values.documentId ?? null,
      })),
    )
    .execute()
}

export async function listAgendaItemChangeRows(
  db: Queryable,
  itemIds: readonly number[],
): Promise<AgendaItemChange[]> {
  if (itemIds.length === 0) return []
  const rows = await db
    .selectFrom('agenda_item_change')
    .selectAll()
    .where('agenda_item_id', 'in', [...itemIds])
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    agendaItemId: row.agenda_item_id,
    kind: row.kind as AgendaChangeKind,
    description: row.description,
    afterNotice: Boolean(row.after_notice),
    documentId: row.document_id,
    changedAt: row.created_at,
  }))
}
