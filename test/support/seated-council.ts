import type { Db } from '../../src/db/database.ts'
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
import { cycleAccounts, type Seat } from './seated-committee.ts'

// A kommunfullmäktige at full scale for the workspace's tests: 61 members and 30 substitutes in
// eight party groups, with the seats a mid-sized Swedish municipality's council has.

/** Seats per party: members and substitutes (the substitutes in each party's established order). */
export const councilParties: ReadonlyArray<readonly [party: string, members: number, substitutes: number]> = [
  ['S', 20, 10],
  ['M', 13, 6],
  ['SD', 9, 5],
  ['V', 6, 3],
  ['C', 4, 2],
  ['L', 3, 1],
  ['KD', 3, 2],
  ['MP', 3, 1],
]

const givenNames = [
  'Anna',
  'Bo',
  'Carin',
  'Dan',
  'Elin',
  'Fredrik',
  'Gun',
  'Hugo',
  'Ida',
  'Jonas',
  'Kim',
  'Lisa',
]
const familyNames = [
  'Alm',
  'Björk',
  'Ceder',
  'Dahl',
  'Ek',
  'Fur',
  'Gran',
  'Hassel',
  'Lind',
  'Lönn',
  'Rönn',
  'Sälg',
]

/** The n-th invented name: never the same twice for n below 144. */
const nameOf = (n: number) => `${givenNames[n % 12]} ${familyNames[Math.floor(n / 12) % 12]}`

/** 61 member seats (the first is the chair, of S) and 30 substitute seats, each with a unique name. */
export function councilSeats(): { members: Seat[]; substitutes: Seat[] } {
  let n = 0
  const members: Seat[] = []
  const substitutes: Seat[] = []
  for (const [party, memberCount] of councilParties)
    for (let i = 0; i < memberCount; i++) members.push([nameOf(n++), party])
  for (const [party, , substituteCount] of councilParties)
    for (let i = 0; i < substituteCount; i++) substitutes.push([nameOf(n++), party])
  return { members, substitutes }
}

export interface SeatedCouncil {
  committee: Committee
  /** In the order of councilSeats(); the first is the chair. */
  members: Person[]
  /** In the established order (substituteOrder 1, 2, …). */
  substitutes: Person[]
  /** The party of each person, by person id. */
  partyOf: Map<number, string>
}

/**
 * Kommunfullmäktige of Exempelby kommun, 61 seats from 2027-01-01, and its secretary (the cycle's
 * secretary account). The chair and the second member have accounts of their own for signing.
 */
export async function seatKommunfullmaktige(db: Db): Promise<SeatedCouncil> {
  const actor = systemActor('cli')
  const organisation = await createOrganisation(db, actor, { name: 'Exempelby kommun', kind: 'kommun' })
  const seats = councilSeats()
  const committee = await createCommittee(db, actor, {
    organisationId: organisation.id,
    name: 'Kommunfullmäktige',
    kind: 'fullmaktige',
    seats: seats.members.length,
  })
  const partyIds = new Map<string, number>()
  for (const [party] of councilParties) {
    const { id } = await findOrAddParty(db, actor, { organisationId: organisation.id, abbreviation: party })
    partyIds.set(party, id)
  }
  const partyOf = new Map<number, string>()
  const seat = async ([name, party]: Seat, role: MembershipRole, substituteOrder?: number) => {
    const person = await addPerson(db, actor, { organisationId: organisation.id, name })
    await addMembership(db, actor, {
      committeeId: committee.id,
      personId: person.id,
      partyId: partyIds.get(party)!,
      role,
      startsOn: '2027-01-01',
      ...(substituteOrder ? { substituteOrder } : {}),
    })
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
    organisationId: organisation.id,
    committeeId: committee.id,
  })
  await createUser(db, actor, { ...chair, name: members[0]!.name, personId: members[0]!.id })
  await createUser(db, actor, { ...signatory, name: members[1]!.name, personId: members[1]!.id })
  return { committee, members, substitutes, partyOf }
}
