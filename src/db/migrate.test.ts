import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { it } from 'node:test'
import { sql } from 'kysely'
import { statementsSentBy } from '../../test/support/statement-count.ts'
import { describeOnEachDatabase } from '../../test/support/test-db.ts'
import { inTransaction, openDatabase } from './database.ts'
import { pendingMigrations } from './migrate.ts'

// The migrations are listed by hand in migrate.ts (so dist/ and tsx behave the same); a file added
// to the folder and not listed would silently never run. 0015 was once left out that way.
describeOnEachDatabase('migrateToLatest', (getDb) => {
  it('runs every migration file in src/db/migrations', async () => {
    const folder = path.join(import.meta.dirname, 'migrations')
    const files = readdirSync(folder)
      .filter((name) => /^\d{4}-.*\.ts$/.test(name) && !name.endsWith('.test.ts'))
      .map((name) => name.replace(/\.ts$/, ''))
      .sort()
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      getDb(),
    )
    assert.deepEqual(
      rows.map((r) => r.name),
      files,
    )
  })
})

// /ready asks this at every probe: Kysely's migrator listed every table of every schema in the
// database to find its own (seconds on a PostgreSQL shared by many schemas; /ready then timed out).
describeOnEachDatabase('pendingMigrations', (getDb) => {
  it('reads what is pending from the migration table in one statement', async () => {
    let pending: string[] | undefined
    const statements = await statementsSentBy(getDb(), async (db) => {
      pending = await pendingMigrations(db)
    })
    assert.deepEqual(pending, [])
    assert.equal(statements, 1)
    const { rows } = await sql<{ name: string }>`select max(name) as name from kysely_migration`.execute(
      getDb(),
    )
    const last = rows[0]?.name as string
    await inTransaction(getDb(), async (trx) => {
      await sql`delete from kysely_migration where name = ${last}`.execute(trx)
      assert.deepEqual(await pendingMigrations(trx), [last])
      throw new Error('undone')
    }).catch((error: Error) => assert.equal(error.message, 'undone'))
  })

  it('finds everything pending in a database never migrated', async () => {
    const empty = openDatabase({ dialect: 'sqlite', file: ':memory:' })
    try {
      const pending = await pendingMigrations(empty)
      assert.equal(pending[0], '0001-domain-model')
      assert.ok(pending.length > 30)
    } finally {
      await empty.destroy()
    }
  })
})
