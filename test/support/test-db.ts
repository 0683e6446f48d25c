import { randomBytes } from 'node:crypto'
import { after, before, describe } from 'node:test'
import { sql } from 'kysely'
import { type Db, openDatabase } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'

export type TestDialect = 'sqlite' | 'postgres'

const postgresUrl = process.env.PARAGRAF_TEST_DATABASE_URL

/** The databases the suite runs on: in-memory SQLite always, PostgreSQL when a URL is given. */
export const testDialects: TestDialect[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite']

/**
 * A fresh, migrated database. On PostgreSQL each one lives in a schema of its own, so test files
 * running in parallel never see each other's rows; `destroy` drops it.
 */
export async function createTestDb(dialect: TestDialect): Promise<{ db: Db; destroy: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const db = openDatabase({ dialect: 'sqlite', file: ':memory:' })
    await migrateToLatest(db)
    return { db, destroy: () => db.destroy() }
  }
  if (!postgresUrl) throw new Error('PARAGRAF_TEST_DATABASE_URL is not set')
  // Under `npm test` the runner drops this run's schemas when every file is done: dropping one while
  // another file's migration introspects the catalogue makes PostgreSQL fail that migration.
  const run = process.env.PARAGRAF_TEST_RUN
  const schema = `test_${run ? `${run}_` : ''}${randomBytes(6).toString('hex')}`
  const admin = openDatabase({ dialect: 'postgres', url: postgresUrl, maxConnections: 1 })
  await sql`create schema ${sql.id(schema)}`.execute(admin)
  const db = openDatabase({ dialect: 'postgres', url: postgresUrl, schema, maxConnections: 4 })
  const destroy = async () => {
    await db.destroy()
    if (!run) await sql`drop schema ${sql.id(schema)} cascade`.execute(admin)
    await admin.destroy()
  }
  try {
    await migrateToLatest(db)
  } catch (error) {
    await destroy() // a failed migration must not leave its schema behind
    throw error
  }
  return { db, destroy }
}

/**
 * Runs the same tests on every test database. `getDb` gives the database of the current run;
 * each describe block gets one fresh database, so tests inside it make their own data.
 */
export function describeOnEachDatabase(
  name: string,
  body: (getDb: () => Db, dialect: TestDialect) => void,
): void {
  for (const dialect of testDialects) {
    describe(`${name} [${dialect}]`, () => {
      let handle: Awaited<ReturnType<typeof createTestDb>> | undefined
      before(async () => {
        handle = await createTestDb(dialect)
      })
      after(async () => {
        await handle?.destroy()
      })
      body(() => {
        if (!handle) throw new Error('the test database is not open yet')
        return handle.db
      }, dialect)
    })
  }
}
