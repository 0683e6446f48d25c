import type { Queryable, Trx } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import type { Notice, NoticeKind } from './notice.ts'

const toNotice = (row: Selected<'notice'>): Notice => ({
  id: row.id,
  organisationId: row.organisation_id,
  kind: row.kind as NoticeKind,
  meetingId: row.meeting_id,
  signOffId: row.sign_off_id,
  delegatedDecisionId: row.delegated_decision_id,
  title: row.title,
  keptAt: row.kept_at,
  postedOn: row.posted_on,
  removedOn: row.removed_on,
  lastAppealDay: row.last_appeal_day,
})

export async function insertNotice(
  trx: Trx,
  values: Omit<Notice, 'id' | 'delegatedDecisionId'> & { delegatedDecisionId?: number | null },
): Promise<Notice> {
  const row = await trx
    .insertInto('notice')
    .values({
      organisation_id: values.organisationId,
      kind: values.kind,
      meeting_id: values.meetingId,
      sign_off_id: values.signOffId,
      delegated_decision_id: values.delegatedDecisionId ?? null,
      title: values.title,
      kept_at: values.keptAt,
      posted_on: values.postedOn,
      removed_on: values.removedOn,
      last_appeal_day: values.lastAppealDay,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toNotice(row)
}

export async function findNoticeOfSignOff(db: Queryable, signOffId: number): Promise<Notice | undefined> {
  const row = await db
    .selectFrom('notice')
    .selectAll()
    .where('sign_off_id', '=', signOffId)
    .executeTakeFirst()
  return row && toNotice(row)
}

export async function findMeetingNotice(db: Queryable, meetingId: number): Promise<Notice | undefined> {
  const row = await db
    .selectFrom('notice')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', 'meeting')
    .executeTakeFirst()
  return row && toNotice(row)
}

/** Notices up on a day (posted on or before it, not yet down), newest first. */
export async function listNoticesUpOn(
  db: Queryable,
  day: string,
  organisationId?: number,
): Promise<Notice[]> {
  let query = db.selectFrom('notice').selectAll().where('posted_on', '<=', day).where('removed_on', '>', day)
  if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId)
  return (await query.orderBy('posted_on', 'desc').orderBy('id', 'desc').execute()).map(toNotice)
}

/** Notices that have come down by a day, newest first: the archive. */
export async function listNoticesDownBy(
  db: Queryable,
  day: string,
  limit: number,
  offset = 0,
): Promise<Notice[]> {
  const rows = await db
    .selectFrom('notice')
    .selectAll()
    .where('removed_on', '<=', day)
    .orderBy('posted_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map(toNotice)
}

export async function listNoticesOfMeetings(db: Queryable, meetingIds: readonly number[]): Promise<Notice[]> {
  if (meetingIds.length === 0) return []
  // The notices of the meetings and those of their minutes' sign-offs, each a lookup by the
  // notice's own indexed column. An OR across a join to the minutes read every notice of the
  // archive (32 ms a meeting page at 20,000 items, issue 15); PostgreSQL still scanned them all
  // for an OR with the sign-offs as a subquery (16 ms at 100,000 items, 1.5 ms as a union).
  const rows = await db
    .selectFrom('notice')
    .selectAll('notice')
    .where('notice.meeting_id', 'in', [...meetingIds])
    .union(
      db
        .selectFrom('notice')
        .innerJoin('sign_off', 'sign_off.id', 'notice.sign_off_id')
        .innerJoin('minutes', 'minutes.id', 'sign_off.minutes_id')
        .selectAll('notice')
        .where('minutes.meeting_id', 'in', [...meetingIds]),
    )
    .orderBy('posted_on')
    .orderBy('id')
    .execute()
  return rows.map(toNotice)
}
