import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'

describeOnEachDatabase('0032-sign-off-date-order', (getDb, dialect) => {
  it('reads the latest sign-offs down an index on their day, not by sorting all of them', async () => {
    const db = getDb()
    if (dialect === 'sqlite') {
      // The minutes feed's query (listSignedOffRows): the sign-offs walked newest first, no sort.
      const { rows } = await sql<{ detail: string }>`explain query plan
        select s.id from sign_off s
        inner join minutes x on x.id = s.minutes_id
        inner join meeting m on m.id = x.meeting_id
        inner join committee c on c.id = m.committee_id
        where s.status = 'signed_off' order by s.signed_off_on desc, s.id desc limit 50`.execute(db)
      const plan = rows.map((r) => r.detail).join('\n')
      assert.match(plan, /SCAN s USING INDEX sign_off_date_order/)
      assert.doesNotMatch(plan, /TEMP B-TREE/)
    } else {
      const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes
        where schemaname = current_schema() and indexname = 'sign_off_date_order'`.execute(db)
      assert.match(rows[0]?.indexdef ?? '', /\(signed_off_on, id\)/)
    }
  })
})
