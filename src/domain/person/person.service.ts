import { inTransaction, type Queryable, type Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { isEmailAddress } from '../mail/outgoing-mail.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError } from '../shared/errors.ts'
import { cappedSlug, uniqueSlug } from '../shared/slug.ts'
import {
  findPartyByAbbreviation,
  findPersonByName,
  findPersonEmail,
  getPerson,
  insertParty,
  insertPerson,
  listPersonSlugsStartingWith,
  updatePersonEmail,
} from './person.repository.ts'
import type { Party, Person } from './person.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    person_name_missing: undefined
    party_exists: undefined
    party_abbreviation_invalid: undefined
  }
}

/** Adds a person to the organisation's register; a namesake gets a numbered slug of their own. */
export async function addPerson(
  trx: Trx,
  actor: Actor,
  input: { organisationId: number; name: string; title?: string },
): Promise<Person> {
  const name = input.name.trim().replace(/\s+/g, ' ')
  if (!name) throw new InvalidInputError('person_name_missing', 'the person needs a name', 'name')
  const base = cappedSlug(name) || 'person'
  const person = await insertPerson(trx, {
    organisationId: input.organisationId,
    name,
    slug: uniqueSlug(base, await listPersonSlugsStartingWith(trx, base)),
    title: input.title?.trim() || null,
  })
  await recordAudit(
    trx,
    actor,
    'person.added',
    { type: 'person', id: person.id, organisationId: input.organisationId },
    {
      after: person,
    },
  )
  return person
}

/**
 * The person of that name, added if the organisation has none. For imports, where a published
 * document names people but carries no identifiers.
 */
export async function findOrAddPerson(
  trx: Trx,
  actor: Actor,
  input: { organisationId: number; name: string; title?: string },
): Promise<Person> {
  const name = input.name.trim().replace(/\s+/g, ' ')
  return (await findPersonByName(trx, input.organisationId, name)) ?? addPerson(trx, actor, input)
}

/** Registers a new party or group; its abbreviation must be new in the organisation. */
export async function addParty(
  db: Queryable,
  actor: Actor,
  input: { organisationId: number; abbreviation: string; name?: string },
): Promise<Party> {
  return inTransaction(db, async (trx) => {
    if (await findPartyByAbbreviation(trx, input.organisationId, input.abbreviation.trim()))
      throw new InvalidInputError(
        'party_exists',
        `the party ${input.abbreviation.trim()} exists`,
        'abbreviation',
      )
    return findOrAddParty(trx, actor, input)
  })
}

/** The party of that abbreviation ("S", "F!"), registered if new. */
export async function findOrAddParty(
  trx: Trx,
  actor: Actor,
  input: { organisationId: number; abbreviation: string; name?: string },
): Promise<Party> {
  const abbreviation = input.abbreviation.trim()
  if (!abbreviation || abbreviation.length > 20)
    throw new InvalidInputError(
      'party_abbreviation_invalid',
      'a party abbreviation of 1–20 characters is needed',
      'abbreviation',
    )
  const existing = await findPartyByAbbreviation(trx, input.organisationId, abbreviation)
  if (existing) return existing
  const party = await insertParty(trx, {
    organisationId: input.organisationId,
    abbreviation,
    name: input.name ?? null,
  })
  await recordAudit(
    trx,
    actor,
    'party.added',
    { type: 'party', id: party.id, organisationId: input.organisationId },
    {
      after: party,
    },
  )
  return party
}

/**
 * Sets the address where the person gets notices (kallelser) by e-mail; empty removes it. The
 * address is never shown publicly (GDPR).
 */
export async function setPersonEmail(
  trx: Trx,
  actor: Actor,
  input: { personId: number; email: string | null },
): Promise<string | null> {
  const email = input.email?.trim() || null
  if (email !== null && !isEmailAddress(email))
    throw new InvalidInputError(
      'email_malformed',
      'the e-mail address must look like namn@kommun.se',
      'email',
    )
  const person = await getPerson(trx, input.personId)
  const before = await findPersonEmail(trx, person.id)
  if (before === email) return email
  await updatePersonEmail(trx, person.id, email)
  await recordAudit(
    trx,
    actor,
    'person.email_changed',
    { type: 'person', id: person.id, organisationId: person.organisationId },
    { before: { email: before }, after: { email } },
  )
  return email
}
