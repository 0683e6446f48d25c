import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { CompiledQuery, type Kysely, sql, type Transaction } from 'kysely'
import { openDatabase } from './database.ts'
import { keepEverywhere, mostParametersPrepared, plansMadeAgainAfter } from './postgres-prepared.ts'

// Issue 15: "statements prepared once and reused". On PostgreSQL each connection prepares a
// statement of a transaction the first time it runs and then runs it by name; what it keeps must
// never make a statement fail for good (a migration by another server, a pooler's DISCARD ALL).

const postgresUrl = process.env.PARAGRAF_TEST_DATABASE_URL
const skip = postgresUrl ? false : 'PARAGRAF_TEST_DATABASE_URL is not set: prepared statements are PostgreSQL'

describe('PostgreSQL connections prepare the statements of a transaction once', { skip }, () => {
  const schema = `test_prepared_${randomBytes(4).toString('hex')}`
  // One connection, so every statement below runs on the same one and sees what it kept.
  let db: Kysely<unknown>
  let admin: Kysely<unknown>
  const inTransaction = <T>(work: (trx: Transaction<unknown>) => Promise<T>) => db.transaction().execute(work)

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
  const nameOf = (db: Kysely<unknown>, id: number) =>
    sql<{ name: string }>`select name from place where id = ${id}`.execute(db)

  it('keeps a statement of a transaction after its first run and runs it again by name', async () => {
    await inTransaction(async (trx) => {
      assert.equal((await nameOf(trx, 1)).rows[0]?.name, 'Kista')
      assert.equal((await nameOf(trx, 2)).rows[0]?.name, 'Skärholmen')
    })
    await inTransaction(async (trx) => assert.equal((await nameOf(trx, 1)).rows[0]?.name, 'Kista'))
    const statements = (await kept()).filter((s) => s.includes('from place where id'))
    assert.equal(statements.length, 1, 'one kept statement for all three runs')
  })

  it('reads the same rows and counts on the later runs of a kept statement as on its first', async () => {
    // The first run asks PostgreSQL for the result's columns; the later ones use its answer.
    await sql`create table visit (id integer primary key, place_id integer, at timestamptz, on_day date, seen boolean, n bigint, note text)`.execute(
      db,
    )
    const add = (trx: Kysely<unknown>, id: number, note: string | null) =>
      sql<
        Record<string, unknown>
      >`insert into visit values (${id}, ${1}, ${'2026-12-06T09:00:00.123456Z'}, ${'2026-12-06'}, ${id % 2 === 0}, ${2 ** 40 + id}, ${note})
        returning *`.execute(trx)
    const seen = (trx: Kysely<unknown>, from: number) =>
      sql<
        Record<string, unknown>
      >`select v.*, p.name from visit v join place p on p.id = v.place_id where v.id >= ${from} order by v.id`.execute(
        trx,
      )
    const touch = (trx: Kysely<unknown>, upTo: number) =>
      sql`update visit set seen = not seen where id <= ${upTo}`.execute(trx)
    const runs = []
    for (let id = 1; id <= 3; id++)
      runs.push(
        await inTransaction(async (trx) => ({
          added: (await add(trx, id, id === 2 ? null : `besök ${id}`)).rows,
          seen: (await seen(trx, 1)).rows,
          touched: (await touch(trx, id)).numAffectedRows,
        })),
      )
    const row = (id: number, seen: boolean, note: string | null) => ({
      id,
      place_id: 1,
      at: '2026-12-06T09:00:00.123Z',
      on_day: '2026-12-06',
      seen,
      n: 2 ** 40 + id,
      note,
    })
    assert.deepEqual(runs[0], {
      added: [row(1, false, 'besök 1')],
      seen: [{ ...row(1, false, 'besök 1'), name: 'Kista' }],
      touched: 1n,
    })
    assert.deepEqual(runs[2]?.added, [row(3, false, 'besök 3')])
    assert.deepEqual(runs[2]?.seen, [
      { ...row(1, false, 'besök 1'), name: 'Kista' },
      { ...row(2, false, null), name: 'Kista' },
      { ...row(3, false, 'besök 3'), name: 'Kista' },
    ])
    assert.equal(runs[2]?.touched, 3n)
    assert.equal(runs[1]?.touched, 2n)
  })

  it('makes the plans of its kept statements again when the tables may have grown', async () => {
    // A kept statement is planned for all values once, here for a table of three rows (as last
    // analysed): a sequential scan. PostgreSQL keeps that plan while the table grows, until it is
    // analysed again.
    await sql`create table ballot_box (id integer primary key, ward integer not null)`.execute(db)
    await sql`create index ballot_box_ward on ballot_box (ward)`.execute(db)
    await sql`insert into ballot_box values (1, 1), (2, 2), (3, 3)`.execute(db)
    await sql`analyze ballot_box`.execute(db)
    const byWard = (trx: Kysely<unknown>, ward: number) =>
      sql`select id from ballot_box where ward = ${ward}`.execute(trx)
    const plan = async (trx: Kysely<unknown>) => {
      const name = (
        await sql<{ name: string }>`select name from pg_prepared_statements
        where statement like 'select id from ballot_box%'`.execute(trx)
      ).rows[0]?.name
      const { rows } = await sql.raw<{ 'QUERY PLAN': string }>(`explain execute ${name}(1)`).execute(trx)
      return rows.map((r) => r['QUERY PLAN']).join('\n')
    }
    // This connection has begun some transactions in the tests above; count them from here on.
    let begun = 0
    const transaction = async <T>(work: (trx: Transaction<unknown>) => Promise<T>) => {
      begun++
      return inTransaction(work)
    }
    await transaction(async (trx) => {
      for (let run = 0; run < 8; run++) await byWard(trx, 1)
      assert.match(await plan(trx), /Seq Scan on ballot_box/)
    })
    await sql`insert into ballot_box select n, n from generate_series(4, 50000) n`.execute(db)
    // Until the connection makes its plans again, the plan for three rows stays.
    let replanned = false
    while (!replanned) {
      await transaction(async (trx) => {
        await byWard(trx, 1)
        const now = await plan(trx)
        if (/Index|Bitmap/.test(now)) replanned = true
        else assert.match(now, /Seq Scan on ballot_box/)
      })
      assert.ok(begun <= 64, 'made again within 64 transactions')
    }
    assert.ok(begun > 1)
  })

  it('makes plans again after 4, 8, 16, … transactions', () => {
    const after = Array.from({ length: 70 }, (_, n) => n + 1).filter(plansMadeAgainAfter)
    assert.deepEqual(after, [4, 8, 16, 32, 64])
  })

  it('sends a read outside a transaction unnamed, planned for its values, as before', async () => {
    await sql`select id from place where name = ${'Kista'}`.execute(db)
    assert.ok(!(await kept()).some((s) => s.includes('where name =')))
  })

  it('does not keep statements without parameters or with a long list of them', async () => {
    const ids = Array.from({ length: mostParametersPrepared + 1 }, (_, n) => n)
    await inTransaction(async (trx) => {
      await sql`select count(*) from place`.execute(trx)
      const { rows } = await sql<{
        n: number
      }>`select count(*)::int as n from place where id in (${sql.join(ids)})`.execute(trx)
      assert.equal(rows[0]?.n, 2)
    })
    const statements = await kept()
    assert.ok(!statements.some((s) => s.includes('count(*)')), statements.join('\n'))
  })

  it('keeps a statement named to be kept everywhere outside a transaction too, without values', async () => {
    const text = 'select max(id) as last from place'
    keepEverywhere(text)
    for (let run = 0; run < 2; run++) {
      const { rows } = await db.executeQuery<{ last: number }>(CompiledQuery.raw(text))
      assert.equal(rows[0]?.last, 2)
    }
    assert.deepEqual(
      (await kept()).filter((s) => s === text),
      [text],
      'kept once, outside any transaction',
    )
  })

  it('recovers when the schema changes under a kept statement', async () => {
    const row = (trx: Kysely<unknown>) =>
      sql<Record<string, unknown>>`select * from place where id = ${1}`.execute(trx)
    await inTransaction(async (trx) => assert.deepEqual((await row(trx)).rows[0], { id: 1, name: 'Kista' }))
    // As a migration by another app server would: the kept statement's result has a column more.
    await sql`alter table ${sql.table(`${schema}.place`)} add column ward text`.execute(admin)
    await assert.rejects(inTransaction(row), /cached plan must not change result type/)
    // That connection was closed when it went back to the pool; the next transaction gets a new one.
    await inTransaction(async (trx) =>
      assert.deepEqual((await row(trx)).rows[0], { id: 1, name: 'Kista', ward: null }),
    )
  })

  it('recovers when a column changes type under the parameters a kept statement was prepared with', async () => {
    await sql`create table note (id integer primary key, body text)`.execute(db)
    const add = (id: number) =>
      inTransaction((trx) => sql`insert into note (id, body) values (${id}, ${`{"n": ${id}}`})`.execute(trx))
    await add(1)
    await add(2)
    await sql`alter table ${sql.table(`${schema}.note`)} alter column body type jsonb using body::jsonb`.execute(
      admin,
    )
    await assert.rejects(add(3), /jsonb/)
    await add(4)
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from note`.execute(db)
    assert.equal(rows[0]?.n, 3)
  })

  it('recovers when the server forgot what the connection kept', async () => {
    await inTransaction(async (trx) => assert.equal((await nameOf(trx, 2)).rows[0]?.name, 'Skärholmen'))
    await sql`deallocate all`.execute(db)
    await assert.rejects(
      inTransaction((trx) => nameOf(trx, 2)),
      /does not exist/,
    )
    await inTransaction(async (trx) => assert.equal((await nameOf(trx, 2)).rows[0]?.name, 'Skärholmen'))
  })
})
