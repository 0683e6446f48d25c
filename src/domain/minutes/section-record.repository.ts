import type { Queryable } from '../../db/database.ts'
import { readStringList } from '../shared/json-text.ts'
import type { Author, Dissent, Motion, MotionKind, Recusal, Service, Statement } from './minutes.ts'

// What is recorded under a §: motions, dissents, statements (each with authors), recusals and who
// served. Lists take many section ids, so a whole protocol loads in a fixed number of queries.

type AuthorOwner = 'motion' | 'dissent' | 'statement'

async function insertAuthors(db: Queryable, owner: AuthorOwner, ownerId: number, authors: readonly Author[]) {
  if (authors.length === 0) return
  const rows = authors.map((a, i) => ({
    position: i + 1,
    person_id: a.personId,
    party_id: a.partyId,
    and_others: a.andOthers,
  }))
  // The three author tables share one shape; the owner column differs.
  if (owner === 'motion')
    await db
      .insertInto('motion_author')
      .values(rows.map((r) => ({ ...r, motion_id: ownerId })))
      .execute()
  if (owner === 'dissent')
    await db
      .insertInto('dissent_author')
      .values(rows.map((r) => ({ ...r, dissent_id: ownerId })))
      .execute()
  if (owner === 'statement')
    await db
      .insertInto('statement_author')
      .values(rows.map((r) => ({ ...r, statement_id: ownerId })))
      .execute()
}

async function listAuthors(
  db: Queryable,
  owner: AuthorOwner,
  ownerIds: readonly number[],
): Promise<Map<number, Author[]>> {
  const byOwner = new Map<number, Author[]>()
  if (ownerIds.length === 0) return byOwner
  const rows = await db
    .selectFrom(`${owner}_author` as 'motion_author')
    // Typed as motion_author; the owner column is aliased to one name for all three tables.
    .select([`${owner}_id as motion_id` as 'motion_id', 'person_id', 'party_id', 'and_others'])
    .where(`${owner}_id` as 'motion_id', 'in', [...ownerIds])
    .orderBy('position')
    .execute()
  for (const row of rows) {
    const list = byOwner.get(row.motion_id) ?? []
    list.push({ personId: row.person_id, partyId: row.party_id, andOthers: Boolean(row.and_others) })
    byOwner.set(row.motion_id, list)
  }
  return byOwner
}

async function nextPosition(
  db: Queryable,
  table: 'motion' | 'dissent' | 'statement' | 'vote',
  sectionId: number,
) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('last'))
    .where('section_id', '=', sectionId)
    .executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}

export { nextPosition }

export async function insertMotion(db: Queryable, values: Omit<Motion, 'id' | 'position'>): Promise<Motion> {
  const position = await nextPosition(db, 'motion', values.sectionId)
  const row = await db
    .insertInto('motion')
    .values({
      section_id: values.sectionId,
      position,
      kind: values.kind,
      text: values.text,
      points: JSON.stringify(values.points),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await insertAuthors(db, 'motion', row.id, values.authors)
  return { ...values, id: row.id, position }
}

export async function listMotions(db: Queryable, sectionIds: readonly number[]): Promise<Motion[]> {
  if (sectionIds.length === 0) return []
  const rows = await db
    .selectFrom('motion')
    .selectAll()
    .where('section_id', 'in', [...sectionIds])
    .orderBy('position')
    .execute()
  const authors = await listAuthors(
    db,
    'motion',
    rows.map((r) => r.id),
  )
  return rows.map((row) => ({
    id: row.id,
    sectionId: row.section_id,
    position: row.position,
    kind: row.kind as MotionKind | null,
    text: row.text,
    points: readStringList(row.points),
    authors: authors.get(row.id) ?? [],
  }))
}

export async function insertDissent(
  db: Queryable,
  values: Omit<Dissent, 'id' | 'position'>,
): Promise<Dissent> {
  const position = await nextPosition(db, 'dissent', values.sectionId)
  const row = await db
    .insertInto('dissent')
    .values({ section_id: values.sectionId, position, text: values.text })
    .returning('id')
    .executeTakeFirstOrThrow()
  await insertAuthors(db, 'dissent', row.id, values.authors)
  return { ...values, id: row.id, position }
}

export async function listDissents(db: Queryable, sectionIds: readonly number[]): Promise<Dissent[]> {
  if (sectionIds.length === 0) return []
  const rows = await db
    .selectFrom('dissent')
    .selectAll()
    .where('section_id', 'in', [...sectionIds])
    .orderBy('position')
    .execute()
  const authors = await listAuthors(
    db,
    'dissent',
    rows.map((r) => r.id),
  )
  return rows.map((row) => ({
    id: row.id,
    sectionId: row.section_id,
    position: row.position,
    text: row.text,
    authors: authors.get(row.id) ?? [],
  }))
}

export async function insertStatement(
  db: Queryable,
  values: Omit<Statement, 'id' | 'position'>,
): Promise<Statement> {
  const position = await nextPosition(db, 'statement', values.sectionId)
  const row = await db
    .insertInto('statement')
    .values({ section_id: values.sectionId, position, kind: values.kind, text: values.text })
    .returning('id')
    .executeTakeFirstOrThrow()
  await insertAuthors(db, 'statement', row.id, values.authors)
  return { ...values, id: row.id, position }
}

export async function listStatements(db: Queryable, sectionIds: readonly number[]): Promise<Statement[]> {
  if (sectionIds.length === 0) return []
  const rows = await db
    .selectFrom('statement')
    .selectAll()
    .where('section_id', 'in', [...sectionIds])
    .orderBy('position')
    .execute()
  const authors = await listAuthors(
    db,
    'statement',
    rows.map((r) => r.id),
  )
  return rows.map((row) => ({
    id: row.id,
    sectionId: row.section_id,
    position: row.position,
    kind: row.kind,
    text: row.text,
    authors: authors.get(row.id) ?? [],
  }))
}

export async function insertRecusal(db: Queryable, values: Recusal): Promise<void> {
  await db
    .insertInto('recusal')
    .values({ section_id: values.sectionId, person_id: values.personId, reason: values.reason })
    .execute()
}

export async function listRecusals(db: Queryable, sectionIds: readonly number[]): Promise<Recusal[]> {
  if (sectionIds.length === 0) return []
  const rows = await db
    .selectFrom('recusal')
    .selectAll()
    .where('section_id', 'in', [...sectionIds])
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ sectionId: row.section_id, personId: row.person_id, reason: row.reason }))
}

export async function insertService(db: Queryable, values: Service): Promise<void> {
  await db
    .insertInto('section_service')
    .values({
      section_id: values.sectionId,
      person_id: values.personId,
      party_id: values.partyId,
      serving_for_person_id: values.servingForPersonId,
      remote: values.remote,
    })
    .execute()
}

export async function deleteService(db: Queryable, sectionId: number, personId: number): Promise<void> {
  await db
    .deleteFrom('section_service')
    .where('section_id', '=', sectionId)
    .where('person_id', '=', personId)
    .execute()
}

export async function listServices(db: Queryable, sectionIds: readonly number[]): Promise<Service[]> {
  if (sectionIds.length === 0) return []
  const rows = await db
    .selectFrom('section_service')
    .selectAll()
    .where('section_id', 'in', [...sectionIds])
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    sectionId: row.section_id,
    personId: row.person_id,
    partyId: row.party_id,
    servingForPersonId: row.serving_for_person_id,
    remote: Boolean(row.remote),
  }))
}
