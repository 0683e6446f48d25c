import { type ExpressionBuilder, sql } from 'kysely'
import type { Queryable, Trx } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import { sectionIsPublicWhere } from '../disclosure/disclosure.predicates.ts'
import type { AttendanceTotals } from './kept-activity.ts'

// SQL of the kept person and party record (0035): what the tables say now of some meetings, and
// what is kept of them.

export interface ActivityRow {
  kind: 'motion' | 'dissent' | 'statement' | 'ballot'
  ref_id: number
  meeting_id: number
  person_id: number | null
  party_id: number | null
  meets_on: string
  section_number: number
  position: number
}

export interface AttendanceRow {
  meeting_id: number
  kind: 'seat' | 'served'
  person_id: number
  party_id: number | null
  present: number
}

/** Public §§ of some meetings (signed off, neither the § nor its item secret), with their keys. */
function publicSectionsOf(db: Queryable, meetingIds: readonly number[]) {
  return db
    .selectFrom('section')
    .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .leftJoin('agenda_item', 'agenda_item.id', 'section.agenda_item_id')
    .where('minutes.meeting_id', 'in', [...meetingIds])
    .where(sectionIsPublicWhere)
}

/** Every author of a motion, dissent or statement and every ballot in the public §§ of some meetings. */
export async function listPublicActivityOf(
  db: Queryable,
  meetingIds: readonly number[],
): Promise<ActivityRow[]> {
  if (meetingIds.length === 0) return []
  const rows: ActivityRow[] = []
  for (const kind of ['motion', 'dissent', 'statement'] as const) {
    // The three author tables share one shape; Kysely is told one name (as publication.repository.ts).
    const author = `${kind}_author` as 'dissent_author'
    const found = await publicSectionsOf(db, meetingIds)
      .innerJoin(kind as 'dissent', `${kind}.section_id` as 'dissent.section_id', 'section.id')
      .innerJoin(author, `${author}.${kind}_id` as 'dissent_author.dissent_id', `${kind}.id` as 'dissent.id')
      .select([
        `${author}.id as ref_id` as 'dissent_author.id as ref_id',
        'meeting.id as meeting_id',
        `${author}.person_id as person_id` as 'dissent_author.person_id as person_id',
        `${author}.party_id as party_id` as 'dissent_author.party_id as party_id',
        'meeting.meets_on as meets_on',
        'section.number as section_number',
        `${kind}.position as position` as 'dissent.position as position',
      ])
      .where((eb) =>
        eb.or([
          eb(`${author}.person_id` as 'dissent_author.person_id', 'is not', null),
          eb(`${author}.party_id` as 'dissent_author.party_id', 'is not', null),
        ]),
      )
      .execute()
    for (const r of found) rows.push({ kind, ...r })
  }
  const ballots = await publicSectionsOf(db, meetingIds)
    .innerJoin('vote', 'vote.section_id', 'section.id')
    .innerJoin('ballot', 'ballot.vote_id', 'vote.id')
    .select([
      'ballot.id as ref_id',
      'meeting.id as meeting_id',
      'ballot.person_id as person_id',
      'ballot.party_id as party_id',
      'meeting.meets_on as meets_on',
      'section.number as section_number',
      'vote.position as position',
    ])
    .execute()
  for (const r of ballots) rows.push({ kind: 'ballot', ...r })
  return rows
}

export async function listKeptActivity(db: Queryable, meetingIds: readonly number[]): Promise<ActivityRow[]> {
  if (meetingIds.length === 0) return []
  return db
    .selectFrom('public_activity')
    .selectAll()
    .where('meeting_id', 'in', [...meetingIds])
    .execute()
}

/** Rows a statement carries: 4,000 parameters at eight columns. */
const rowsAStatement = 500

export async function insertActivity(trx: Trx, rows: readonly ActivityRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += rowsAStatement)
    await trx
      .insertInto('public_activity')
      .values(rows.slice(i, i + rowsAStatement))
      .execute()
}

export async function deleteActivity(trx: Trx, rows: readonly ActivityRow[]): Promise<void> {
  const byKind = new Map<string, number[]>()
  for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.ref_id])
  for (const [kind, ids] of byKind)
    for (let i = 0; i < ids.length; i += rowsAStatement)
      await trx
        .deleteFrom('public_activity')
        .where('kind', '=', kind as ActivityRow['kind'])
        .where('ref_id', 'in', ids.slice(i, i + rowsAStatement))
        .execute()
}

/** The meeting's minutes are public: a § of them is signed off (its roll call is then public). */
function hasPublicMinutes(column: 'meeting.id' | 'attendance.meeting_id') {
  return (eb: ExpressionBuilder<Database, 'meeting' | 'attendance'>) =>
    eb.exists(
      eb
        .selectFrom('minutes as x')
        .innerJoin('sign_off as s', 's.minutes_id', 'x.id')
        .select('x.id')
        .whereRef('x.meeting_id', '=', column)
        .where('s.status', '=', 'signed_off'),
    )
}

/**
 * The seats held at some meetings with public minutes (not a substitute's: a seat during which the
 * meeting was held), whether their person was present, and the substitutes who served for someone.
 */
