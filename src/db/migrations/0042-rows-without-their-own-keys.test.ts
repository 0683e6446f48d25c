import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { verifySeals } from '../../domain/sign-off/record-seal.service.ts'
import type { Db } from '../database.ts'
import { down, up } from './0042-rows-without-their-own-keys.ts'

// Who served is keyed by § and person, in the order recorded; five kinds of rows lose an unread
// time. Down and up again keep every row, its order and the seals over the signed-off record.
describeOnEachDatabase('migration 0042: rows without keys or times of their own', (getDb, dialect) => {
  const served = async (db: Db, order: 'id' | 'position') =>
    (
      await sql<Record<string, unknown>>`select section_id, person_id, party_id, serving_for_person_id, remote
        from section_service order by section_id, ${sql.ref(order)}`.execute(db)
    ).rows.map((row) => ({ ...row, remote: Boolean(row.remote) }))
  const columns = async (db: Db, table: string) =>
    dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)).rows.map(
          (r) => r.name,
        )
      : (
          await sql<{ name: string }>`select column_name as name from information_schema.columns
            where table_schema = current_schema() and table_name = ${table}`.execute(db)
        ).rows.map((r) => r.name)
  const timeless = ['ballot', 'motion_author', 'dissent_author', 'statement_author', 'sign_off_section']

  it('keeps who served in the order recorded, and every row of the timeless tables', async () => {
    const db = getDb()
    await loadDemoData(db, '2026-11-22')
    const upgraded = await served(db, 'position')
    assert.ok(upgraded.length > 100, 'the demo records who served')
    assert.ok(!(await columns(db, 'section_service')).includes('id'))
    for (const table of timeless) assert.ok(!(await columns(db, table)).includes('created_at'), table)
    const counts = async () =>
      Promise.all(
        timeless.map(async (t) =>
          Number(
            (await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db)).rows[0]?.n,
          ),
        ),
      )
    const rows = await counts()

    await down(db as never)
    assert.deepEqual(await served(db, 'id'), upgraded, 'ids in the order recorded at each §')
    for (const table of timeless) assert.ok((await columns(db, table)).includes('created_at'), table)
    assert.deepEqual(await counts(), rows)

    await up(db as never)
    assert.deepEqual(await served(db, 'position'), upgraded)
    assert.deepEqual(await counts(), rows)
    const seals = await verifySeals(db)
    assert.ok(seals.checked > 0)
    assert.deepEqual(seals.findings, [], 'the signed-off record reads as it was sealed')
  })

  it('refuses a second row for the same person at the same §', async () => {
    const db = getDb()
    const row = await db.selectFrom('section_service').selectAll().executeTakeFirstOrThrow()
    await assert.rejects(
      db
        .insertInto('section_service')
        .values({ ...row, remote: Boolean(row.remote), position: row.position + 100 })
        .execute(),
    )
  })
})
