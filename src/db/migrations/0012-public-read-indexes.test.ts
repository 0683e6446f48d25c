import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'

describeOnEachDatabase('0012-public-read-indexes', (getDb, dialect) => {
  it('reads the §§ of a sign-off and a person’s ballots through an index, not a scan', async () => {
    const db = getDb()
    if (dialect === 'sqlite') {
      for (const [query, index] of [
        ['select section_id from sign_off_section where sign_off_id = 1', 'sign_off_section_sign_off_id'],
        ['select vote_id from ballot where person_id = 1', 'ballot_person_id'],
        // A party's ballots (the vote table's filter); its authors' index went with 0044.
        ['select vote_id from ballot where party_id = 1', 'ballot_party_id'],
      ] as const) {
        const { rows } = await sql<{ detail: string }>`explain query plan ${sql.raw(query)}`.execute(db)
        assert.match(
          rows.map((r) => r.detail).join('\n'),
          new RegExp(`USING (COVERING )?INDEX ${index}`),
          query,
        )
      }
    } else {
      const { rows } = await sql<{ indexname: string }>`select indexname from pg_indexes
        where schemaname = current_schema() and tablename in ('sign_off_section', 'ballot')`.execute(db)
      const names = rows.map((r) => r.indexname)
      for (const index of ['sign_off_section_sign_off_id', 'ballot_person_id', 'ballot_party_id'])
        assert.ok(names.includes(index), index)
    }
  })
})
