import { type Db, inTransaction, type Queryable, type Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import { getPerson } from '../person/person.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { addDays, isIsoDate } from '../shared/calendar-date.ts'
import { DomainError, InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import {
  findTermByName,
  getMembership,
  insertMembership,
  insertTerm,
  listMembershipRows,
  listSeatsOfPerson,
  listSeatsOfPersons,
  updateMembershipRow,
} from './membership.repository.ts'
import { isActiveOn, type Membership, type MembershipRole, type Term } from './membership.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    term_ends_before_start: undefined
    term_exists: undefined
    membership_ends_before_start: undefined
    seat_overlaps: undefined
    substitute_order_repeats: undefined
    substitute_order_not_substitute: undefined
  }
}

export { findTermOn, listMembershipsOfPerson, listTerms } from './membership.repository.ts'

/** Registers a mandatperiod (e.g. "2023–2026"). */
export async function addTerm(
  trx: Trx,
  actor: Actor,
  input: { organisationId: number; name: string; startsOn: string; endsOn: string },
): Promise<Term> {
  assertDate(input.startsOn, 'startsOn')
  assertDate(input.endsOn, 'endsOn')
  if (input.endsOn < input.startsOn)
    throw new InvalidInputError('term_ends_before_start', 'the term ends before it starts', 'endsOn')
  if (await findTermByName(trx, input.organisationId, input.name)) {
    throw new InvalidInputError('term_exists', `the term ${input.name} exists`, 'name')
  }
  const term = await insertTerm(trx, input)
  await recordAudit(
    trx,
    actor,
    'term.added',
    { type: 'term', id: term.id, organisationId: input.organisationId },
    {
      after: term,
    },
  )
  return term
}

export interface AddMembershipInput {
  committeeId: number
  personId: number
  role: MembershipRole
  partyId?: number
  termId?: number
  substituteOrder?: number
  startsOn: string
  endsOn?: string
}

/** Gives a person a seat on a committee, as member (chair, vice chair) or substitute, from a date. */
export async function addMembership(trx: Trx, actor: Actor, input: AddMembershipInput): Promise<Membership> {
  assertDate(input.startsOn, 'startsOn')
  if (input.endsOn !== undefined) {
    assertDate(input.endsOn, 'endsOn')
    if (input.endsOn < input.startsOn)
      throw new InvalidInputError(
        'membership_ends_before_start',
        'the membership ends before it starts',
        'endsOn',
      )
  }
  const committee = await getCommittee(trx, input.committeeId)
  const person = await getPerson(trx, input.personId)
  if (person.organisationId !== committee.organisationId) {
    throw new InvalidInputError(
      'person_of_other_organisation',
      'the person belongs to another organisation',
      'personId',
    )
  }
  // No two seats of one person on any day: the periods may not overlap, whichever starts first.
  const current = (await listSeatsOfPerson(trx, input.committeeId, input.personId)).filter(
    (m) =>
      (input.endsOn === undefined || m.startsOn <= input.endsOn) &&
      (m.endsOn === null || input.startsOn <= m.endsOn),
  )
  if (current.length > 0)
    throw new InvalidStateError(
      'seat_overlaps',
      `${person.name} already has a seat on ${committee.name} then`,
    )
  const membership = await insertMembership(trx, {
    committeeId: input.committeeId,
    personId: input.personId,
    termId: input.termId ?? null,
    partyId: input.partyId ?? null,
    role: input.role,
    substituteOrder: input.role === 'substitute' ? (input.substituteOrder ?? null) : null,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
  })
  await recordAudit(trx, actor, 'membership.added', auditRef(membership, committee.organisationId), {
    after: membership,
  })
  return membership
}

export interface SeatOnDay {
  personId: number
  role: MembershipRole
  partyId?: number
}

/**
 * Makes sure a person named in a protocol has a seat on the committee on the meeting day (imports,
 * where attendance is the only record of who sat where): a seat in force is kept; an open seat of
 * the same role that starts later is moved back to the day; otherwise a seat from the day is added.
 */
export async function ensureMembershipOn(
  db: Queryable,
  actor: Actor,
  input: SeatOnDay & { committeeId: number; day: string },
): Promise<Membership> {
  const { committeeId, day, ...seat } = input
  const [membership] = await inTransaction(db, (t) =>
    ensureMembershipsOn(t, actor, { committeeId, day, seats: [seat] }),
  )
  return membership as Membership
}

/**
 * ensureMembershipOn for each of a roll call's persons: their seats on the committee read at once,
 * a seat written only where one is missing. Each seat's result in order; with `onRefused`, a seat
 * a rule refuses is reported and left undefined, otherwise the refusal is thrown.
 */
