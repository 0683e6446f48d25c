import { type Db, inTransaction } from '../../src/db/database.ts'
import { createUser } from '../../src/domain/account/account.service.ts'
import { grantRole } from '../../src/domain/account/role-grant.service.ts'
import { createCommittee } from '../../src/domain/committee/committee.service.ts'
import type { Committee } from '../../src/domain/committee/committee.ts'
import { addMembership } from '../../src/domain/membership/membership.service.ts'
import type { MembershipRole } from '../../src/domain/membership/membership.ts'
import { createOrganisation } from '../../src/domain/organisation/organisation.service.ts'
import { addPerson, findOrAddParty } from '../../src/domain/person/person.service.ts'
import type { Person } from '../../src/domain/person/person.ts'
import { systemActor } from '../../src/domain/shared/actor.ts'

/** A seat: the person's name and their party's abbreviation. */
export type Seat = [name: string, party: string]

/** The accounts of the browser tests' meeting cycle: the secretary, the chair and a second signatory. */
export const cycleAccounts = {
  secretary: { email: 'sekreterare@kommun.example', password: 'sekreterarens-losenord' },
  chair: { email: 'ordforande@kommun.example', password: 'ordforandens-losenord' },
  signatory: { email: 'justerare@kommun.example', password: 'justerarens-losenord' },
}

export interface SeatedCommittee {
  committee: Committee
  /** In the order given; the first is the chair. */
  members: Person[]
  /** In the established order (substituteOrder 1, 2, …). */
  substitutes: Person[]
}

/**
 * Stockholms stad's Socialnämnden with the given members (the first is the chair) and substitutes
 * from 2027-01-01, and the cycle's accounts: the committee's secretary, and the first two members
 * as users of their own, so they can sign as signatories.
 */
export async function seatSocialnamnden(
  db: Db,
  seats: { members: Seat[]; substitutes: Seat[] },
): Promise<SeatedCommittee> {
  const actor = systemActor('cli')
  const organisation = await createOrganisation(db, actor, { name: 'Stockholms stad', kind: 'kommun' })
  const committee = await createCommittee(db, actor, {
    organisationId: organisation.id,
    name: 'Socialnämnden',
    kind: 'namnd',
    seats: seats.members.length,
  })
  const { members, substitutes } = await seatWithAccounts(db, organisation.id, committee, seats)
  return { committee, members, substitutes }
}

/**
 * Seats the members (the first is the chair) and substitutes of a committee from 2027-01-01, each
 * in a party of the organisation (added on first sight), and the cycle's accounts: the committee's
 * secretary, and the first two members as users of their own, so they can sign as signatories.
 */
export async function seatWithAccounts(
  db: Db,
  organisationId: number,
  committee: Committee,
  seats: { members: Seat[]; substitutes: Seat[] },
): Promise<SeatedCommittee & { partyOf: Map<number, string> }> {
  const actor = systemActor('cli')
  const partyOf = new Map<number, string>()
  const seat = async ([name, party]: Seat, role: MembershipRole, substituteOrder?: number) => {
    const person = await inTransaction(db, (trx) => addPerson(trx, actor, { organisationId, name }))
    const { id: partyId } = await inTransaction(db, (trx) =>
      findOrAddParty(trx, actor, { organisationId, abbreviation: party }),
    )
    await inTransaction(db, (trx) =>
      addMembership(trx, actor, {
        committeeId: committee.id,
        personId: person.id,
        partyId,
        role,
        startsOn: '2027-01-01',
        ...(substituteOrder ? { substituteOrder } : {}),
      }),
    )
    partyOf.set(person.id, party)
    return person
  }
  const members: Person[] = []
  for (const [i, s] of seats.members.entries()) members.push(await seat(s, i === 0 ? 'chair' : 'member'))
  const substitutes: Person[] = []
  for (const [i, s] of seats.substitutes.entries()) substitutes.push(await seat(s, 'substitute', i + 1))

  const { secretary, chair, signatory } = cycleAccounts
  const secretaryUser = await createUser(db, actor, { ...secretary, name: 'Sara Sekreterare' })
  await grantRole(db, actor, {
    userId: secretaryUser.id,
    role: 'secretary',
    organisationId,
    committeeId: committee.id,
  })
  await createUser(db, actor, { ...chair, name: members[0]!.name, personId: members[0]!.id })
  await createUser(db, actor, { ...signatory, name: members[1]!.name, personId: members[1]!.id })
  return { committee, members, substitutes, partyOf }
}
