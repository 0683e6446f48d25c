import { keptFromTransaction, keptInTransaction, type Queryable, type Trx } from '../../db/database.ts'
import type { NewRow, Selected } from '../../db/schema.ts'
import { NotFoundError } from '../shared/errors.ts'
import { groupBy } from '../shared/group-by.ts'
import { readStringList } from '../shared/json-text.ts'
import { findKeptSections } from './minutes.repository.ts'
import type { Author, Dissent, Motion, MotionKind, Recusal, Service, Statement } from './minutes.ts'

// What is recorded under a §: motions, dissents, statements (each with authors), recusals and who
// served. Lists take many section ids, so a whole protocol loads in a fixed number of queries.

type AuthorOwner = 'motion' | 'dissent' | 'statement'

// The three owner tables share section_id and position, and their author tables share one shape
// with the owner column named after the table. Kysely cannot type a query over a union of tables,
// so these few generic functions name one of them for the type checker.

/** The authors of owners just inserted, in one statement per 150 rows (SQLite's bound parameters). */
async function insertAuthors(
  db: Trx,
  owner: AuthorOwner,
  owned: ReadonlyArray<{ id: number; authors: readonly Author[] }>,
) {
  const rows = owned.flatMap(({ id, authors }) =>
    authors.map((a, i) => ({
      [`${owner}_id`]: id,
      position: i + 1,
      person_id: a.personId,
      party_id: a.partyId,
      and_others: a.andOthers,
    })),
  )
  for (let i = 0; i < rows.length; i += 150) {
    await db
      .insertInto(`${owner}_author` as 'motion_author')
      .values(rows.slice(i, i + 150) as NewRow<'motion_author'>[])
      .execute()
  }
}

async function listAuthors(db: Queryable, owner: AuthorOwner, ownerIds: readonly number[]) {
  if (ownerIds.length === 0) return new Map<number, Author[]>()
  const rows = await db
    .selectFrom(`${owner}_author` as 'motion_author')
    .select([`${owner}_id as motion_id` as 'motion_id', 'person_id', 'party_id', 'and_others'])
    .where(`${owner}_id` as 'motion_id', 'in', [...ownerIds])
    .orderBy('position')
    .execute()
  return groupBy(
    rows,
    (row) => row.motion_id,
    (row): Author => ({ personId: row.person_id, partyId: row.party_id, andOthers: Boolean(row.and_others) }),
  )
}

/**
 * Inserts motions, dissents or statements at the positions given (one statement per 150), then
 * their authors; returns their ids in the order given, as one insert after the other numbered them.
 */
async function insertOwned<T extends AuthorOwner>(
  db: Trx,
  owner: T,
  rows: ReadonlyArray<Omit<NewRow<T>, 'section_id' | 'position'> & { section_id: number; position: number }>,
  authors: ReadonlyArray<readonly Author[]>,
): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < rows.length; i += 150) {
    const chunk = rows.slice(i, i + 150)
    const returned = await db
      .insertInto(owner as 'dissent')
      .values(chunk as unknown as NewRow<'dissent'>[])
      .returning(['id', 'section_id', 'position'])
      .execute()
    // RETURNING promises no order: each row is found again by its § and position.
    const byKey = new Map(returned.map((r) => [`${r.section_id}:${r.position}`, r.id]))
    for (const row of chunk) ids.push(byKey.get(`${row.section_id}:${row.position}`) as number)
  }
  await insertAuthors(
    db,
    owner,
    ids.map((id, i) => ({ id, authors: authors[i] ?? [] })),
  )
  return ids
}

/** The motions, dissents or statements of some §§ in order, each with its authors: two queries. */
async function listOwned<T extends AuthorOwner>(
  db: Queryable,
  owner: T,
  sectionIds: readonly number[],
): Promise<Array<Selected<T> & { id: number; authors: Author[] }>> {
  if (sectionIds.length === 0) return []
  const rows = (await db
    .selectFrom(owner as 'dissent')
    .selectAll()
    .where('section_id', 'in', [...sectionIds])
    .orderBy('position')
    .execute()) as Array<Selected<T> & { id: number }>
  const authors = await listAuthors(
    db,
    owner,
    rows.map((r) => r.id),
  )
  return rows.map((row) => ({ ...row, authors: authors.get(row.id) ?? [] }))
}

