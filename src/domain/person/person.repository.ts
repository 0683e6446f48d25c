import type { Queryable, Trx } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import { NotFoundError } from '../shared/errors.ts'
import type { Party, Person } from './person.ts'

const toPerson = (row: Selected<'person'>): Person => ({
  id: row.id,
  organisationId: row.organisation_id,
  name: row.name,
  slug: row.slug,
  title: row.title,
})

const toParty = (row: Selected<'party'>): Party => ({
  id: row.id,
  organisationId: row.organisation_id,
  abbreviation: row.abbreviation,
  name: row.name,
})

export async function getPerson(db: Queryable, id: number): Promise<Person> {
  const row = await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('person', id)
  return toPerson(row)
}

export async function findPersonBySlug(db: Queryable, slug: string): Promise<Person | undefined> {
  const row = await db.selectFrom('person').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && toPerson(row)
}

export async function findPersonByName(
  db: Queryable,
  organisationId: number,
  name: string,
): Promise<Person | undefined> {
  const row = await db
    .selectFrom('person')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .orderBy('id')
    .executeTakeFirst()
  return row && toPerson(row)
}

/** The persons of these names in the organisation, by name: the first by id where two share one (findPersonByName). */
export async function listPersonsByNames(
  db: Queryable,
  organisationId: number,
  names: readonly string[],
): Promise<Map<string, Person>> {
  const found = new Map<string, Person>()
  if (names.length === 0) return found
  const rows = await db
    .selectFrom('person')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('name', 'in', [...new Set(names)])
    .orderBy('id')
    .execute()
  for (const row of rows) if (!found.has(row.name)) found.set(row.name, toPerson(row))
  return found
}

export async function listPersonsByIds(db: Queryable, ids: readonly number[]): Promise<Person[]> {
  if (ids.length === 0) return []
  return (
    await db
      .selectFrom('person')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute()
  ).map(toPerson)
}

export async function listPersonSlugsStartingWith(db: Queryable, base: string): Promise<Set<string>> {
  const rows = await db.selectFrom('person').select('slug').where('slug', 'like', `${base}%`).execute()
  return new Set(rows.map((r) => r.slug))
}

export async function insertPerson(trx: Trx, values: Omit<Person, 'id'>): Promise<Person> {
  const row = await trx
    .insertInto('person')
    .values({
      organisation_id: values.organisationId,
      name: values.name,
      slug: values.slug,
      title: values.title,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toPerson(row)
}

export async function findPartyByAbbreviation(
  db: Queryable,
  organisationId: number,
  abbreviation: string,
): Promise<Party | undefined> {
  const row = await db
    .selectFrom('party')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('abbreviation', '=', abbreviation)
    .executeTakeFirst()
  return row && toParty(row)
}

export async function listParties(db: Queryable, organisationId: number): Promise<Party[]> {
  const rows = await db
    .selectFrom('party')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('abbreviation')
    .execute()
  return rows.map(toParty)
}

export async function insertParty(trx: Trx, values: Omit<Party, 'id'>): Promise<Party> {
  const row = await trx
    .insertInto('party')
    .values({ organisation_id: values.organisationId, abbreviation: values.abbreviation, name: values.name })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toParty(row)
}

// E-mail addresses are contact details for notices, never public (GDPR): they stay out of Person.

export async function findPersonEmail(db: Queryable, personId: number): Promise<string | null> {
  const row = await db.selectFrom('person').select('email').where('id', '=', personId).executeTakeFirst()
  if (!row) throw new NotFoundError('person', personId)
  return row.email
}

export async function updatePersonEmail(trx: Trx, personId: number, email: string | null): Promise<void> {
  const result = await trx.updateTable('person').set({ email }).where('id', '=', personId).executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('person', personId)
}

/** The e-mail address of each of the persons that has one. */
export async function listPersonEmails(
  db: Queryable,
  personIds: readonly number[],
): Promise<Map<number, string>> {
  if (personIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('person')
    .select(['id', 'email'])
    .where('id', 'in', [...personIds])
    .where('email', 'is not', null)
    .execute()
  return new Map(rows.flatMap((r) => (r.email ? [[r.id, r.email] as const] : [])))
}

/** The organisation's register of people, by name. */
export async function listPersons(db: Queryable, organisationId: number): Promise<Person[]> {
  const rows = await db
    .selectFrom('person')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .orderBy('id')
    .execute()
  return rows.map(toPerson)
}
