import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { describeOnEachDatabase } from './test-db.ts'

describeOnEachDatabase('migrateToLatest', (getDb) => {
  it('creates every table of the domain model, and a second run changes nothing', async () => {
    const db = getDb()
    const tables = await db.introspection.getTables()
    const names = new Set(tables.map((t) => t.name))
    for (const table of [
      'organisation',
      'committee',
      'meeting',
      'agenda_item',
      'section',
      'ballot',
      'notice',
      'audit_event',
    ]) {
      assert.ok(names.has(table), `missing table ${table}`)
    }
    assert.deepEqual(await migrateToLatest(db), [])
  })

  it('enforces foreign keys', async () => {
    const db = getDb()
    await assert.rejects(
      sql`insert into committee (organisation_id, name, slug, kind) values (999, 'X', 'x', 'namnd')`.execute(
        db,
      ),
    )
  })
})
