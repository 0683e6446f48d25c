import type { Queryable } from '../../db/database.ts'
import type { Committee, CommitteeKind } from '../committee/committee.ts'
import { toMeeting } from '../meeting/meeting.reads.ts'
import type { Meeting } from '../meeting/meeting.ts'
import type { Party, Person } from '../person/person.ts'

// The lists of the JSON API (/api/v1), one page at a time by keyset: each query reads at most
// `limit + 1` rows in index order however large the archive, and the extra row says whether a next
// page exists. Only lists that are public as such are here (committees, the meeting calendar,
// parties, and persons the record names); what a meeting, agenda or § says is read through the
// publication read models, never from these rows.

/** Where a page starts: after the last key of the previous page (undefined: the first page). */
export interface KeysetPage<K> {
  after: K | undefined
  limit: number
}

export interface Paged<T, K> {
  rows: T[]
  /** The key to continue after, when there are more rows. */
  next: K | undefined
}

function paged<T, K>(rows: T[], limit: number, keyOf: (row: T) => K): Paged<T, K> {
  const shown = rows.slice(0, limit)
  const last = shown.at(-1)
  return { rows: shown, next: rows.length > limit && last ? keyOf(last) : undefined }
}

export type NameKey = { name: string; id: number }

/** A committee as listed: its local settings are the workspace's, not the public's. */
export type ListedCommittee = Omit<Committee, 'settings'>

const committeeColumns = ['id', 'organisation_id', 'parent_id', 'name', 'slug', 'kind', 'seats'] as const

const toListedCommittee = (r: {
  id: number
  organisation_id: number
  parent_id: number | null
  name: string
  slug: string
  kind: string
  seats: number | null
}): ListedCommittee => ({
  id: r.id,
  organisationId: r.organisation_id,
  parentId: r.parent_id,
  name: r.name,
  slug: r.slug,
  kind: r.kind as CommitteeKind,
  seats: r.seats,
})

/** Committees by name. */
export async function pageOfCommittees(
  db: Queryable,
  page: KeysetPage<NameKey>,
): Promise<Paged<ListedCommittee, NameKey>> {
  let query = db.selectFrom('committee').select(committeeColumns)
  const after = page.after
  if (after)
    query = query.where((eb) =>
      eb.or([eb('name', '>', after.name), eb.and([eb('name', '=', after.name), eb('id', '>', after.id)])]),
    )
  const rows = await query
    .orderBy('name')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  return paged(rows.map(toListedCommittee), page.limit, (c) => ({ name: c.name, id: c.id }))
}

export type MeetingKey = { meetsOn: string; id: number }

export interface MeetingPageFilter {
  committeeId?: number
  /** From this day on, inclusive. */
  from?: string
  /** Up to this day, inclusive. */
  to?: string
}

/** The meeting calendar, newest first (as the committee page lists past meetings). */
export async function pageOfMeetings(
  db: Queryable,
  filter: MeetingPageFilter,
  page: KeysetPage<MeetingKey>,
): Promise<Paged<Meeting, MeetingKey>> {
  let query = db.selectFrom('meeting').selectAll()
  if (filter.committeeId !== undefined) query = query.where('committee_id', '=', filter.committeeId)
  if (filter.from) query = query.where('meets_on', '>=', filter.from)
  if (filter.to) query = query.where('meets_on', '<=', filter.to)
  const after = page.after
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('meets_on', '<', after.meetsOn),
        eb.and([eb('meets_on', '=', after.meetsOn), eb('id', '<', after.id)]),
      ]),
    )
  const rows = await query
    .orderBy('meets_on', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute()
  return paged(rows.map(toMeeting), page.limit, (m) => ({ meetsOn: m.meetsOn, id: m.id }))
}

/** Parties by abbreviation. */
export async function pageOfParties(
  db: Queryable,
  page: KeysetPage<NameKey>,
): Promise<Paged<Party, NameKey>> {
  let query = db.selectFrom('party').selectAll()
  const after = page.after
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('abbreviation', '>', after.name),
        eb.and([eb('abbreviation', '=', after.name), eb('id', '>', after.id)]),
      ]),
    )
  const rows = await query
    .orderBy('abbreviation')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  return paged(
    rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      abbreviation: r.abbreviation,
      name: r.name,
    })),
    page.limit,
    (p) => ({ name: p.abbreviation, id: p.id }),
  )
}

/**
 * Persons the public record names, by id: those who hold or held a seat, or attended a meeting
 * whose minutes are signed off (the same rule as OParl's Person list; P1: the register holds
 * members and officials, never private individuals). Decided row by row on indexes, so a page
 * never lists every public person first.
 */
export async function pageOfPublicPersons(
  db: Queryable,
  page: KeysetPage<number>,
): Promise<Paged<Person, number>> {
  let query = db
    .selectFrom('person')
    .select(['person.id', 'person.organisation_id', 'person.name', 'person.slug', 'person.title'])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('membership')
            .select('membership.id')
            .whereRef('membership.person_id', '=', 'person.id'),
        ),
        eb.exists(
          eb
            .selectFrom('attendance')
            .innerJoin('minutes', 'minutes.meeting_id', 'attendance.meeting_id')
            .innerJoin('sign_off', 'sign_off.minutes_id', 'minutes.id')
            .select('attendance.id')
            .whereRef('attendance.person_id', '=', 'person.id')
            .where('sign_off.status', '=', 'signed_off'),
        ),
      ]),
    )
  if (page.after !== undefined) query = query.where('person.id', '>', page.after)
  const rows = await query
    .orderBy('person.id')
    .limit(page.limit + 1)
    .execute()
  return paged(
    rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      name: r.name,
      slug: r.slug,
      title: r.title,
    })),
    page.limit,
    (p) => p.id,
  )
}

/** The committees of a page of meetings or notices, by id (at most one page's worth). */
export async function listCommitteesByIds(db: Queryable, ids: readonly number[]): Promise<ListedCommittee[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('committee')
    .select(committeeColumns)
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return rows.map(toListedCommittee)
}
