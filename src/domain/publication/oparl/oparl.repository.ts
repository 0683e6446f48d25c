import { type SelectQueryBuilder, sql } from 'kysely'
import type { Queryable } from '../../../db/database.ts'
import { agendaIsPublicWhere, publicAgendaItems } from '../../disclosure/disclosure.predicates.ts'
import type { PublicKind } from '../../public-record/public-record.ts'
import { meetingsWithCommittee } from '../publication.repository.ts'

// Read-only SQL for the OParl API. Which rows are public is decided here in the same way as on
// the portal: a meeting once its notice is out (status past 'planned'); a matter once it is on a
// public agenda item of such a meeting; a person once they hold a seat or attended a meeting with
// signed-off minutes (P1: the person table holds members and officials, never private
// individuals, and the portal names them already). What the objects say comes from the
// publication functions (publishedAgenda, the public §§), never from these rows alone.
//
// A list page costs a fixed number of queries: one count, one page of ids, then rows by ids.
// A meeting's and a paper's `modified` is computed (oparl-change-times.repository.ts); the keys
// join it only when a modified filter asks for it, as the objects read the same value by ids.

/** The 2-05 filters, as ISO instants in UTC (the form timestamps are stored in). */
export interface ChangeFilter {
  createdSince?: string
  createdUntil?: string
  modifiedSince?: string
  modifiedUntil?: string
}

export interface PageRequest {
  page: number
  limit: number
}

export interface KeyRow {
  id: number
  created: string
  modified: string
}

// biome-ignore lint/suspicious/noExplicitAny: any base query that selects id, created and modified
export type KeyQuery = SelectQueryBuilder<any, any, KeyRow>

/**
 * Where `modified` comes from when a list is filtered by it: the public change log, which says when
 * what the public sees of each object last changed (docs/decisions/0001-public-change-log.md).
 */
export interface LoggedKind {
  kind: PublicKind
  bodyId: number
}

/**
 * One page of ids of a base query, ordered by id (a stable order, 2-05), with the total. A list of
 * a kind the public change log follows is filtered by `modified` through the log's index, the
 * same time its objects show.
 */
export async function pageOfKeys(
  db: Queryable,
  base: KeyQuery,
  filter: ChangeFilter,
  page: PageRequest,
  logged?: LoggedKind,
): Promise<{ ids: number[]; total: number }> {
  let query = db.selectFrom(base.as('t'))
  if (filter.createdSince) query = query.where('t.created', '>=', filter.createdSince)
  if (filter.createdUntil) query = query.where('t.created', '<=', filter.createdUntil)
  if (logged && filtersModified(filter)) {
    let changed = db
      .selectFrom('public_object')
      .select('object_id')
      .where('organisation_id', '=', logged.bodyId)
      .where('kind', '=', logged.kind)
      .where('public', '=', true)
    if (filter.modifiedSince) changed = changed.where('modified_at', '>=', filter.modifiedSince)
    if (filter.modifiedUntil) changed = changed.where('modified_at', '<=', filter.modifiedUntil)
    query = query.where('t.id', 'in', changed)
  } else {
    if (filter.modifiedSince) query = query.where('t.modified', '>=', filter.modifiedSince)
    if (filter.modifiedUntil) query = query.where('t.modified', '<=', filter.modifiedUntil)
  }
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    query
      .select('t.id')
      .orderBy('t.id')
      .limit(page.limit)
      .offset((page.page - 1) * page.limit)
      .execute(),
  ])
  return { ids: rows.map((r) => r.id), total: Number(count.n) }
}

export const filtersModified = (filter: ChangeFilter) => Boolean(filter.modifiedSince || filter.modifiedUntil)

function publicMeetingKeys(db: Queryable): KeyQuery {
  return db
    .selectFrom('meeting')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'meeting.id as id',
      'meeting.created_at as created',
      'meeting.updated_at as modified',
      'committee.organisation_id as bodyId',
    ])
    .where(agendaIsPublicWhere)
}

/**
 * Matters on a public agenda, each asked by its own items (the index of items by matter): an `in`
 * over every public item listed all of the archive's first, 0.7–0.8 s for a page of a Body's papers
 * at a million agenda items. `ids`, when given, narrows the matters to those.
 */
function publicMatterKeys(db: Queryable, ids?: readonly number[]): KeyQuery {
  let matters = db
    .selectFrom('matter')
    .select([
      'matter.id as id',
      'matter.created_at as created',
      'matter.updated_at as modified',
      'matter.organisation_id as bodyId',
    ])
    .where(({ exists }) =>
      exists(
        publicAgendaItems(db).select('item.id').where('item.matter_id', '=', sql.ref<number>('matter.id')),
      ),
    )
  if (ids) matters = matters.where('matter.id', 'in', [...ids])
  return matters
}

