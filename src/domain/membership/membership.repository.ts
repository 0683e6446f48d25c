import type { Queryable, Trx } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import { NotFoundError } from '../shared/errors.ts'
import type { Membership, MembershipRole, Term } from './membership.ts'

const toMembership = (row: Selected<'membership'>): Membership => ({
  id: row.id,
  committeeId: row.committee_id,
  personId: row.person_id,
  termId: row.term_id,
  partyId: row.party_id,
  role: row.role as MembershipRole,
  substituteOrder: row.substitute_order,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
})

const toTerm = (row: Selected<'term'>): Term => ({
  id: row.id,
  organisationId: row.organisation_id,
  name: row.name,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
})

export async function getMembership(db: Queryable, id: number): Promise<Membership> {
  const row = await db.selectFrom('membership').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('membership', id)
  return toMembership(row)
}

export async function listMembershipRows(db: Queryable, committeeId: number): Promise<Membership[]> {
  const rows = await db
    .selectFrom('membership')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute()
  return rows.map(toMembership)
}

export async function listSeatsOfPerson(
  db: Queryable,
  committeeId: number,
  personId: number,
): Promise<Membership[]> {
  const rows = await db
    .selectFrom('membership')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .where('person_id', '=', personId)
    .orderBy('starts_on')
    .execute()
  return rows.map(toMembership)
}

/** The seats of these persons on the committee, per person, each person's by start. */
export async function listSeatsOfPersons(
  db: Queryable,
  committeeId: number,
  personIds: readonly number[],
): Promise<Map<number, Membership[]>> {
  const seats = new Map<number, Membership[]>(personIds.map((id) => [id, []]))
  if (personIds.length === 0) return seats
  const rows = await db
    .selectFrom('membership')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .where('person_id', 'in', [...new Set(personIds)])
    .orderBy('starts_on')
    .orderBy('id')
    .execute()
  for (const row of rows) seats.get(row.person_id)?.push(toMembership(row))
  return seats
}

export async function listMembershipsOfPerson(db: Queryable, personId: number): Promise<Membership[]> {
  const rows = await db
    .selectFrom('membership')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('starts_on')
    .execute()
  return rows.map(toMembership)
}

export async function insertMembership(trx: Trx, values: Omit<Membership, 'id'>): Promise<Membership> {
  const row = await trx
    .insertInto('membership')
    .values({
      committee_id: values.committeeId,
      person_id: values.personId,
      term_id: values.termId,
      party_id: values.partyId,
      role: values.role,
      substitute_order: values.substituteOrder,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toMembership(row)
}

export async function updateMembershipRow(
  trx: Trx,
  id: number,
  values: { startsOn?: string; endsOn?: string | null; substituteOrder?: number | null },
): Promise<Membership> {
  const row = await trx
    .updateTable('membership')
    .set({
      ...(values.startsOn !== undefined ? { starts_on: values.startsOn } : {}),
      ...(values.endsOn !== undefined ? { ends_on: values.endsOn } : {}),
      ...(values.substituteOrder !== undefined ? { substitute_order: values.substituteOrder } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new NotFoundError('membership', id)
  return toMembership(row)
}

export async function findTermByName(
  db: Queryable,
  organisationId: number,
  name: string,
): Promise<Term | undefined> {
  const row = await db
    .selectFrom('term')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .executeTakeFirst()
  return row && toTerm(row)
}

export async function findTermOn(
  db: Queryable,
  organisationId: number,
  day: string,
): Promise<Term | undefined> {
  const row = await db
    .selectFrom('term')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('starts_on', '<=', day)
    .where('ends_on', '>=', day)
    .executeTakeFirst()
  return row && toTerm(row)
}

export async function insertTerm(trx: Trx, values: Omit<Term, 'id'>): Promise<Term> {
  const row = await trx
    .insertInto('term')
    .values({
      organisation_id: values.organisationId,
      name: values.name,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toTerm(row)
}

export async function listTerms(db: Queryable, organisationId: number): Promise<Term[]> {
  const rows = await db
    .selectFrom('term')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('starts_on', 'desc')
    .execute()
  return rows.map(toTerm)
}
