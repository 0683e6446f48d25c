// Small builders of valid data for service tests. Each goes through the domain services, so the
// data is what the application itself would store; names carry a counter so they never collide.

import { type Db, inTransaction } from '../../src/db/database.ts'
import { type CreateCommitteeInput, createCommittee } from '../../src/domain/committee/committee.service.ts'
import type { Committee } from '../../src/domain/committee/committee.ts'
import { type ScheduleMeetingInput, scheduleMeeting } from '../../src/domain/meeting/meeting.service.ts'
import type { Meeting } from '../../src/domain/meeting/meeting.ts'
import { addMembership } from '../../src/domain/membership/membership.service.ts'
import type { MembershipRole } from '../../src/domain/membership/membership.ts'
import { type OpenMinutesInput, openMinutes } from '../../src/domain/minutes/minutes.service.ts'
import type { Minutes, Section } from '../../src/domain/minutes/minutes.ts'
import { addSection, recordServing, type SectionInput } from '../../src/domain/minutes/section.service.ts'
import type { LocalSettingsOverride } from '../../src/domain/organisation/local-settings.ts'
import {
  type CreateOrganisationInput,
  createOrganisation,
} from '../../src/domain/organisation/organisation.service.ts'
import type { Organisation } from '../../src/domain/organisation/organisation.ts'
import { addPerson } from '../../src/domain/person/person.service.ts'
import type { Person } from '../../src/domain/person/person.ts'
import { systemActor } from '../../src/domain/shared/actor.ts'

export const testActor = systemActor('test')

let counter = 0
/** A number no other test data in this process has. */
export const unique = () => ++counter

export function createTestOrganisation(
  db: Db,
  overrides: Partial<CreateOrganisationInput> = {},
): Promise<Organisation> {
  return createOrganisation(db, testActor, { name: `Testkommun ${unique()}`, kind: 'kommun', ...overrides })
}

/** A nämnd of a new organisation (or of `organisationId`); `organisationSettings` go to that new organisation. */
export async function createTestCommittee(
  db: Db,
  overrides: Partial<CreateCommitteeInput> & { organisationSettings?: LocalSettingsOverride } = {},
): Promise<Committee> {
  const { organisationSettings, ...input } = overrides
  const organisationId =
    input.organisationId ?? (await createTestOrganisation(db, { settings: organisationSettings ?? {} })).id
  return createCommittee(db, testActor, {
    name: `Testnämnden ${unique()}`,
    kind: 'namnd',
    ...input,
    organisationId,
  })
}

export function createTestPerson(
  db: Db,
  organisationId: number,
  name = `Person ${unique()}`,
): Promise<Person> {
  return inTransaction(db, (trx) => addPerson(trx, testActor, { organisationId, name }))
}

/** `n` new persons, each with a seat on the committee from 2022-01-01 (members unless `role` says otherwise). */
export async function addTestMembers(
  db: Db,
  committee: Committee,
  n: number,
  options: { role?: MembershipRole; startsOn?: string; partyId?: number } = {},
): Promise<Person[]> {
  const persons: Person[] = []
  for (let i = 0; i < n; i++) {
    const person = await createTestPerson(db, committee.organisationId)
    await inTransaction(db, (trx) =>
      addMembership(trx, testActor, {
        committeeId: committee.id,
        personId: person.id,
        role: options.role ?? 'member',
        startsOn: options.startsOn ?? '2022-01-01',
        ...(options.partyId ? { partyId: options.partyId } : {}),
        ...(options.role === 'substitute' ? { substituteOrder: i + 1 } : {}),
      }),
    )
    persons.push(person)
  }
  return persons
}

/** A planned meeting on 2022-12-14 of the committee (a new one unless given). */
export async function createTestMeeting(
  db: Db,
  overrides: Partial<ScheduleMeetingInput> & { committee?: Committee } = {},
): Promise<Meeting> {
  const { committee, ...input } = overrides
  const committeeId = input.committeeId ?? committee?.id ?? (await createTestCommittee(db)).id
  return inTransaction(db, (trx) =>
    scheduleMeeting(trx, testActor, { meetsOn: '2022-12-14', ...input, committeeId }),
  )
}

/** Opened minutes of a new meeting of the committee; the meeting is then in 'minutes_draft'. */
export async function createTestMinutes(
  db: Db,
  committee: Committee,
  overrides: Partial<OpenMinutesInput> & { meetsOn?: string } = {},
): Promise<{ meeting: Meeting; minutes: Minutes }> {
  const { meetsOn, ...input } = overrides
  const meeting = await createTestMeeting(db, { committee, ...(meetsOn ? { meetsOn } : {}) })
  const minutes = await inTransaction(db, (trx) =>
    openMinutes(trx, testActor, { meetingId: meeting.id, ...input }),
  )
  return { meeting, minutes }
}

export function addTestSection(
  db: Db,
  minutes: Minutes,
  overrides: Partial<SectionInput> = {},
): Promise<Section> {
  return addSection(db, testActor, { minutesId: minutes.id, title: `Ärende ${unique()}`, ...overrides })
}

/** Records that each person served at the §. */
export async function serveAt(db: Db, section: Section, persons: readonly Person[]): Promise<void> {
  for (const person of persons)
    await inTransaction(db, (trx) =>
      recordServing(trx, testActor, { sectionId: section.id, personId: person.id }),
    )
}
