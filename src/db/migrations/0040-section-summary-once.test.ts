import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { listSectionRows } from '../../domain/minutes/minutes.repository.ts'
import { verifySeals } from '../../domain/sign-off/record-seal.service.ts'
import type { Db } from '../database.ts'
import { down, up } from './0040-section-summary-once.ts'

// A § whose summary is its agenda item's keeps none of its own (0040). Read, every § says what it
// said before; a signed-off § keeps its words when its item's summary is changed afterwards.
describeOnEachDatabase('migration 0040: a § summary stored once', (getDb) => {
  const sections = async (db: Db) => {
    const minutes = await db.selectFrom('minutes').select('id').execute()
    return listSectionRows(
      db,
      minutes.map((m) => m.id),
    )
  }
  // The tests of a suite share one database.
  const demo = async (db: Db) => {
    if (!(await db.selectFrom('organisation').select('id').executeTakeFirst()))
      await loadDemoData(db, '2026-11-22')
  }
  const stored = async (db: Db) =>
    (
      await sql<{ id: number; summary: string | null }>`select id, summary from section order by id`.execute(
        db,
      )
    ).rows
  const fromItem = async (db: Db) =>
    (
      await db
        .selectFrom('section')
        .select('id')
        .where('summary_from_item', '=', true)
        .orderBy('id')
        .execute()
    ).map((row) => row.id)

  it('reads every § as before, up and down, and stores each summary once', async () => {
    const db = getDb()
    await demo(db)
    const read = await sections(db)
    const shared = await fromItem(db)
    assert.ok(shared.length >= 15, 'the demo protocol’s §§ read their items’ summaries')
    assert.ok(
      (await stored(db)).every((row) => !shared.includes(row.id) || row.summary === null),
      'such a § stores no summary',
    )

    await down(db as never)
    const before = await stored(db)
    assert.deepEqual(
      before,
      read.map((s) => ({ id: s.id, summary: s.summary })),
      'before 0040 each § held its summary',
    )

    await up(db as never)
    assert.deepEqual(await sections(db), read, 'the same §§ after the migration')
    assert.deepEqual(await fromItem(db), shared, 'the same §§ read their items’ summaries')
  })

  it('gives a § its own summary before its item’s is changed', async () => {
    const db = getDb()
    await demo(db)
    const [first, second] = await fromItem(db)
    const read = new Map((await sections(db)).map((s) => [s.id, s]))
    const itemOf = (id: number | undefined) => read.get(id as number)?.agendaItemId as number

    await db
      .updateTable('agenda_item')
      .set({ summary: 'Ändrad i efterhand.' })
      .where('id', '=', itemOf(first))
      .execute()
    const after = new Map((await sections(db)).map((s) => [s.id, s]))
    assert.equal(after.get(first as number)?.summary, read.get(first as number)?.summary)
    assert.ok(!(await fromItem(db)).includes(first as number), 'the § now keeps its own')
    assert.deepEqual((await verifySeals(db)).findings, [], 'no signed-off § changed')

    // A title changed is not the summary: the § goes on reading the item's.
    await db.updateTable('agenda_item').set({ title: 'Ny rubrik' }).where('id', '=', itemOf(second)).execute()
    assert.ok((await fromItem(db)).includes(second as number))
  })
})