export async function ensureMembershipsOn(
  trx: Trx,
  actor: Actor,
  input: { committeeId: number; day: string; seats: readonly SeatOnDay[] },
  options: { onRefused?: (index: number, error: DomainError) => void } = {},
): Promise<Array<Membership | undefined>> {
  const { committeeId, day } = input
  const seatsOf = await listSeatsOfPersons(
    trx,
    committeeId,
    input.seats.map((s) => s.personId),
  )
  const result: Array<Membership | undefined> = []
  for (const [index, wanted] of input.seats.entries()) {
    const seats = seatsOf.get(wanted.personId) ?? []
    try {
      const membership = await ensureSeat(trx, actor, { ...wanted, committeeId, day }, seats)
      if (!seats.some((m) => m.id === membership.id)) seats.push(membership)
      else
        seats.splice(
          seats.findIndex((m) => m.id === membership.id),
          1,
          membership,
        )
      result.push(membership)
    } catch (error) {
      if (!(error instanceof DomainError) || !options.onRefused) throw error
      options.onRefused(index, error)
      result.push(undefined)
    }
  }
  return result
}

async function ensureSeat(
  trx: Trx,
  actor: Actor,
  input: SeatOnDay & { committeeId: number; day: string },
  seats: readonly Membership[],
): Promise<Membership> {
  const inForce = seats.find((m) => isActiveOn(m, input.day))
  if (inForce) return inForce
  const later = seats
    .filter((m) => m.startsOn > input.day)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0]
  if (later && later.role === input.role) {
    const after = await updateMembershipRow(trx, later.id, { startsOn: input.day })
    const committee = await getCommittee(trx, input.committeeId)
    await recordAudit(trx, actor, 'membership.moved_back', auditRef(after, committee.organisationId), {
      before: later,
      after,
    })
    return after
  }
  // A seat that starts later with another role: this one ends the day before it.
  const endsOn = later ? addDays(later.startsOn, -1) : undefined
  return addMembership(trx, actor, {
    committeeId: input.committeeId,
    personId: input.personId,
    role: input.role,
    startsOn: input.day,
    ...(input.partyId !== undefined ? { partyId: input.partyId } : {}),
    ...(endsOn !== undefined ? { endsOn } : {}),
  })
}

/** Ends a membership on a day (the last day of the seat). */
export async function endMembership(
  db: Db,
  actor: Actor,
  membershipId: number,
  endsOn: string,
): Promise<Membership> {
  assertDate(endsOn, 'endsOn')
  return db.transaction().execute(async (trx) => {
    const before = await getMembership(trx, membershipId)
    if (endsOn < before.startsOn)
      throw new InvalidInputError(
        'membership_ends_before_start',
        'the membership ends before it starts',
        'endsOn',
      )
    const after = await updateMembershipRow(trx, membershipId, { endsOn })
    const committee = await getCommittee(trx, after.committeeId)
    await recordAudit(trx, actor, 'membership.ended', auditRef(after, committee.organisationId), {
      before,
      after,
    })
    return after
  })
}

/** The committee's members and substitutes on a day; substitutes in their established order. */
export async function listMemberships(
  db: Queryable,
  committeeId: number,
  day?: string,
): Promise<Membership[]> {
  const all = await listMembershipRows(db, committeeId)
  const active = day ? all.filter((m) => isActiveOn(m, day)) : all
  const rank: Record<MembershipRole, number> = { chair: 0, vice_chair: 1, member: 2, substitute: 3 }
  return active.sort(
    (a, b) =>
      rank[a.role] - rank[b.role] ||
      (a.substituteOrder ?? Number.MAX_SAFE_INTEGER) - (b.substituteOrder ?? Number.MAX_SAFE_INTEGER) ||
      a.id - b.id,
  )
}

function assertDate(value: string, field: string) {
  if (!isIsoDate(value))
    throw new InvalidInputError('date_malformed', `${field} must be a date YYYY-MM-DD`, field)
}

const auditRef = (m: Membership, organisationId: number) => ({ type: 'membership', id: m.id, organisationId })

/**
 * Sets the established order in which the committee's substitutes are called in (KL 5:18): the
 * first id gets 1, the next 2, and so on. Every id must be a substitute seat of the committee.
 */
export async function reorderSubstitutes(
  db: Db,
  actor: Actor,
  committeeId: number,
  membershipIds: readonly number[],
): Promise<Membership[]> {
  if (new Set(membershipIds).size !== membershipIds.length)
    throw new InvalidInputError(
      'substitute_order_repeats',
      'a substitute appears twice in the order',
      'order',
    )
  return db.transaction().execute(async (trx) => {
    const committee = await getCommittee(trx, committeeId)
    const seats = new Map((await listMembershipRows(trx, committeeId)).map((m) => [m.id, m]))
    const before = membershipIds.map((id) => {
      const seat = seats.get(id)
      if (seat?.role !== 'substitute')
        throw new InvalidInputError(
          'substitute_order_not_substitute',
          `membership ${id} is no substitute of the committee`,
          'order',
        )
      return seat
    })
    const after: Membership[] = []
    for (const [i, seat] of before.entries())
      after.push(await updateMembershipRow(trx, seat.id, { substituteOrder: i + 1 }))
    await recordAudit(
      trx,
      actor,
      'committee.substitutes_reordered',
      { type: 'committee', id: committee.id, organisationId: committee.organisationId },
      {
        before: before.map((m) => ({ membershipId: m.id, order: m.substituteOrder })),
        after: after.map((m) => ({ membershipId: m.id, order: m.substituteOrder })),
      },
    )
    return after
  })
}
