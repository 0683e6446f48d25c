import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { createTestCommittee, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { scheduleMeeting } from '../../domain/meeting/meeting.service.ts'
import { insertSearchEntries } from '../../domain/search/search.repository.ts'
import { inTransaction } from '../database.ts'

describeOnEachDatabase('0036-search-title-index', (getDb, dialect) => {
  it('finds the same title hits through the title vector as through the A-weighted lexemes', async () => {
    if (dialect !== 'postgres') return // SQLite's FTS5 index has the title as a column
    const db = getDb()
    const committee = await createTestCommittee(db, { name: 'Titelnämnden' })
    const meeting = await inTransaction(db, (trx) =>
      scheduleMeeting(trx, testActor, { committeeId: committee.id, meetsOn: '2025-03-04' }),
    )
    const titles = [
      'Budget för 2026',
      'Uppföljning av budgeten',
      'Budgetuppföljning',
      'Detaljplan',
      'Budgetar',
    ]
    await inTransaction(db, (trx) =>
      insertSearchEntries(
        trx,
        titles.map((title, i) => ({
          kind: 'agenda_item' as const,
          objectId: 9000 + i,
          meetingId: meeting.id,
          committeeId: committee.id,
          meetsOn: '2025-03-04',
          publishedOn: null,
          label: null,
          anchor: null,
          sectionNumber: null,
          title,
          body: 'Budget och uppföljning i texten.',
          parties: [],
        })),
      ),
    )
    for (const query of ['budget', 'budget & uppföljning', 'detaljplan', 'uppföljning']) {
      const weighted = query
        .split(' & ')
        .map((word) => `${word}:A`)
        .join(' & ')
      const { rows: byWeight } = await sql<{ object_id: number }>`select object_id from search_entry
        where search_vector @@ to_tsquery('swedish', ${weighted}) and meeting_id = ${meeting.id} order by object_id`.execute(
        db,
      )
      const { rows: byTitle } = await sql<{ object_id: number }>`select object_id from search_entry
        where to_tsvector('swedish'::regconfig, title_words) @@ to_tsquery('swedish', ${query})
        and meeting_id = ${meeting.id} order by object_id`.execute(db)
      assert.deepEqual(byTitle, byWeight, query)
    }
    // The planner can answer the title query from the index (kept off the table's scan to ask).
    const plan = await inTransaction(db, async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx)
      const { rows } = await sql<{ 'QUERY PLAN': string }>`explain select id from search_entry
        where to_tsvector('swedish'::regconfig, title_words) @@ to_tsquery('swedish', 'budget')`.execute(trx)
      return rows.map((r) => r['QUERY PLAN']).join('\n')
    })
    assert.match(plan, /search_entry_title_vector/)
  })
})
