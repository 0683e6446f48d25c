import type { Db } from '../../src/db/database.ts'
import { createCommittee } from '../../src/domain/committee/committee.service.ts'
import type { Committee } from '../../src/domain/committee/committee.ts'
import { createOrganisation } from '../../src/domain/organisation/organisation.service.ts'
import type { Person } from '../../src/domain/person/person.ts'
import { systemActor } from '../../src/domain/shared/actor.ts'
import { type Seat, seatWithAccounts } from './seated-committee.ts'

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
  return seatWithAccounts(db, organisation.id, committee, seats)
}