/**
 * Persons the public sees: seated on a committee, or present at a meeting whose minutes are signed
 * off. Each person is asked by index whether one such row exists, which stops at the first: a
 * person's whole history of meetings is never read (it grows with the archive; asked at every
 * import's edge for the persons of its minutes).
 */
function publicPersonKeys(db: Queryable, ids?: readonly number[]) {
  let persons = db
    .selectFrom('person')
    .select([
      'person.id as id',
      'person.created_at as created',
      'person.created_at as modified',
      'person.organisation_id as bodyId',
    ])
    .where(({ exists, or, selectFrom }) =>
      or([
        exists(
          selectFrom('membership').select('membership.id').whereRef('membership.person_id', '=', 'person.id'),
        ),
        exists(
          selectFrom('attendance')
            .innerJoin('minutes', 'minutes.meeting_id', 'attendance.meeting_id')
            .innerJoin('sign_off', 'sign_off.minutes_id', 'minutes.id')
            .select('attendance.id')
            .whereRef('attendance.person_id', '=', 'person.id')
            .where('sign_off.status', '=', 'signed_off'),
        ),
      ]),
    )
  if (ids) persons = persons.where('person.id', 'in', [...ids])
  return persons
}

export const pageOfMeetingIds = (db: Queryable, bodyId: number, filter: ChangeFilter, page: PageRequest) =>
  pageOfKeys(db, publicMeetingKeys(db).where('committee.organisation_id', '=', bodyId), filter, page, {
    kind: 'meeting',
    bodyId,
  })

export const pageOfPaperIds = (db: Queryable, bodyId: number, filter: ChangeFilter, page: PageRequest) =>
  pageOfKeys(db, publicMatterKeys(db).where('matter.organisation_id', '=', bodyId), filter, page, {
    kind: 'paper',
    bodyId,
  })

export const pageOfPersonIds = (db: Queryable, bodyId: number, filter: ChangeFilter, page: PageRequest) =>
  pageOfKeys(db, publicPersonKeys(db).where('person.organisation_id', '=', bodyId), filter, page, {
    kind: 'person',
    bodyId,
  })

/** Which of some meeting ids are public. */
export async function listPublicMeetingIds(db: Queryable, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return []
  const rows = await publicMeetingKeys(db)
    .where('meeting.id', 'in', [...ids])
    .execute()
  return rows.map((r) => r.id)
}

export async function listPublicMatterIds(db: Queryable, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return []
  const rows = await publicMatterKeys(db, ids)
    .where('matter.id', 'in', [...ids])
    .execute()
  return rows.map((r) => r.id)
}

export async function listPublicPersonIds(db: Queryable, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return []
  const rows = await publicPersonKeys(db, ids)
    .where('person.id', 'in', [...ids])
    .execute()
  return rows.map((r) => r.id)
}

export async function listOrganisationRows(db: Queryable, ids?: readonly number[]) {
  let query = db.selectFrom('organisation').select(['id', 'name', 'slug', 'created_at', 'updated_at'])
  if (ids) query = query.where('id', 'in', ids.length ? [...ids] : [0])
  return query.orderBy('id').execute()
}

export async function listCommitteeRows(db: Queryable, filter: { bodyId?: number; ids?: readonly number[] }) {
  let query = db
    .selectFrom('committee')
    .select([
      'id',
      'organisation_id',
      'parent_id',
      'name',
      'slug',
      'kind',
      'seats',
      'created_at',
      'updated_at',
    ])
  if (filter.bodyId !== undefined) query = query.where('organisation_id', '=', filter.bodyId)
  if (filter.ids) query = query.where('id', 'in', filter.ids.length ? [...filter.ids] : [0])
  return query.orderBy('id').execute()
}

export async function listPartyRows(db: Queryable, filter: { bodyId?: number; ids?: readonly number[] }) {
  let query = db.selectFrom('party').select(['id', 'organisation_id', 'abbreviation', 'name', 'created_at'])
  if (filter.bodyId !== undefined) query = query.where('organisation_id', '=', filter.bodyId)
  if (filter.ids) query = query.where('id', 'in', filter.ids.length ? [...filter.ids] : [0])
  return query.orderBy('id').execute()
}

export async function listTermRows(db: Queryable, filter: { bodyId?: number; ids?: readonly number[] }) {
  let query = db
    .selectFrom('term')
    .select(['id', 'organisation_id', 'name', 'starts_on', 'ends_on', 'created_at'])
  if (filter.bodyId !== undefined) query = query.where('organisation_id', '=', filter.bodyId)
  if (filter.ids) query = query.where('id', 'in', filter.ids.length ? [...filter.ids] : [0])
  return query.orderBy('id').execute()
}

