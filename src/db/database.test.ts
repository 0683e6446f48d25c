import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { sql } from 'kysely'
import { openDatabase } from './database.ts'
import { databaseFaultOf } from './database-faults.ts'

describe('openDatabase (SQLite) when the database is full', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-full-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('fails a transaction with SQLITE_FULL, not with "cannot rollback", and goes on reading', async () => {
    const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'full.sqlite') })
    try {
      await sql`create table filler (text text)`.execute(db)
      await sql`insert into filler values ('kvar')`.execute(db)
      // The file may not grow: SQLite answers SQLITE_FULL, as on a full disk, and rolls the
      // transaction back itself.
      const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]?.page_count
      await sql.raw(`pragma max_page_count = ${pages}`).execute(db)
      const failure = await db
        .transaction()
        .execute(async (trx) => {
          await sql`insert into filler values ('ny')`.execute(trx)
          await sql`insert into filler values (${'x'.repeat(1_000_000)})`.execute(trx)
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        )
      assert.equal((failure as { code?: string }).code, 'SQLITE_FULL', String(failure))
      assert.equal(databaseFaultOf(failure), 'full')
      const rows = await sql<{ text: string }>`select text from filler`.execute(db)
      assert.deepEqual(
        rows.rows.map((row) => row.text),
        ['kvar'],
      )
    } finally {
      await db.destroy()
    }
  })
})
