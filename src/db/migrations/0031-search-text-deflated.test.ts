import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { createTestMeeting, unique } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { insertSearchEntries, type SearchEntryValues } from '../../domain/search/search.repository.ts'
import { search } from '../../domain/search/search.service.ts'
import { inTransaction } from '../database.ts'
import { down, up } from './0031-search-text-deflated.ts'

// Entries indexed before 0031 (their text in search_entry.body, word indexes with positions) are
// found after it by the same queries, with the same excerpts; on SQLite the text is then kept once,
// deflated in search_text, and leaves with its entries.
describeOnEachDatabase(
  'migration 0031: the entries’ text deflated, the word indexes without positions',
  (getDb, dialect) => {
    it('keeps every entry findable with the same excerpt, and stores its text once', async () => {
      const db = getDb()
      const word = `grönområdesplanering${unique()}`
      const meetings = [await createTestMeeting(db), await createTestMeeting(db)]
      // A long attachment text, so that a meeting's texts take more than one part.
      const long = Array.from({ length: 3000 }, (_, i) => `Stycke ${i} om parkerna och ${word}.`).join(' ')
      const entries: SearchEntryValues[] = meetings.flatMap((meeting, m) =>
        [0, 1, 2].map((n) => ({
          kind: n === 2 ? ('document' as const) : ('agenda_item' as const),
          objectId: meeting.id * 10 + n,
          meetingId: meeting.id,
          committeeId: meeting.committeeId,
          meetsOn: meeting.meetsOn,
          publishedOn: meeting.meetsOn,
          label: `Punkt ${n + 1}`,
          anchor: `punkt-${n + 1}`,
          sectionNumber: null,
          title: n === 0 ? `Översyn av ${word}` : `Ärende ${m}-${n}`,
          body:
            n === 2
              ? long
              : `Nämnden beslutar att anta planen för ${word} i stadsdel ${m}. Beslutet gäller genast.`,
          parties: [],
        })),
      )
      await inTransaction(db, (trx) => insertSearchEntries(trx, entries))
      const queries = [word, 'grönområdesplan', 'parkerna', `beslutar ${word}`, 'stadsdel']
      const results = async () =>
        Promise.all(queries.map(async (q) => (await search(db, { q, page: 1, pageSize: 20 })).hits))
      const before = await results()
      assert.equal(before[0]?.length, 6)
      assert.ok(before.every((hits) => hits.length > 0))

      await down(db as never)
      if (dialect === 'sqlite') {
        const bodies = await db
          .selectFrom('search_entry')
          .select('body')
          .where('meeting_id', '=', meetings[0]!.id)
          .execute()
        assert.ok(
          bodies.some((b) => b.body === long),
          'before 0031 the text is in the entry',
        )
      }
      await up(db as never)
      assert.deepEqual(await results(), before, 'the same hits, in the same order, with the same excerpts')

      if (dialect === 'sqlite') {
        const rows = await sql<{
          body: string
          text_id: number | null
        }>`select body, text_id from search_entry
        where meeting_id in (${meetings[0]!.id}, ${meetings[1]!.id})`.execute(db)
        assert.ok(
          rows.rows.every((r) => r.body === '' && r.text_id !== null),
          'the text is no longer in the entry',
        )
        const parts = async () =>
          Number((await sql<{ n: number }>`select count(*) as n from search_text`.execute(db)).rows[0]?.n)
        assert.equal(await parts(), 4, 'each meeting: its short texts together, the long one apart')
        const detail = (
          await sql<{
            sql: string
          }>`select sql from sqlite_master where name in ('search_fts', 'search_entry_words') order by name`.execute(
            db,
          )
        ).rows.map((r) => /detail=(\w+)/.exec(r.sql)?.[1])
        assert.deepEqual(detail, ['none', 'column'])
        await db
          .deleteFrom('search_entry')
          .where('meeting_id', 'in', [meetings[0]!.id, meetings[1]!.id])
          .execute()
        assert.equal(await parts(), 0, 'the texts leave with their entries')
        assert.deepEqual(
          (await results()).map((hits) => hits.length),
          queries.map(() => 0),
          'and the entries leave the word indexes',
        )
      }
    })
  },
)