export async function listPublicAttendanceOf(
  db: Queryable,
  meetingIds: readonly number[],
): Promise<AttendanceRow[]> {
  if (meetingIds.length === 0) return []
  const seats = await db
    .selectFrom('meeting')
    .innerJoin('membership', (join) =>
      join
        .onRef('membership.committee_id', '=', 'meeting.committee_id')
        .onRef('membership.starts_on', '<=', 'meeting.meets_on'),
    )
    .leftJoin('attendance', (join) =>
      join
        .onRef('attendance.meeting_id', '=', 'meeting.id')
        .onRef('attendance.person_id', '=', 'membership.person_id'),
    )
    .select([
      'meeting.id as meeting_id',
      'membership.person_id as person_id',
      'membership.party_id as party_id',
      sql<number>`max(case when attendance.present then 1 else 0 end)`.as('present'),
    ])
    .where('meeting.id', 'in', [...meetingIds])
    .where('membership.role', '!=', 'substitute')
    .where((eb) =>
      eb.or([
        eb('membership.ends_on', 'is', null),
        eb('membership.ends_on', '>=', eb.ref('meeting.meets_on')),
      ]),
    )
    .where(hasPublicMinutes('meeting.id'))
    .groupBy(['meeting.id', 'membership.person_id', 'membership.party_id'])
    .execute()
  const served = await db
    .selectFrom('attendance')
    .select(['attendance.meeting_id', 'attendance.person_id', 'attendance.party_id'])
    .distinct()
    .where('attendance.meeting_id', 'in', [...meetingIds])
    .where('attendance.role', '=', 'substitute')
    .where('attendance.serving_for_person_id', 'is not', null)
    .where(hasPublicMinutes('attendance.meeting_id'))
    .execute()
  return [
    ...seats.map((r) => ({ ...r, kind: 'seat' as const, present: Number(r.present) })),
    ...served.map((r) => ({ ...r, kind: 'served' as const, present: 0 })),
  ]
}

export async function listKeptAttendance(
  db: Queryable,
  meetingIds: readonly number[],
): Promise<AttendanceRow[]> {
  if (meetingIds.length === 0) return []
  return db
    .selectFrom('public_attendance')
    .selectAll()
    .where('meeting_id', 'in', [...meetingIds])
    .execute()
}

/** Replaces what is kept of some meetings' seats with `rows`. */
export async function replaceAttendance(
  trx: Trx,
  meetingIds: readonly number[],
  rows: readonly AttendanceRow[],
): Promise<void> {
  await trx
    .deleteFrom('public_attendance')
    .where('meeting_id', 'in', [...meetingIds])
    .execute()
  for (let i = 0; i < rows.length; i += rowsAStatement)
    await trx
      .insertInto('public_attendance')
      .values(rows.slice(i, i + rowsAStatement))
      .execute()
}

/** Adds to each owner's attendance totals (`person:1`, `party:2`), a row for an owner without one. */
export async function addToAttendanceTotals(
  trx: Trx,
  deltas: readonly (readonly [string, AttendanceTotals])[],
): Promise<void> {
  const rows = deltas.map(([owner, d]) => {
    const [kind, id] = owner.split(':')
    return { owner: kind as 'person' | 'party', owner_id: Number(id), ...d }
  })
  for (let i = 0; i < rows.length; i += rowsAStatement)
    await trx
      .insertInto('public_attendance_total')
      .values(rows.slice(i, i + rowsAStatement))
      .onConflict((oc) =>
        oc.columns(['owner', 'owner_id']).doUpdateSet((eb) => ({
          meetings: eb('public_attendance_total.meetings', '+', eb.ref('excluded.meetings')),
          present: eb('public_attendance_total.present', '+', eb.ref('excluded.present')),
          served: eb('public_attendance_total.served', '+', eb.ref('excluded.served')),
        })),
      )
      .execute()
}

/** Every meeting of some committees. */
export async function listMeetingsOfCommittees(
  db: Queryable,
  committeeIds: readonly number[],
): Promise<number[]> {
  if (committeeIds.length === 0) return []
  const rows = await db
    .selectFrom('meeting')
    .select('id')
    .where('committee_id', 'in', [...committeeIds])
    .execute()
  return rows.map((r) => r.id)
}

/**
 * The meetings where some persons' seats may count: every meeting of the committees they sit on,
 * and those where a seat of theirs is kept (a seat moved away, a person merged into another).
 */
export async function listMeetingsSeating(db: Queryable, personIds: readonly number[]): Promise<number[]> {
  if (personIds.length === 0) return []
  const rows = await db
    .selectFrom('meeting')
    .select('meeting.id')
    .where('meeting.committee_id', 'in', (eb) =>
      eb
        .selectFrom('membership')
        .select('committee_id')
        .where('person_id', 'in', [...personIds]),
    )
    .union(
      db
        .selectFrom('public_attendance')
        .select('meeting_id as id')
        .where('person_id', 'in', [...personIds]),
    )
    .execute()
  return rows.map((r) => r.id)
}
