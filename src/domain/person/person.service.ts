import type { Queryable } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError } from '../shared/errors.ts'
import { slugify, uniqueSlug } from '../shared/slug.ts'
import {
  findPartyByAbbreviation,
  findPersonByName,
  insertParty,
  insertPerson,
  listPersonSlugsStartingWith,
} from './person.repository.ts'
import type { Party, Person } from './person.ts'

export { findPersonBySlug, getPerson, listParties, listPersonsByIds } from './person.repository.ts'

/** Adds a person to the organisation's register; a namesake gets a numbered slug of their own. */
export async function addPerson(
  trx: Queryable,
  actor: Actor,
  input: { organisationId: number; name: string; title?: string },
): Promise<Person> {
  const name = input.name.trim().replace(/\s+/g, ' ')
  if (!name) throw new InvalidInputError('the person needs a name', 'name')
  const base = slugify(name) || 'person'
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
  trx: Queryable,
  actor: Actor,
  input: { organisationId: number; name: string; title?: string },
): Promise<Person> {
  const name = input.name.trim().replace(/\s+/g, ' ')
  return (await findPersonByName(trx, input.organisationId, name)) ?? addPerson(trx, actor, input)
}

/** The party of that abbreviation ("S", "F!"), registered if new. */
export async function findOrAddParty(
  trx: Queryable,
  actor: Actor,
  input: { organisationId: number; abbreviation: string; name?: string },
): Promise<Party> {
  const abbreviation = input.abbreviation.trim()
  if (!abbreviation || abbreviation.length > 20)
    throw new InvalidInputError('a party abbreviation of 1–20 characters is needed', 'abbreviation')
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
