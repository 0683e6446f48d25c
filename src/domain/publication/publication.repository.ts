import type { Queryable } from '../../db/database.ts'
import {
  agendaIsPublicWhere,
  publicAgendaItems,
  sectionIsOpenWhere,
  sectionIsPublicWhere,
} from '../disclosure/disclosure.predicates.ts'

// Read-only SQL for the public portal's aggregated pages (person, party, matter, notice board,
// feeds). Every query takes a whole page's worth of rows at once, so a page costs a fixed number
// of queries however long its lists are. What is public is decided by the disclosure module's
// predicates (a § in full when signed off, TF 2:10, and neither it nor its agenda item secret, OSL).

/** Meetings with at least one signed-off § (their roll call is then a public document). */
export function meetingsWithPublicMinutes(db: Queryable) {
  return db
    .selectFrom('minutes')
    .innerJoin('sign_off', 'sign_off.minutes_id', 'minutes.id')
    .select('minutes.meeting_id')
    .where('sign_off.status', '=', 'signed_off')
}

/** Whose record: one person, or everyone who sat for a party. */
export type RecordOwner = { personId: number } | { partyId: number }

/** The `where` arguments that keep an owner's rows: by the person column, or by the party column. */
function ownedBy<C extends string>(owner: RecordOwner, personColumn: C, partyColumn: C) {
  return 'personId' in owner
    ? ([personColumn, '=', owner.personId] as const)
    : ([partyColumn, '=', owner.partyId] as const)
}

/** One page of a record's list, newest first: `size` rows after skipping `offset`. */
export interface RecordWindow {
  offset: number
  size: number
}

/** Meetings with their committee: the columns every list of meetings shows. */
export function meetingsWithCommittee(db: Queryable) {
  return db
    .selectFrom('meeting')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'meeting.id as id',
      'meeting.slug as slug',
      'meeting.meets_on as meetsOn',
      'meeting.status as status',
      'committee.slug as committeeSlug',
    ])
}

export async function listMembershipRowsOf(db: Queryable, owner: RecordOwner) {
  return db
    .selectFrom('membership')
    .innerJoin('committee', 'committee.id', 'membership.committee_id')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .leftJoin('party', 'party.id', 'membership.party_id')
    .select([
      'membership.id as id',
      'membership.role as role',
      'membership.starts_on as startsOn',
      'membership.ends_on as endsOn',
      'membership.substitute_order as substituteOrder',
      'committee.name as committeeName',
      'committee.slug as committeeSlug',
      'person.id as personId',
      'person.name as personName',
      'person.slug as personSlug',
      'party.abbreviation as partyAbbreviation',
    ])
    .where(...ownedBy(owner, 'membership.person_id', 'membership.party_id'))
    .orderBy('membership.starts_on', 'desc')
    .orderBy('committee.name')
    .orderBy('person.name')
    .execute()
}

/**
 * Attendance over the meetings with public minutes held during a seat (a person counts once per
 * meeting even when two memberships overlap, chair and member of the same committee), and the
 * meetings where a substitute served: running totals kept as minutes become public or change
 * (public_attendance_total, 0035), so a party of many terms is one row read, not a count of its history.
 */
export async function readAttendance(db: Queryable, owner: RecordOwner) {
  const row = await db
    .selectFrom('public_attendance_total')
    .select(['meetings', 'present', 'served'])
    .where('owner', '=', 'personId' in owner ? 'person' : 'party')
    .where('owner_id', '=', 'personId' in owner ? owner.personId : owner.partyId)
    .executeTakeFirst()
  return {
    meetings: Number(row?.meetings ?? 0),
    present: Number(row?.present ?? 0),
    servedAsSubstitute: Number(row?.served ?? 0),
  }
}

type ActivityKind = 'motion' | 'dissent' | 'statement' | 'ballot'

/**
 * One page of an owner's kept acts of a kind (public_activity, 0035), newest meeting first, read
 * from an index in that order: `size` rows after `offset`, however long the history.
 */
function activityWindow(db: Queryable, kind: ActivityKind, owner: RecordOwner, window: RecordWindow) {
  return db
    .selectFrom('public_activity')
    .select(['ref_id', 'meets_on', 'meeting_id', 'section_number', 'position'])
    .where(...ownedBy(owner, 'person_id', 'party_id'))
    .where('kind', '=', kind)
    .orderBy('meets_on', 'desc')
    .orderBy('meeting_id', 'desc')
    .orderBy('section_number')
    .orderBy('position')
    .orderBy('ref_id')
    .limit(window.size)
    .offset(window.offset)
}