export async function nextPosition(
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

/** Motions at the positions given, with their authors, in a few statements; returned in order with their ids. */
export async function insertMotions(
  db: Trx,
  motions: ReadonlyArray<Omit<Motion, 'id' | 'position'> & { position: number }>,
): Promise<Motion[]> {
  const rows = motions.map((m) => ({
    section_id: m.sectionId,
    kind: m.kind,
    text: m.text,
    points: JSON.stringify(m.points),
    position: m.position,
  }))
  const ids = await insertOwned(
    db,
    'motion',
    rows,
    motions.map((m) => m.authors),
  )
  return motions.map(({ position, ...values }, i) => ({ ...values, id: ids[i] as number, position }))
}

export async function listMotions(db: Queryable, sectionIds: readonly number[]): Promise<Motion[]> {
  return (await listOwned(db, 'motion', sectionIds)).map((row) => ({
    id: row.id,
    sectionId: row.section_id,
    position: row.position,
    kind: row.kind as MotionKind | null,
    text: row.text,
    points: readStringList(row.points),
    authors: row.authors,
  }))
}

/** Dissents at the positions given, with their authors, in a few statements; returned in order with their ids. */
export async function insertDissents(
  db: Trx,
  dissents: ReadonlyArray<Omit<Dissent, 'id' | 'position'> & { position: number }>,
): Promise<Dissent[]> {
  const rows = dissents.map((d) => ({ section_id: d.sectionId, text: d.text, position: d.position }))
  const ids = await insertOwned(
    db,
    'dissent',
    rows,
    dissents.map((d) => d.authors),
  )
  return dissents.map(({ position, ...values }, i) => ({ ...values, id: ids[i] as number, position }))
}

export async function listDissents(db: Queryable, sectionIds: readonly number[]): Promise<Dissent[]> {
  return (await listOwned(db, 'dissent', sectionIds)).map((row) => ({
    id: row.id,
    sectionId: row.section_id,
    position: row.position,
    text: row.text,
    authors: row.authors,
  }))
}

export async function getDissent(db: Queryable, id: number): Promise<Dissent> {
  const row = await db.selectFrom('dissent').select('section_id').where('id', '=', id).executeTakeFirst()
  const found = row && (await listDissents(db, [row.section_id])).find((d) => d.id === id)
  if (!found) throw new NotFoundError('dissent', id)
  return found
}

export async function updateDissentText(db: Trx, id: number, text: string): Promise<Dissent> {
  await db.updateTable('dissent').set({ text }).where('id', '=', id).execute()
  return getDissent(db, id)
}

/** Statements at the positions given, with their authors, in a few statements; returned in order with their ids. */
export async function insertStatements(
  db: Trx,
  statements: ReadonlyArray<Omit<Statement, 'id' | 'position'> & { position: number }>,
): Promise<Statement[]> {
  const rows = statements.map((s) => ({
    section_id: s.sectionId,
    kind: s.kind,
    text: s.text,
    position: s.position,
  }))
  const ids = await insertOwned(
    db,
    'statement',
    rows,
    statements.map((s) => s.authors),
  )
  return statements.map(({ position, ...values }, i) => ({ ...values, id: ids[i] as number, position }))
}

export async function listStatements(db: Queryable, sectionIds: readonly number[]): Promise<Statement[]> {
  return (await listOwned(db, 'statement', sectionIds)).map((row) => ({
    id: row.id,
    sectionId: row.section_id,
    position: row.position,
    kind: row.kind,
    text: row.text,
    authors: row.authors,
  }))
}

export async function insertRecusal(db: Trx, values: Recusal): Promise<void> {
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

/**
 * Records who served, after those already recorded at each § (`position`, 0042): the last place
 * taken at each § is read in one statement, and the rows are numbered on from it. A § of minutes
 * this transaction opened has no one yet until it records someone, so nothing is read for it (the
 * import's case).
 */
export async function insertServices(db: Trx, values: readonly Service[]): Promise<void> {
  if (values.length === 0) return
  const sectionIds = [...new Set(values.map((v) => v.sectionId))]
  const asked = sectionIds.filter((id) => !noServiceYet(db, id))
  const last = new Map<number, number>()
  if (asked.length > 0) {
    const taken = await db
      .selectFrom('section_service')
      .select((eb) => ['section_id', eb.fn.max('position').as('last')])
      .where('section_id', 'in', asked)
      .groupBy('section_id')
      .execute()
    for (const row of taken) last.set(row.section_id, Number(row.last))
  }
  for (const sectionId of sectionIds) keptInTransaction(db, servicesWritten(sectionId), { sectionId })
  const rows = values.map((v) => {
    const position = (last.get(v.sectionId) ?? 0) + 1
    last.set(v.sectionId, position)
    return {
      section_id: v.sectionId,
      person_id: v.personId,
      party_id: v.partyId,
      serving_for_person_id: v.servingForPersonId,
      remote: v.remote,
      position,
    }
  })
  // Chunked: SQLite limits the number of bound parameters in one statement.
  for (let i = 0; i < rows.length; i += 150)
    await db
      .insertInto('section_service')
      .values(rows.slice(i, i + 150))
      .execute()
}

// §§ of minutes this transaction opened have no one recorded as serving but whom it recorded (no
// other transaction sees them before the commit): until it records someone, a § has no one.
const servicesWritten = (sectionId: number) => `services-written:${sectionId}`
const noServiceYet = (db: Queryable, sectionId: number) =>
  findKeptSections(db, [sectionId]) !== undefined && !keptFromTransaction(db, servicesWritten(sectionId))

export async function insertService(db: Trx, values: Service): Promise<void> {
  await insertServices(db, [values])
}

export async function deleteService(db: Trx, sectionId: number, personId: number): Promise<void> {
  await db
    .deleteFrom('section_service')
    .where('section_id', '=', sectionId)
    .where('person_id', '=', personId)
    .execute()
}

export async function listServices(db: Queryable, sectionIds: readonly number[]): Promise<Service[]> {
  const asked = sectionIds.filter((id) => !noServiceYet(db, id))
  if (asked.length === 0) return []
  const rows = await db
    .selectFrom('section_service')
    .selectAll()
    .where('section_id', 'in', asked)
    .orderBy('section_id')
    .orderBy('position')
    .execute()
  return rows.map((row) => ({
    sectionId: row.section_id,
    personId: row.person_id,
    partyId: row.party_id,
    servingForPersonId: row.serving_for_person_id,
    remote: Boolean(row.remote),
  }))
}
