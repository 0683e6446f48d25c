import { sql } from 'kysely'
import type { Queryable } from '../../db/database.ts'
import { agendaIsPublicWhere } from '../disclosure/disclosure.predicates.ts'
import { meetingsWithCommittee, meetingsWithPublicMinutes } from './publication.repository.ts'

// Read-only SQL for the bulk export of open data: which meetings it holds, when each changed, and
// a cheap fingerprint of everything a published document is built from.

/** A meeting the portal publishes something of, in a stable order (committee, day, id). */
export interface ExportMeetingRow {
  id: number
  slug: string
  meetsOn: string
  status: string
  committeeSlug: string
}

/**
 * Meetings whose notice is out (the agenda is then public) or that have a signed-off sign-off
 * (the minutes are then public, TF 2:10); a planned meeting without either is not published.
 */
export async function listExportMeetingRows(db: Queryable): Promise<ExportMeetingRow[]> {
  return meetingsWithCommittee(db)
    .where((eb) => eb.or([agendaIsPublicWhere(eb), eb('meeting.id', 'in', meetingsWithPublicMinutes(db))]))
    .orderBy('committee.slug')
    .orderBy('meeting.meets_on')
    .orderBy('meeting.id')
    .execute()
}

/** When each meeting's agenda and minutes last changed, by meeting id: a few grouped queries, not one per meeting. */
export async function listExportModifiedTimes(db: Queryable): Promise<{
  agenda: Map<number, string>
  minutes: Map<number, string>
}> {
  const [meetings, items, minutes, sections, signOffs, notices] = await Promise.all([
    db.selectFrom('meeting').select(['id as meetingId', 'updated_at as changed']).execute(),
    db
      .selectFrom('agenda_item')
      .select((eb) => ['meeting_id as meetingId', eb.fn.max('updated_at').as('changed')])
      .groupBy('meeting_id')
      .execute(),
    db.selectFrom('minutes').select(['meeting_id as meetingId', 'updated_at as changed']).execute(),
    db
      .selectFrom('section')
      .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
      .select((eb) => ['minutes.meeting_id as meetingId', eb.fn.max('section.updated_at').as('changed')])
      .groupBy('minutes.meeting_id')
      .execute(),
    db
      .selectFrom('sign_off')
      .innerJoin('minutes', 'minutes.id', 'sign_off.minutes_id')
      .select((eb) => ['minutes.meeting_id as meetingId', eb.fn.max('sign_off.created_at').as('changed')])
      .groupBy('minutes.meeting_id')
      .execute(),
    db
      .selectFrom('notice')
      .innerJoin('sign_off', 'sign_off.id', 'notice.sign_off_id')
      .innerJoin('minutes', 'minutes.id', 'sign_off.minutes_id')
      .select((eb) => ['minutes.meeting_id as meetingId', eb.fn.max('notice.created_at').as('changed')])
      .groupBy('minutes.meeting_id')
      .execute(),
  ])
  const latest = (...sources: { meetingId: number; changed: string | null }[][]) => {
    const map = new Map<number, string>()
    for (const rows of sources)
      for (const { meetingId, changed } of rows) {
        const known = map.get(meetingId)
        if (changed && (!known || changed > known)) map.set(meetingId, changed)
      }
    return map
  }
  return { agenda: latest(meetings, items), minutes: latest(meetings, minutes, sections, signOffs, notices) }
}

// Every table a published document or the index is built from. Rows are counted as well as
// their newest id and time, so a deletion changes the fingerprint too.
const tracked: Array<[table: string, time: 'updated_at' | 'created_at']> = [
  ['organisation', 'updated_at'],
  ['committee', 'updated_at'],
  ['meeting', 'updated_at'],
  ['agenda_item', 'updated_at'],
  ['matter', 'updated_at'],
  ['minutes', 'updated_at'],
  ['section', 'updated_at'],
  ['document', 'created_at'],
  ['attachment', 'created_at'],
  ['attendance', 'created_at'],
  ['signatory', 'created_at'],
  ['sign_off', 'created_at'],
  ['signature', 'created_at'],
  ['notice', 'created_at'],
  ['rectification', 'created_at'],
  ['appeal', 'created_at'],
  ['person', 'created_at'],
  ['party', 'created_at'],
  ['audit_event', 'created_at'],
]

/**
 * A fingerprint of the published data: one query of counts, newest ids and newest times over
 * indexed columns. Equal fingerprints mean an export built from either gives the same documents.
 */
export async function readPublishedDataFingerprint(db: Queryable): Promise<string> {
  const parts = tracked.map(
    ([table, time]) =>
      sql`select ${sql.lit(table)} as t, count(*) as n, max(id) as last, max(${sql.ref(time)}) as changed from ${sql.table(table)}`,
  )
  // A sign-off turns public when its last signature completes it: its status is not in the columns above.
  parts.push(
    sql`select 'signed_off' as t, count(*) as n, max(id) as last, max(created_at) as changed from sign_off where status = 'signed_off'`,
  )
  const { rows } = await sql<{
    t: string
    n: number
    last: number | null
    changed: string | null
  }>`${sql.join(parts, sql` union all `)}`.execute(db)
  return rows
    .map((r) => `${r.t}:${r.n}:${r.last ?? ''}:${r.changed ?? ''}`)
    .sort()
    .join('|')
}
