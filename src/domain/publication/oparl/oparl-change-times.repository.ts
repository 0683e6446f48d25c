import type { Expression, SelectQueryBuilder } from 'kysely'
import type { Queryable } from '../../../db/database.ts'
import { agendaIsPublicWhere, sectionIsPublicWhere } from '../../disclosure/disclosure.predicates.ts'

// When an OParl object last changed, computed from its rows: only for an object the public change
// log has no row for yet (docs/decisions/0001-public-change-log.md; the log's time is used
// otherwise, and the 2-05 filters read only the log). A meeting, an agenda item and a paper show
// more than their own row: the agenda, its files, the public §§ with their sign-offs, notices,
// rectifications and appeals, so `modified` is the latest time among all of them.
//
// Each is one UNION ALL of (key, at) rows grouped by key, for the ids of a page. Only rows with a time of their own count (the tables without updated_at
// are written once, so their created_at is when they changed what the API shows). All are
// timestamps: timestamptz on PostgreSQL, the same ISO text on SQLite, so max() and comparisons with
// an ISO parameter agree on both (never a *_on date, which would compare as text on PostgreSQL).

/** One row per change: what changed (the object's id) and when. */
interface TimeRow {
  key: number
  at: string
}

// biome-ignore lint/suspicious/noExplicitAny: the branches read different tables; only their rows matter
type TimeQuery = SelectQueryBuilder<any, any, TimeRow>

/**
 * Which objects to time: the ids of a page (a list of ids, or a query of them), each branch then
 * reads those objects' rows by index; or undefined, every object of the archive (a scan).
 */
// biome-ignore lint/suspicious/noExplicitAny: a query of ids over any table
type Only = readonly number[] | SelectQueryBuilder<any, any, { id: number }> | undefined

/** UNION ALL of (key, at) queries over different tables. */
function unionOf(first: TimeQuery, ...rest: Expression<TimeRow>[]): TimeQuery {
  return rest.reduce((all: TimeQuery, branch) => all.unionAll(branch), first)
}

/** (agenda item id, time) for everything an AgendaItem shows. */
function agendaItemChangeTimes(db: Queryable, only: Only) {
  // The public §§ of the items, decided row by row (sectionIsPublicWhere), so a page's items read
  // their own §§ only, not every public § of the archive.
  const publicSections = db
    .selectFrom('section')
    .innerJoin('agenda_item', 'agenda_item.id', 'section.agenda_item_id')
    .where(sectionIsPublicWhere)
    .$if(only !== undefined, (q) => q.where('section.agenda_item_id', 'in', only as number[]))
  // Sign-offs of a public § (status changes with the last signature), their notices and signatures.
  const signOffs = publicSections
    .innerJoin('sign_off_section', 'sign_off_section.section_id', 'section.id')
    .innerJoin('sign_off', 'sign_off.id', 'sign_off_section.sign_off_id')
  // What a § holds is written once per row; a row added later still moves the time on. Who served
  // is not among them: it is recorded only before the § is signed off, so the signature is later.
  const sectionRows = (
    ['motion', 'vote', 'dissent', 'statement', 'recusal', 'rectification', 'appeal'] as const
  ).map((table) =>
    publicSections
      .innerJoin(table as 'appeal', `${table}.section_id` as 'appeal.section_id', 'section.id')
      .select(['section.agenda_item_id as key', `${table}.created_at as at` as 'appeal.created_at as at'])
      .$castTo<TimeRow>(),
  )
  return unionOf(
    db
      .selectFrom('agenda_item')
      .select(['agenda_item.id as key', 'agenda_item.updated_at as at'])
      .$if(only !== undefined, (q) => q.where('agenda_item.id', 'in', only as number[])),
    db
      .selectFrom('agenda_item_change')
      .select(['agenda_item_change.agenda_item_id as key', 'agenda_item_change.created_at as at'])
      .$if(only !== undefined, (q) => q.where('agenda_item_change.agenda_item_id', 'in', only as number[])),
    // A document attached, or put in another's place, is a new attachment row.
    db
      .selectFrom('attachment')
      .select(['attachment.agenda_item_id as key', 'attachment.created_at as at'])
      .$if(only !== undefined, (q) => q.where('attachment.agenda_item_id', 'in', only as number[])),
    publicSections.select(['section.agenda_item_id as key', 'section.updated_at as at']).$castTo<TimeRow>(),
    signOffs.select(['section.agenda_item_id as key', 'sign_off.created_at as at']).$castTo<TimeRow>(),
    signOffs
      .innerJoin('signature', 'signature.sign_off_id', 'sign_off.id')
      .select(['section.agenda_item_id as key', 'signature.created_at as at'])
      .$castTo<TimeRow>(),
    signOffs
      .innerJoin('notice', 'notice.sign_off_id', 'sign_off.id')
      .select(['section.agenda_item_id as key', 'notice.created_at as at'])
      .$castTo<TimeRow>(),
    ...sectionRows,
  )
}

