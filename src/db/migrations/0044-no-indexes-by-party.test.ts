import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import type { Db } from '../database.ts'
import { down, up } from './0044-no-indexes-by-party.ts'

// The indexes by party that nothing reads go; the ballots' (the vote table's filter) stays.
describeOnEachDatabase('migration 0044: no indexes by party that nothing reads', (getDb, dialect) => {
  const indexes = async (db: Db) =>
    dialect === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{ name: string }>`select indexname as name from pg_indexes
            where schemaname = current_schema()`.execute(db)
        ).rows.map((r) => r.name)
  const byParty = async (db: Db) => (await indexes(db)).filter((name) => name.endsWith('_party_id')).sort()

  it('drops the unread indexes by party and keeps the ballots’, down and up again', async () => {
    const db = getDb()
    assert.deepEqual(await byParty(db), ['ballot_party_id', 'membership_party_id'])
    await down(db as never)
    assert.deepEqual(await byParty(db), [
      'attendance_party_id',
      'ballot_party_id',
      'dissent_author_party_id',
      'membership_party_id',
      'motion_author_party_id',
      'statement_author_party_id',
    ])
    await up(db as never)
    assert.deepEqual(await byParty(db), ['ballot_party_id', 'membership_party_id'])
  })
})
