import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import type { Db } from '../database.ts'
import { down, up } from './0041-services-without-time.ts'

// Who served at each § keeps no time of its own (0041); every row stays, down and up again.
describeOnEachDatabase('migration 0041: who served, without a time', (getDb) => {
  const services = async (db: Db) =>
    (
      await sql<
        Record<string, unknown>
      >`select * from section_service order by section_id, person_id`.execute(db)
    ).rows.map(({ remote, ...row }): Record<string, unknown> => ({ ...row, remote: Boolean(remote) }))

  it('drops the time and keeps every row', async () => {
    const db = getDb()
    await loadDemoData(db, '2026-11-22')
    const upgraded = await services(db)
    assert.ok(upgraded.length > 100, 'the demo records who served')
    assert.ok(upgraded.every((row) => !('created_at' in row)))

    await down(db as never)
    const before = await services(db)
    assert.ok(before.every((row) => typeof row.created_at === 'string' || row.created_at instanceof Date))
    assert.deepEqual(
      before.map(({ created_at, ...row }) => row),
      upgraded,
    )

    await up(db as never)
    assert.deepEqual(await services(db), upgraded)
  })
})