/** (meeting id, time) for everything a Meeting shows: its row, its agenda items, its roll call once public. */
function meetingChangeTimes(db: Queryable, only: Only) {
  const signedOffMinutes = db
    .selectFrom('sign_off')
    .select('sign_off.minutes_id')
    .where('sign_off.status', '=', 'signed_off')
  // The items of the meetings timed: their change times count as the meeting's.
  const items =
    only &&
    db
      .selectFrom('agenda_item')
      .select('agenda_item.id')
      .where('agenda_item.meeting_id', 'in', only as number[])
  return unionOf(
    db
      .selectFrom('meeting')
      .select(['meeting.id as key', 'meeting.updated_at as at'])
      .$if(only !== undefined, (q) => q.where('meeting.id', 'in', only as number[])),
    db
      .selectFrom(agendaItemChangeTimes(db, items).as('item_time'))
      .innerJoin('agenda_item', 'agenda_item.id', 'item_time.key')
      .select(['agenda_item.meeting_id as key', 'item_time.at as at']),
    // The roll call (paragraf:attendance) is public with the first signed-off §.
    db
      .selectFrom('attendance')
      .innerJoin('minutes', 'minutes.meeting_id', 'attendance.meeting_id')
      .select(['attendance.meeting_id as key', 'attendance.created_at as at'])
      .where('minutes.id', 'in', signedOffMinutes)
      .$if(only !== undefined, (q) => q.where('attendance.meeting_id', 'in', only as number[])),
  )
}

/** (matter id, time) for everything a Paper shows: its row and its consultations (public agenda items). */
function paperChangeTimes(db: Queryable, only: Only) {
  const items = db
    .selectFrom('agenda_item')
    .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
    .where('agenda_item.matter_id', 'is not', null)
    .where('agenda_item.confidential', '=', false)
    .where(agendaIsPublicWhere)
    .$if(only !== undefined, (q) => q.where('agenda_item.matter_id', 'in', only as number[]))
  return unionOf(
    db
      .selectFrom('matter')
      .select(['matter.id as key', 'matter.updated_at as at'])
      .$if(only !== undefined, (q) => q.where('matter.id', 'in', only as number[])),
    items.select(['agenda_item.matter_id as key', 'agenda_item.updated_at as at']).$castTo<TimeRow>(),
    // The consultation appears when the notice goes out, a change of the meeting row.
    items.select(['agenda_item.matter_id as key', 'meeting.updated_at as at']).$castTo<TimeRow>(),
  )
}

function latest(db: Queryable, times: TimeQuery) {
  return db
    .selectFrom(times.as('change'))
    .select((eb) => ['change.key as id', eb.fn.max('change.at').as('modified')])
    .groupBy('change.key')
}

/** The `modified` of some objects (a page): every branch reads only their rows, by index. */
async function readModified(
  changeTimes: (db: Queryable, only: Only) => TimeQuery,
  db: Queryable,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await latest(db, changeTimes(db, [...ids])).execute()
  return new Map(rows.map((r) => [Number(r.id), new Date(r.modified as string).toISOString()]))
}

export const listMeetingModified = (db: Queryable, ids: readonly number[]) =>
  readModified(meetingChangeTimes, db, ids)
export const listAgendaItemModified = (db: Queryable, ids: readonly number[]) =>
  readModified(agendaItemChangeTimes, db, ids)
export const listPaperModified = (db: Queryable, ids: readonly number[]) =>
  readModified(paperChangeTimes, db, ids)
