import { sql } from 'kysely'
import {
  keptFromTransaction,
  keptInTransaction,
  type Queryable,
  readOncePerTransaction,
  type Trx,
} from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import { ConflictError, NotFoundError } from '../shared/errors.ts'
import type { Meeting, MeetingStatus } from './meeting.ts'

export const toMeeting = (row: Selected<'meeting'>): Meeting => ({
  id: row.id,
  committeeId: row.committee_id,
  slug: row.slug,
  meetsOn: row.meets_on,
  startTime: row.start_time,
  endTime: row.end_time,
  location: row.location,
  status: row.status as MeetingStatus,
  cancellationReason: row.cancellation_reason,
  noticePublishedAt: row.notice_published_at,
  version: row.version,
})

/** The meeting; read once per transaction (its writes below keep what they wrote). */
export function getMeeting(db: Queryable, id: number): Promise<Meeting> {
  return readOncePerTransaction(db, `meeting:${id}`, () => readMeeting(db, id))
}

/** Several meetings at once, in the order asked (the search index's reaction at a transaction's edge). */
export async function listMeetingsByIds(db: Queryable, ids: readonly number[]): Promise<Meeting[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('meeting')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute()
  const byId = new Map(rows.map((row) => [row.id, toMeeting(row)]))
  return ids.map((id) => {
    const meeting = byId.get(id)
    if (!meeting) throw new NotFoundError('meeting', id)
    return meeting
  })
}

async function readMeeting(db: Queryable, id: number): Promise<Meeting> {
  const row = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('meeting', id)
  return toMeeting(row)
}

export async function findMeetingBySlug(
  db: Queryable,
  committeeId: number,
  slug: string,
): Promise<Meeting | undefined> {
  const row = await db
    .selectFrom('meeting')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .where('slug', '=', slug)
    .executeTakeFirst()
  return row && toMeeting(row)
}

export async function listMeetingsOn(
  db: Queryable,
  committeeId: number,
  meetsOn: string,
): Promise<Meeting[]> {
  const rows = await db
    .selectFrom('meeting')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .where('meets_on', '=', meetsOn)
    .orderBy('id')
    .execute()
  return rows.map(toMeeting)
}

export interface MeetingFilter {
  committeeIds?: readonly number[]
  from?: string
  to?: string
  order?: 'asc' | 'desc'
  limit?: number
}

export async function listMeetingRows(db: Queryable, filter: MeetingFilter = {}): Promise<Meeting[]> {
  let query = db.selectFrom('meeting').selectAll()
  if (filter.committeeIds) {
    if (filter.committeeIds.length === 0) return []
    query = query.where('committee_id', 'in', [...filter.committeeIds])
  }
  if (filter.from) query = query.where('meets_on', '>=', filter.from)
  if (filter.to) query = query.where('meets_on', '<=', filter.to)
  const order = filter.order ?? 'asc'
  query = query.orderBy('meets_on', order).orderBy('start_time', order).orderBy('id', order)
  if (filter.limit) query = query.limit(filter.limit)
  return (await query.execute()).map(toMeeting)
}

/** The years a committee met in before a day, newest first: the committee page shows one at a time. */
export async function listMeetingYears(
  db: Queryable,
  committeeId: number,
  before: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('meeting')
    .select(sql<string>`substr(meets_on, 1, 4)`.as('year'))
    .distinct()
    .where('committee_id', '=', committeeId)
    .where('meets_on', '<', before)
    .execute()
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a)
}

export async function insertMeeting(
  trx: Trx,
  values: Omit<Meeting, 'id' | 'version' | 'cancellationReason' | 'noticePublishedAt'>,
): Promise<Meeting> {
  const row = await trx
    .insertInto('meeting')
    .values({
      committee_id: values.committeeId,
      slug: values.slug,
      meets_on: values.meetsOn,
      start_time: values.startTime,
      end_time: values.endTime,
      location: values.location,
      status: values.status,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  keptInTransaction(trx, createdKey(row.id), { meetingId: row.id })
  return keptInTransaction(trx, `meeting:${row.id}`, toMeeting(row))
}

const createdKey = (meetingId: number) => `meeting-created:${meetingId}`

/**
 * Whether this transaction created the meeting: no other transaction sees it before the commit, so
 * what refers to it (minutes, an agenda, a roll call) is only what this transaction wrote.
 */
export function isMeetingCreatedInTransaction(db: Queryable, meetingId: number): boolean {
  return keptFromTransaction(db, createdKey(meetingId)) !== undefined
}

/** Saves changes if nobody saved the meeting since `expectedVersion` was read; bumps the version. */
export async function updateMeetingRow(
  trx: Trx,
  meeting: Meeting,
  changes: Partial<
    Pick<
      Meeting,
      | 'meetsOn'
      | 'slug'
      | 'startTime'
      | 'endTime'
      | 'location'
      | 'status'
      | 'cancellationReason'
      | 'noticePublishedAt'
    >
  >,
): Promise<Meeting> {
  const row = await trx
    .updateTable('meeting')
    .set({
      ...(changes.meetsOn !== undefined ? { meets_on: changes.meetsOn } : {}),
      ...(changes.slug !== undefined ? { slug: changes.slug } : {}),
      ...(changes.startTime !== undefined ? { start_time: changes.startTime } : {}),
      ...(changes.endTime !== undefined ? { end_time: changes.endTime } : {}),
      ...(changes.location !== undefined ? { location: changes.location } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.cancellationReason !== undefined
        ? { cancellation_reason: changes.cancellationReason }
        : {}),
      ...(changes.noticePublishedAt !== undefined ? { notice_published_at: changes.noticePublishedAt } : {}),
      version: meeting.version + 1,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', meeting.id)
    .where('version', '=', meeting.version)
    .returningAll()
    .executeTakeFirst()
  if (!row) {
    const current = await readMeeting(trx, meeting.id)
    throw new ConflictError('the meeting', meeting.version, current.version)
  }
  return keptInTransaction(trx, `meeting:${meeting.id}`, toMeeting(row))
}

/**
 * The organisation a meeting belongs to, through its committee, in one query (audit rows, scoping);
 * once per transaction: a meeting never moves to another committee, nor a committee elsewhere.
 */
export async function getOrganisationIdOfMeeting(db: Queryable, meetingId: number): Promise<number> {
  return readOncePerTransaction(db, `organisation-of-meeting:${meetingId}`, () =>
    readOrganisationIdOfMeeting(db, meetingId),
  )
}

async function readOrganisationIdOfMeeting(db: Queryable, meetingId: number): Promise<number> {
  const row = await db
    .selectFrom('meeting')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select('committee.organisation_id')
    .where('meeting.id', '=', meetingId)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('meeting', meetingId)
  return row.organisation_id
}
