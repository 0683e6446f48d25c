import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { sql } from 'kysely'
import { openDatabase } from './database.ts'
import { isoTimestamp } from './postgres-types.ts'

// A timestamp read from PostgreSQL is the ISO string Date makes of PostgreSQL's text, whether the
// text is read by isoTimestamp's own reading (UTC) or by Date (any other form).

const asDate = (text: string) => new Date(text).toISOString()

describe('isoTimestamp', () => {
  it('gives what Date gives, milliseconds cut off, for every length of fraction', () => {
    for (const text of [
      '2026-12-06 19:11:14+00',
      '2026-12-06 19:11:14.5+00',
      '2026-12-06 19:11:14.05+00',
      '2026-12-06 19:11:14.370+00',
      '2026-12-06 19:11:14.3709+00',
      '2026-12-06 19:11:14.99999+00',
      '2026-12-06 23:59:59.999999+00',
      '2024-02-29 00:00:00.000001+00',
      '0999-01-01 00:00:00+00',
    ])
      assert.equal(isoTimestamp(text), asDate(text), text)
  })

  it('leaves another time zone to Date', () => {
    for (const text of [
      '2026-12-06 20:11:14.370123+01',
      '2026-06-06 21:11:14+02',
      '2026-12-06 19:11:14+05:30',
    ])
      assert.equal(isoTimestamp(text), asDate(text), text)
    assert.throws(() => isoTimestamp('infinity'), RangeError)
  })
})

const postgresUrl = process.env.PARAGRAF_TEST_DATABASE_URL
const skip = postgresUrl ? false : 'PARAGRAF_TEST_DATABASE_URL is not set'

describe('PostgreSQL timestamps read as ISO strings', { skip }, () => {
  it('reads a timestamp as Date reads its text, in UTC and in another time zone', async () => {
    const db = openDatabase({ dialect: 'postgres', url: postgresUrl ?? '', maxConnections: 1 })
    try {
      const values = Array.from({ length: 50 }, () => {
        const ms = Date.UTC(2020, 0, 1) + Math.floor(Math.random() * 2e11)
        return `${new Date(ms).toISOString().slice(0, 19)}.${randomBytes(3).readUIntBE(0, 3) % 1_000_000}Z`
      })
      for (const zone of ['UTC', 'Europe/Stockholm']) {
        await db.transaction().execute(async (trx) => {
          await sql`select set_config('TimeZone', ${zone}, true)`.execute(trx)
          for (const value of values) {
            const { rows } = await sql<{ at: string; text: string }>`
              select ${value}::timestamptz as at, ${value}::timestamptz::text as text`.execute(trx)
            assert.equal(rows[0]?.at, asDate(rows[0]?.text ?? ''), `${zone}: ${rows[0]?.text}`)
          }
        })
      }
    } finally {
      await db.destroy()
    }
  })
})
