import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { createTestCommittee, createTestMeeting } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import {
  insertSearchEntries,
  matching,
  type SearchEntryValues,
  type SearchFilter,
} from './search.repository.ts'
import { search } from './search.service.ts'
import { entriesHolding, rareBelow, splitByUse } from './search-rare-words.ts'
import { queryTerms } from './search-text.ts'

describe('splitByUse', () => {
  const held = new Map([
    ['förskolan', 900],
    ['skolgård', 3],
    ['grundskolorna', 199],
    ['skolmat', 200],
  ])
  it('names the words held by fewer entries than the bound as rare, the others as common', () => {
    assert.deepEqual(splitByUse(['förskolan', 'skolgård', 'grundskolorna', 'skolmat'], held), {
      common: ['förskolan', 'skolmat'],
      rare: ['skolgård', 'grundskolorna'],
    })
  })
  it('names the most held word as common when every word is rare, so a query is left to ask', () => {
    assert.deepEqual(splitByUse(['skolgård', 'grundskolorna'], held), {
      common: ['grundskolorna'],
      rare: ['skolgård'],
    })
    assert.deepEqual(splitByUse([], held), { common: [], rare: [] })
  })
})

// A part held by a common word (in more entries than `rareBelow`) and by rare ones, over meetings
// on several days: the rare words' entries are found once, the common word's down the dates, and
// the hits, their order and their count are those of the word-by-word query in every plan.
describeOnEachDatabase('the parts tier with common and rare words', (getDb, dialect) => {
  let committeeId = 0
  before(async () => {
    const db = getDb()
    // The second committee's meeting is written between the first's: its ids lie among theirs.
    const [first, second] = [await createTestCommittee(db), await createTestCommittee(db)]
    committeeId = first.id
    for (const [m, meetsOn] of ['2024-03-05', '2023-11-21', '2025-01-14', '2024-03-05'].entries()) {
      const committee = m === 2 ? second : first
      const meeting = await createTestMeeting(db, { committee, meetsOn })
      const entries: SearchEntryValues[] = []
      for (let i = 0; i < 80; i++) {
        const words = [
          i % 4 === 0 ? 'nämnden' : 'förskolegruppen',
          i % 17 === 3 ? 'skolgården' : '',
          i % 23 === 5 ? `grundskolorna${m}` : '',
          i % 19 === 7 ? 'skola' : '',
        ]
        entries.push({
          kind: (['section', 'agenda_item', 'document'] as const)[i % 3]!,
          objectId: 1000 * (m + 1) + i,
          meetingId: meeting.id,
          committeeId: committee.id,
          meetsOn,
          publishedOn: meetsOn,
          label: `Punkt ${i}`,
          anchor: `punkt-${i}`,
          sectionNumber: null,
          title: `Ärende ${i}`,
          body: `Beslut om ${words.join(' ')} i staden`,
          parties: [],
        })
      }
      await inTransaction(db, (trx) => insertSearchEntries(trx, entries))
    }
  })

  if (dialect === 'sqlite')
    it('holds a common word and rare ones', async () => {
      const held = await entriesHolding(getDb(), ['förskolegruppen', 'skolgården', 'grundskolorna1'])
      assert.equal(held.get('förskolegruppen'), rareBelow)
      assert.ok(held.get('skolgården')! < rareBelow)
      assert.ok(held.get('grundskolorna1')! < rareBelow)
    })

  it('finds the same parts-tier hits, in the same order, in every plan and as word by word', async () => {
    const db = getDb()
    const terms = queryTerms('skola')
    const byWord = async (filter: SearchFilter, tier: 'words' | 'parts') =>
      (
        await matching(db, terms, filter, tier)
          .select(['e.kind', 'e.object_id'])
          .orderBy('e.meets_on', 'desc')
          .orderBy('e.kind')
          .orderBy('e.object_id')
          .execute()
      ).map((e) => `${e.kind}:${e.object_id}`)
    const parts = await byWord({}, 'parts')
    const words = await byWord({}, 'words')
    assert.ok(parts.length > rareBelow, `parts hits: ${parts.length}`)
    assert.ok(words.length > 0, `word hits: ${words.length}`)
    const partsIn2024 = await byWord({ year: 2024 }, 'parts')
    const wordsIn2024 = await byWord({ year: 2024 }, 'words')
    const partsOfSections = await byWord({ kind: 'section' }, 'parts')
    const wordsOfSections = await byWord({ kind: 'section' }, 'words')
    const ofCommittee = { committeeId }
    const partsOfCommittee = await byWord(ofCommittee, 'parts')
    const wordsOfCommittee = await byWord(ofCommittee, 'words')
    const committeeSlug = (
      await db.selectFrom('committee').select('slug').where('id', '=', committeeId).executeTakeFirstOrThrow()
    ).slug
    assert.ok(partsOfCommittee.length < parts.length, 'the other committee has hits too')
    for (const partPlan of ['dates', 'listed', 'hits'] as const) {
      const planning = { manyHits: 1, partPlan }
      for (const [filter, expected, total] of [
        [{}, parts, words.length + parts.length],
        [{ year: 2024 }, partsIn2024, wordsIn2024.length + partsIn2024.length],
        [{ kind: 'section' }, partsOfSections, wordsOfSections.length + partsOfSections.length],
        [{ committeeSlug }, partsOfCommittee, wordsOfCommittee.length + partsOfCommittee.length],
      ] as const) {
        const found: string[] = []
        const label = `${partPlan} ${JSON.stringify(filter)}`
        for (let page = 1; ; page++) {
          const result = await search(db, { q: 'skola', page, pageSize: 25, ...filter }, { planning })
          assert.equal(result.total, total, label)
          if (result.hits.length === 0) break
          found.push(...result.hits.filter((h) => h.match === 'part').map((h) => `${h.kind}:${h.objectId}`))
        }
        assert.deepEqual(found, expected, label)
      }
    }
  })
})