/** What a record shows of an act's § and meeting. */
const sectionColumns = [
  'section.number as sectionNumber',
  'section.label as sectionLabel',
  'section.title as sectionTitle',
  'meeting.slug as meetingSlug',
  'meeting.meets_on as meetsOn',
  'committee.slug as committeeSlug',
  'committee.name as committeeName',
] as const

type AuthoredKind = 'motion' | 'dissent' | 'statement'

/**
 * Motions, dissents or statements on public §§ that the person (or party) stood behind, newest
 * first: a page of the kept acts, with their rows. Each § is asked again whether it is public
 * (sectionIsPublicWhere, on the page's rows only): the kept acts order the page, the tables say
 * what may be shown.
 */
export async function listAuthoredRows(
  db: Queryable,
  kind: AuthoredKind,
  owner: RecordOwner,
  window: RecordWindow,
) {
  // The three author tables share one shape (see section-record.repository.ts); Kysely is told one name.
  const author = `${kind}_author` as 'dissent_author'
  const table = kind as 'dissent'
  let query = db
    .selectFrom(activityWindow(db, kind, owner, window).as('w'))
    .innerJoin(author, `${author}.id` as 'dissent_author.id', 'w.ref_id')
    .innerJoin(table, `${kind}.id` as 'dissent.id', `${author}.${kind}_id` as 'dissent_author.dissent_id')
    .innerJoin('section', 'section.id', `${kind}.section_id` as 'dissent.section_id')
    .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .leftJoin('agenda_item', 'agenda_item.id', 'section.agenda_item_id')
    .leftJoin('person', 'person.id', `${author}.person_id` as 'dissent_author.person_id')
    .select([
      ...sectionColumns,
      `${kind}.id as id` as 'dissent.id',
      `${kind}.text as text` as 'dissent.text',
      'person.name as personName',
      'person.slug as personSlug',
    ])
    .where(sectionIsPublicWhere)
  if (kind === 'statement') query = query.select('statement.kind as kind' as 'dissent.text')
  const rows = (await query
    .orderBy('w.meets_on', 'desc')
    .orderBy('w.meeting_id', 'desc')
    .orderBy('w.section_number')
    .orderBy('w.position')
    .orderBy('w.ref_id')
    .execute()) as Array<{
    id: number
    text: string | null
    kind?: string
    sectionNumber: number
    sectionLabel: string
    sectionTitle: string
    meetingSlug: string
    meetsOn: string
    committeeSlug: string
    committeeName: string
    personName: string | null
    personSlug: string | null
  }>
  return rows
}

/**
 * Every ballot the person (or a party's members) cast in open votes on public §§, newest first: a
 * page of the kept ballots, the §§ asked again as for listAuthoredRows. A party's ballots in one vote
 * in the order they were recorded (the protocol's), so a vote split by a page boundary reads on.
 */
export async function listBallotRows(db: Queryable, owner: RecordOwner, window: RecordWindow) {
  return db
    .selectFrom(activityWindow(db, 'ballot', owner, window).as('w'))
    .innerJoin('ballot', 'ballot.id', 'w.ref_id')
    .innerJoin('vote', 'vote.id', 'ballot.vote_id')
    .innerJoin('section', 'section.id', 'vote.section_id')
    .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .leftJoin('agenda_item', 'agenda_item.id', 'section.agenda_item_id')
    .innerJoin('person', 'person.id', 'ballot.person_id')
    .select([
      ...sectionColumns,
      'ballot.id as id',
      'ballot.choice as choice',
      'vote.id as voteId',
      'vote.question as question',
      'vote.outcome as outcome',
      'vote.yes_count as yes',
      'vote.no_count as no',
      'vote.abstain_count as abstain',
      'person.name as personName',
      'person.slug as personSlug',
    ])
    .where(sectionIsPublicWhere)
    .orderBy('w.meets_on', 'desc')
    .orderBy('w.meeting_id', 'desc')
    .orderBy('w.section_number')
    .orderBy('w.position')
    .orderBy('w.ref_id')
    .execute()
}