/** Memberships (seats) of some persons, or some memberships by id, with their committee's body. */
export async function listMembershipRows(
  db: Queryable,
  filter: { personIds?: readonly number[]; ids?: readonly number[] },
) {
  let query = db
    .selectFrom('membership')
    .innerJoin('committee', 'committee.id', 'membership.committee_id')
    .select([
      'membership.id as id',
      'membership.person_id as personId',
      'membership.committee_id as committeeId',
      'membership.party_id as partyId',
      'membership.term_id as termId',
      'membership.role as role',
      'membership.starts_on as startsOn',
      'membership.ends_on as endsOn',
      'membership.created_at as created',
    ])
  if (filter.personIds)
    query = query.where('membership.person_id', 'in', filter.personIds.length ? [...filter.personIds] : [0])
  if (filter.ids) query = query.where('membership.id', 'in', filter.ids.length ? [...filter.ids] : [0])
  return query.orderBy('membership.id').execute()
}

/** The ids of the memberships of some committees (an Organization lists its members' seats). */
export async function listMembershipIdsOfCommittees(db: Queryable, committeeIds: readonly number[]) {
  if (committeeIds.length === 0) return []
  return db
    .selectFrom('membership')
    .select(['id', 'committee_id as committeeId'])
    .where('committee_id', 'in', [...committeeIds])
    .orderBy('id')
    .execute()
}

export async function listPersonRows(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return []
  return (
    db
      .selectFrom('person')
      // Never the e-mail address: it is where notices go, not public (P1).
      .select(['id', 'organisation_id', 'name', 'slug', 'title', 'created_at'])
      .where('id', 'in', [...ids])
      .orderBy('id')
      .execute()
  )
}

export async function listMeetingRows(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return []
  return meetingsWithCommittee(db)
    .select([
      'meeting.start_time as startTime',
      'meeting.end_time as endTime',
      'meeting.location as location',
      'meeting.created_at as created',
      'meeting.updated_at as modified',
      'committee.id as committeeId',
      'committee.organisation_id as bodyId',
      'committee.name as committeeName',
    ])
    .where('meeting.id', 'in', [...ids])
    .where(agendaIsPublicWhere)
    .orderBy('meeting.id')
    .execute()
}

export async function listMatterRows(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('matter')
    .select(['id', 'organisation_id', 'registry_number', 'title', 'kind', 'created_at', 'updated_at'])
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute()
}

/** Timestamps of agenda items (the domain's AgendaItem carries none). */
export async function listAgendaItemTimes(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { created: string; modified: string }>()
  const rows = await db
    .selectFrom('agenda_item')
    .select(['id', 'created_at', 'updated_at'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((r) => [r.id, { created: r.created_at, modified: r.updated_at }]))
}

export async function listDocumentTimes(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>()
  const rows = await db
    .selectFrom('document')
    .select(['id', 'created_at'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((r) => [r.id, r.created_at]))
}

/** Public agenda items that carry some matters: a paper's consultations (same rule as readMatterRecord). */
export async function listPublicItemsOfMatters(
  db: Queryable,
  filter: { matterIds: readonly number[] } | { agendaItemId: number } | { agendaItemIds: readonly number[] },
) {
  if ('matterIds' in filter && filter.matterIds.length === 0) return []
  if ('agendaItemIds' in filter && filter.agendaItemIds.length === 0) return []
  const query = publicAgendaItems(db)
    .select([
      'item.id as agendaItemId',
      'item.matter_id as matterId',
      'item.created_at as created',
      'item.updated_at as modified',
      'meeting.id as meetingId',
      'meeting.committee_id as committeeId',
    ])
    .where('item.matter_id', 'is not', null)
  return (
    'matterIds' in filter
      ? query.where('item.matter_id', 'in', [...filter.matterIds])
      : 'agendaItemIds' in filter
        ? query.where('item.id', 'in', [...filter.agendaItemIds])
        : query.where('item.id', '=', filter.agendaItemId)
  )
    .orderBy('meeting.meets_on')
    .orderBy('item.position')
    .execute()
}

/** The meeting an agenda item is on (whether it is public is decided by the meeting's reader). */
export async function findMeetingIdOfAgendaItem(db: Queryable, agendaItemId: number) {
  const row = await db
    .selectFrom('agenda_item')
    .select('meeting_id')
    .where('id', '=', agendaItemId)
    .executeTakeFirst()
  return row?.meeting_id
}
