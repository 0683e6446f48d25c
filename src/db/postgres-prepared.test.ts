import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { type Kysely, sql } from 'kysely'
import { openDatabase } from './database.ts'
import { mostParametersPrepared } from './postgres-prepared.ts'

// Issue 15: "statements prepared once and reused". On PostgreSQL each connection prepares a
// statement the first time it runs and then runs it by name; what it keeps must never make a
// statement fail for good (a migration by another server, a pooler's DISCARD ALL).

const postgresUrl = process.env.PARAGRAF_TEST_DATABASE_URL
const skip = postgresUrl ? false : 'PARAGRAF_TEST_DATABASE_URL is not set: prepared statements are PostgreSQL'

describe('PostgreSQL connections prepare each statement once', { skip }, () => {
  const schema = `test_prepared_${randomBytes(4).toString('hex')}`
  // One connection, so every statement below runs on the same one and sees what it kept.
  let db: Kysely<unknown>
  let admin: Kysely<unknown>

  before(async () => {
    admin = openDatabase({
      dialect: 'postgres',
      url: postgresUrl ?? '',
      maxConnections: 1,
    }) as Kysely<unknown>
    await sql`create schema ${sql.id(schema)}`.execute(admin)
    db = openDatabase({
      dialect: 'postgres',
      url: postgresUrl ?? '',
      schema,
      maxConnections: 1,
    }) as Kysely<unknown>
    await sql`create table place (id integer primary key, name text not null)`.execute(db)
    await sql`insert into place values (1, 'Kista'), (2, 'Skärholmen')`.execute(db)
  })
  after(async () => {
    await db.destroy()
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin)
    await admin.destroy()
  })

  /** The statements this connection keeps, by their text. */
  async function kept(): Promise<string[]> {
    const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
      db,
    )
    return rows.map((r) => r.statement)
  }

  it('keeps a statement with parameters after its first run and runs it again by name', async () => {
    const read = (id: number) => sql<{ name: string }>`select name from place where id = ${id}`.execute(db)
    assert.equal((await read(1)).rows[0]?.name, 'Kista')
    assert.equal((await read(2)).rows[0]?.name, 'Skärholmen')
    const statements = (await kept()).filter((s) => s.includes('from place where id'))
    assert.equal(statements.length, 1, 'one kept statement for both runs')
  })

  it('does not keep statements without parameters or with a long list of them', async () => {
    await sql`select count(*) from place`.execute(db)
    const ids = Array.from({ length: mostParametersPrepared + 1 }, (_, n) => n)
    const { rows } = await sql<{
      n: number
    }>`select count(*)::int as n from place where id in (${sql.join(ids)})`.execute(db)
    assert.equal(rows[0]?.n, 2)
    const statements = await kept()
    assert.ok(!statements.some((s) => s.includes('count(*) from place')), statements.join('\n'))
  })

  it('recovers when the schema changes under a kept statement', async () => {
    const row = (id: number) => sql<Record<string, unknown>>`select * from place where id = ${id}`.execute(db)
    assert.deepEqual((await row(1)).rows[0], { id: 1, name: 'Kista' })
    // As a migration by another app server would: the kept statement's result has a column more.
    await sql`alter table ${sql.table(`${schema}.place`)} add column ward text`.execute(admin)
    await assert.rejects(row(1), /cached plan must not change result type/)
    // That connection was closed when it went back to the pool; the next statement gets a new one.
    assert.deepEqual((await row(1)).rows[0], { id: 1, name: 'Kista', ward: null })
  })

  it('recovers when the server forgot what the connection kept', async () => {
    const read = (id: number) => sql<{ name: string }>`select name from place where id = ${id}`.execute(db)
    assert.equal((await read(2)).rows[0]?.name, 'Skärholmen')
    await sql`deallocate all`.execute(db)
    await assert.rejects(read(2), /does not exist/)
    assert.equal((await read(2)).rows[0]?.name, 'Skärholmen')
  })
})