/** The party of an abbreviation ("S", "F!"); the first organisation's when several use it. */
export async function findPartyRowByAbbreviation(db: Queryable, abbreviation: string) {
  return db
    .selectFrom('party')
    .selectAll()
    .where('abbreviation', '=', abbreviation)
    .orderBy('id')
    .executeTakeFirst()
}

/**
 * The matter of a registry number the public may follow (one with a public agenda item); the first
 * organisation's when several do. Each organisation keeps its own register, so two may use the same
 * number: one whose matter is secret must not hide another's public matter.
 */
export async function findMatterRowByRegistryNumber(db: Queryable, registryNumber: string) {
  return db
    .selectFrom('matter')
    .selectAll()
    .where('registry_number', '=', registryNumber)
    .where((eb) =>
      eb.exists(publicAgendaItems(db).select('item.id').where('item.matter_id', '=', eb.ref('matter.id'))),
    )
    .orderBy('id')
    .executeTakeFirst()
}

/** The public agenda items that carry a matter: not confidential, on an agenda whose notice is out. */
export async function listPublicMatterItemRows(db: Queryable, matterId: number) {
  return publicAgendaItems(db)
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'item.id as agendaItemId',
      'item.title as title',
      'item.number as number',
      'item.position as position',
      'item.summary as summary',
      'item.proposal as proposal',
      'item.status as status',
      'meeting.id as meetingId',
      'meeting.meets_on as meetsOn',
      'meeting.slug as meetingSlug',
      'meeting.status as meetingStatus',
      'committee.id as committeeId',
      'committee.name as committeeName',
      'committee.slug as committeeSlug',
    ])
    .where('item.matter_id', '=', matterId)
    .orderBy('meeting.meets_on')
    .orderBy('item.position')
    .execute()
}

/** The public §§ that dealt with some agenda items, with their sign-off day. */
export async function listPublicSectionsOfItems(db: Queryable, agendaItemIds: readonly number[]) {
  if (agendaItemIds.length === 0) return []
  // The § is signed off by the sign-off joined (once only: section_id is unique), so
  // sectionIsPublicWhere's `exists` is this status; PostgreSQL may hash every signed-off § for it.
  return db
    .selectFrom('section')
    .innerJoin('sign_off_section', 'sign_off_section.section_id', 'section.id')
    .innerJoin('sign_off', 'sign_off.id', 'sign_off_section.sign_off_id')
    .leftJoin('agenda_item', 'agenda_item.id', 'section.agenda_item_id')
    .select([
      'section.id as id',
      'section.agenda_item_id as agendaItemId',
      'section.number as number',
      'section.label as label',
      'section.title as title',
      'section.decision as decision',
      'section.outcome as outcome',
      'sign_off.signed_off_on as signedOffOn',
    ])
    .where('section.agenda_item_id', 'in', [...agendaItemIds])
    .where('sign_off.status', '=', 'signed_off')
    .where(sectionIsOpenWhere)
    .orderBy('section.number')
    .execute()
}

/** Where each notice points: the meeting it announces, or the meeting whose minutes were signed off. */
export async function listNoticeTargetRows(db: Queryable, noticeIds: readonly number[]) {
  if (noticeIds.length === 0) return []
  return db
    .selectFrom('notice')
    .leftJoin('sign_off', 'sign_off.id', 'notice.sign_off_id')
    .leftJoin('minutes', 'minutes.id', 'sign_off.minutes_id')
    .innerJoin('meeting', (join) =>
      join.on((eb) =>
        eb.or([
          eb('meeting.id', '=', eb.ref('notice.meeting_id')),
          eb('meeting.id', '=', eb.ref('minutes.meeting_id')),
        ]),
      ),
    )
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'notice.id as noticeId',
      'meeting.slug as meetingSlug',
      'meeting.meets_on as meetsOn',
      'committee.id as committeeId',
      'committee.slug as committeeSlug',
      'committee.name as committeeName',
      'sign_off.signed_off_on as signedOffOn',
    ])
    .where('notice.id', 'in', [...noticeIds])
    .execute()
}

