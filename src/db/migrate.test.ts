import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { it } from 'node:test'
import { sql } from 'kysely'
import { describeOnEachDatabase } from '../../test/support/test-db.ts'

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