/** Sign-off occasions, newest first, with their meeting: the minutes feed. */
export async function listSignedOffRows(db: Queryable, filter: { committeeId?: number; limit: number }) {
  let query = db
    .selectFrom('sign_off')
    .innerJoin('minutes', 'minutes.id', 'sign_off.minutes_id')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'sign_off.id as signOffId',
      'sign_off.signed_off_on as signedOffOn',
      'sign_off.immediate as immediate',
      'meeting.id as meetingId',
      'meeting.slug as meetingSlug',
      'meeting.meets_on as meetsOn',
      'committee.id as committeeId',
      'committee.slug as committeeSlug',
      'committee.name as committeeName',
    ])
    .where('sign_off.status', '=', 'signed_off')
  if (filter.committeeId !== undefined) query = query.where('committee.id', '=', filter.committeeId)
  return query
    .orderBy('sign_off.signed_off_on', 'desc')
    .orderBy('sign_off.id', 'desc')
    .limit(filter.limit)
    .execute()
}

/** Public §§ of some sign-offs (numbers and titles for the feed entries). */
export async function listPublicSectionsOfSignOffs(db: Queryable, signOffIds: readonly number[]) {
  if (signOffIds.length === 0) return []
  // A § is signed off once (sign_off_section.section_id is unique), so its sign-off is the one
  // joined here and sectionIsPublicWhere's `exists` is only this sign-off's status. PostgreSQL
  // planned that `exists` as a hash of every signed-off § of the archive (0.7 s for the minutes
  // feed at 100,000 items); starting from the sign-offs, the rows read are the feed's own.
  return db
    .selectFrom('sign_off')
    .innerJoin('sign_off_section', 'sign_off_section.sign_off_id', 'sign_off.id')
    .innerJoin('section', 'section.id', 'sign_off_section.section_id')
    .leftJoin('agenda_item', 'agenda_item.id', 'section.agenda_item_id')
    .select([
      'sign_off_section.sign_off_id as signOffId',
      'section.number as number',
      'section.label as label',
      'section.title as title',
    ])
    .where('sign_off.id', 'in', [...signOffIds])
    .where('sign_off.status', '=', 'signed_off')
    .where(sectionIsOpenWhere)
    .orderBy('section.number')
    .execute()
}

/** Meetings whose notice (kallelse) is out, newest notice first: the agenda feed. */
export async function listAnnouncedMeetingRows(
  db: Queryable,
  filter: { committeeId?: number; limit: number },
) {
  let query = db
    .selectFrom('meeting')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'meeting.id as meetingId',
      'meeting.slug as meetingSlug',
      'meeting.meets_on as meetsOn',
      'meeting.start_time as startTime',
      'meeting.location as location',
      'meeting.status as status',
      'meeting.notice_published_at as noticePublishedAt',
      'meeting.updated_at as updatedAt',
      'committee.id as committeeId',
      'committee.slug as committeeSlug',
      'committee.name as committeeName',
    ])
    .where(agendaIsPublicWhere)
  if (filter.committeeId !== undefined) query = query.where('committee.id', '=', filter.committeeId)
  return query.orderBy('meeting.meets_on', 'desc').orderBy('meeting.id', 'desc').limit(filter.limit).execute()
}

/** Which meetings a calendar holds: one committee's or one meeting, between two days (inclusive, YYYY-MM-DD). */
export interface CalendarFilter {
  committeeId?: number
  meetingId?: number
  from?: string
  to?: string
}

/** Meetings for calendars, with their committee: all of them, or one committee's, in a window of days. */
export async function listCalendarMeetingRows(db: Queryable, filter: CalendarFilter = {}) {
  let query = meetingsWithCommittee(db).select([
    'meeting.start_time as startTime',
    'meeting.end_time as endTime',
    'meeting.location as location',
    'meeting.cancellation_reason as cancellationReason',
    'meeting.updated_at as updatedAt',
    'committee.name as committeeName',
  ])
  if (filter.committeeId !== undefined) query = query.where('committee.id', '=', filter.committeeId)
  if (filter.meetingId !== undefined) query = query.where('meeting.id', '=', filter.meetingId)
  if (filter.from !== undefined) query = query.where('meeting.meets_on', '>=', filter.from)
  if (filter.to !== undefined) query = query.where('meeting.meets_on', '<=', filter.to)
  return query.orderBy('meeting.meets_on').orderBy('meeting.start_time').orderBy('meeting.id').execute()
}

/** The registry numbers of some matters, by id (to print and link the Dnr of agenda items and §§). */
export async function listRegistryNumbers(db: Queryable, matterIds: readonly number[]) {
  if (matterIds.length === 0) return new Map<number, string>()
  const rows = await db
    .selectFrom('matter')
    .select(['id', 'registry_number'])
    .where('id', 'in', [...new Set(matterIds)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.registry_number]))
}
