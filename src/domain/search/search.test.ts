import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { sql } from 'kysely'
import { testActor } from '../../../test/support/factories.ts'
import {
  addBudgetItems,
  createSearchFixture,
  type SearchFixture,
} from '../../../test/support/search-fixture.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { addAgendaItem } from '../agenda/agenda.service.ts'
import { registerMatter } from '../matter/matter.service.ts'
import { changeMeetingStatus, scheduleMeeting } from '../meeting/meeting.service.ts'
import { matching } from './search.repository.ts'
import { listSearchChoices, reindexMeeting, search } from './search.service.ts'
import type { SearchQuery } from './search.ts'
import { indexedWords, queryTerms, stem } from './search-text.ts'

describeOnEachDatabase('search', (getDb, dialect) => {
  let fx: SearchFixture
  before(async () => {
    fx = await createSearchFixture(getDb())
  })
  const find = (q: string, more: Partial<SearchQuery> = {}) =>
    search(getDb(), { q, page: 1, pageSize: 50, ...more })
  /** The hits as kind and id, in order: what must be the same on both databases. */
  const hits = async (q: string, more: Partial<SearchQuery> = {}) =>
    (await find(q, more)).hits.map((h) => `${h.kind}:${h.objectId}`)
  const item = (key: keyof SearchFixture['items']) => `agenda_item:${fx.items[key].id}`
  const section = (key: keyof SearchFixture['sections']) => `section:${fx.sections[key].id}`
  const report = () => `document:${fx.documents.report.id}`

  it('finds inflections through stemming: "boende" finds "boenden"', async () => {
    assert.deepEqual(await hits('boende'), [item('homes'), report(), section('economy')])
    const first = (await find('boende')).hits[0]!
    assert.deepEqual(
      first.titleSegments.filter((s) => s.hit).map((s) => s.text),
      ['Boenden'],
    )
    assert.equal(first.match, 'title')
    assert.deepEqual(
      first.excerpt.filter((s) => s.hit).map((s) => s.text),
      ['boenden'],
    )
  })

  it('finds parts of compound words, ranked below exact hits', async () => {
    assert.deepEqual(await hits('ledsagning'), [section('escort'), item('escort')])
    // "Plan" in a title, "planen" in a text, then "översiktsplan" only as part of a word.
    assert.deepEqual(await hits('plan'), [section('economy'), item('detail'), report(), item('overview')])
    const result = await find('plan')
    assert.deepEqual(
      result.hits.map((h) => h.match),
      ['title', 'word', 'word', 'part'],
    )
    assert.deepEqual(
      result.hits[3]!.titleSegments.filter((s) => s.hit).map((s) => s.text),
      ['Översiktsplan'],
    )
  })

  it('requires every word and ignores stop words and case', async () => {
    assert.deepEqual(await hits('BOENDE och Farsta'), [item('homes'), report()])
    assert.deepEqual(await hits('boende zebrafink'), [])
  })

  it('filters by committee, year, kind and party', async () => {
    assert.deepEqual(await hits('plan', { committeeSlug: fx.committees.building.slug }), [item('detail')])
    assert.deepEqual(await hits('plan', { year: 2022 }), [section('economy')])
    assert.deepEqual(await hits('boende', { kind: 'document' }), [report()])
    assert.deepEqual(await hits('boende', { party: 'S' }), [section('economy')])
    assert.deepEqual(await hits('ledsagning', { party: 'M' }), [section('escort')])
    assert.deepEqual(await hits('ledsagning', { party: 'S' }), [])
    assert.deepEqual(await hits('plan', { committeeSlug: 'finns-inte' }), [])
  })

  it('never finds confidential items, §§ or documents, unpublished agendas or unsigned §§', async () => {
    for (const word of ['zebrafink', 'zebrafinkar', 'kvastfening', 'myrslok', 'pelikanflock', 'sekretess']) {
      assert.equal((await find(word)).total, 0, word)
    }
    // A confidential item's public attachment stays out with its item.
    assert.deepEqual(await hits('bilaga sekretessärendet'), [])
  })

  it('shows an agenda once its notice is out, and keeps the index in step on every rebuild', async () => {
    const meeting = await inTransaction(getDb(), (trx) =>
      scheduleMeeting(trx, testActor, {
        committeeId: fx.committees.building.id,
        meetsOn: '2025-06-11',
      }),
    )
    await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Strandskydd vid Trekanten' }),
    )
    await inTransaction(getDb(), (trx) => reindexMeeting(trx, meeting.id))
    assert.equal((await find('strandskydd')).total, 0)
    await inTransaction(getDb(), (trx) => changeMeetingStatus(trx, testActor, meeting, 'notice_published'))
    assert.equal((await find('strandskydd')).total, 1)
    await inTransaction(getDb(), (trx) => reindexMeeting(trx, meeting.id))
    await inTransaction(getDb(), (trx) => reindexMeeting(trx, meeting.id))
    assert.equal((await find('strandskydd')).total, 1)
  })

  it('never fails on query syntax: quotes, operators, wildcards, brackets, unicode, long input', async () => {
    const queries = [
      '',
      '   ',
      '"',
      "'",
      '"boende',
      'boende"',
      '"boende"',
      'boende*',
      '*',
      '(',
      ')',
      '(boende OR',
      'AND',
      'OR NOT NEAR',
      'NEAR(boende plan, 2)',
      'title:boende',
      '{title}: boende',
      '-boende',
      '^boende',
      'boende & plan | !x',
      'plan:*',
      '%',
      '_',
      '\\',
      "'; drop table search_entry; --",
      '<script>alert(1)</script>',
      '😀 boende',
      'o\u0308versiktsplan',
      '\u0000boende',
      'a'.repeat(500),
      'boende '.repeat(200),
      'x'.repeat(5000),
    ]
    for (const q of queries) {
      const result = await find(q)
      assert.ok(result.total >= 0, q)
    }
    assert.deepEqual(await hits('"boende"'), await hits('boende'))
    assert.deepEqual(await hits('boende*'), await hits('boende'))
    assert.deepEqual(await hits('o\u0308versiktsplan'), [item('overview')]) // decomposed ö
    assert.deepEqual(await find(''), { total: 0, page: 1, pageSize: 50, pages: 1, hits: [], terms: [] })
    assert.equal((await find('och att som')).total, 0)
    assert.deepEqual(await hits('boende', { party: 'S\u0000', committeeSlug: '\u0000' }), [])
  })

  it('pages in a stable order: rank, latest meeting, kind and id', async () => {
    await addBudgetItems(getDb(), fx.committees.building.id, 24)
    const all = await find('budget', { pageSize: 100 })
    assert.equal(all.total, 24)
    const paged: string[] = []
    for (let page = 1; page <= 5; page++) {
      const result = await find('budget', { page, pageSize: 5 })
      assert.equal(result.total, 24)
      assert.equal(result.pages, 5)
      paged.push(...result.hits.map((h) => `${h.kind}:${h.objectId}`))
    }
    assert.deepEqual(
      paged,
      all.hits.map((h) => `${h.kind}:${h.objectId}`),
    )
    assert.equal(new Set(paged).size, 24)
    // Titles with "Budget" first, then "budgeten" in the text, then "budgetuppföljning".
    assert.deepEqual([...new Set(all.hits.map((h) => h.match))], ['title', 'word', 'part'])
    assert.deepEqual((await find('budget', { page: 9, pageSize: 5 })).hits, [])
  })

  it('counts a common word up to a bound, shows more than that, and pages up to it', async () => {
    // 24 "budget" entries (the test above); counting stops at 10 of them.
    const first = await search(getDb(), { q: 'budget', page: 1, pageSize: 5 }, { mostCounted: 10 })
    assert.equal(first.total, 10)
    assert.equal(first.moreThanTotal, true)
    assert.equal(first.pages, 2)
    const all = await hits('budget', { pageSize: 100 })
    const second = await search(getDb(), { q: 'budget', page: 2, pageSize: 5 }, { mostCounted: 10 })
    assert.deepEqual(
      [...first.hits, ...second.hits].map((h) => `${h.kind}:${h.objectId}`),
      all.slice(0, 10),
    )
    const past = await search(getDb(), { q: 'budget', page: 3, pageSize: 5 }, { mostCounted: 10 })
    assert.deepEqual(past.hits, [])
    // Under the bound, the count is exact, word and part hits together.
    assert.equal(
      (await search(getDb(), { q: 'budget', page: 1, pageSize: 5 }, { mostCounted: 24 })).total,
      24,
    )
    assert.equal((await find('budget')).moreThanTotal, undefined)
  })

  it('finds the same pages walking down the dates as reading every hit, with every filter', async () => {
    // A common word at a city's size is read down the date index; here every word counts as common.
    // The parts tier ("budget" in "budgetuppföljning", "plan" in "översiktsplan") has three ways.
    const ways = [
      { manyHits: 1, partPlan: 'dates' },
      { manyHits: 1, partPlan: 'listed' },
      { manyHits: 5000, partPlan: 'hits' },
    ] as const
    const queries: Array<Partial<SearchQuery>> = [
      { q: 'budget' },
      { q: 'budget', committeeSlug: fx.committees.building.slug },
      { q: 'budget', year: 2024 },
      { q: 'budget', year: 2021 },
      { q: 'budget', kind: 'agenda_item' },
      { q: 'budget uppföljning' },
      { q: 'budget uppföljning', committeeSlug: fx.committees.building.slug },
      { q: 'budg följ' },
      { q: 'budg 3' },
      { q: 'plan' },
      { q: 'plan', year: 2022 },
      { q: 'boende' },
      { q: 'boende', party: 'S' },
      { q: 'ledsagning boende' },
      { q: 'zebrafink' },
    ]
    for (const query of queries)
      for (const [page, pageSize] of [
        [1, 50],
        [1, 3],
        [2, 3],
        [5, 4],
      ] as const) {
        const asked = { q: '', page, pageSize, ...query }
        const read = await search(getDb(), asked)
        for (const planning of ways) {
          const walked = await search(getDb(), asked, { planning })
          const label = JSON.stringify({ ...asked, ...planning })
          assert.deepEqual(walked.hits, read.hits, label)
          assert.equal(walked.total, read.total, label)
        }
      }
    assert.ok((await find('budget')).hits.length > 3, 'the fixture pages "budget"')
    assert.ok(
      (await find('budget uppföljning')).hits.some((h) => h.match === 'part'),
      'and its parts',
    )
  })

  it('finds the parts tier through one index query as word by word through the vocabulary', async () => {
    // SQLite asks FTS5 once for every word holding each part and none of the words tier's; the
    // entries found word by word (`matching`, kept for parts held by too many words) are the same.
    let found = 0
    for (const q of [
      'budget uppföljning',
      'budg följ',
      'budg 3',
      'plan',
      'uppfölj',
      'jonsson',
      'zebrafink',
    ]) {
      const terms = queryTerms(q)
      const byWord = await matching(getDb(), terms, {}, 'parts')
        .select('e.id')
        .orderBy('e.meets_on', 'desc')
        .orderBy('e.kind')
        .orderBy('e.object_id')
        .execute()
      const result = await search(getDb(), { q, page: 1, pageSize: 100 })
      const parts = result.hits.filter((h) => h.match === 'part')
      assert.equal(parts.length, byWord.length, q)
      const kinds = await getDb()
        .selectFrom('search_entry')
        .select(['id', 'kind', 'object_id'])
        .where('id', 'in', byWord.map((r) => r.id).concat(0))
        .execute()
      const key = new Map(kinds.map((k) => [k.id, `${k.kind}:${k.object_id}`]))
      assert.deepEqual(
        parts.map((h) => `${h.kind}:${h.objectId}`),
        byWord.map((r) => key.get(r.id)),
        q,
      )
      found += parts.length
    }
    assert.ok(found >= 10, `parts found: ${found}`)
  })

  it('finds a matter by its registry number as printed, whole or its end, and not by its digits elsewhere', async () => {
    const db = getDb()
    const meeting = await inTransaction(db, (trx) =>
      scheduleMeeting(trx, testActor, {
        committeeId: fx.committees.building.id,
        meetsOn: '2025-09-03',
      }),
    )
    const organisationId = fx.committees.building.organisationId
    const matter = await inTransaction(db, (trx) =>
      registerMatter(trx, testActor, { organisationId, registryNumber: '3.1.1-563/2022' }),
    )
    const secretMatter = await inTransaction(db, (trx) =>
      registerMatter(trx, testActor, {
        organisationId,
        registryNumber: '3.1.1-999/2022',
      }),
    )
    const item = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Bygglov för förråd',
        matterId: matter.id,
      }),
    )
    // The digits of the number, but not the number: no hit.
    await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Punkt 3 av 1 år 2022, 563 kvadratmeter',
      }),
    )
    await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Ärende om enskild',
        matterId: secretMatter.id,
        confidential: true,
        confidentialityGround: 'OSL 26:1',
      }),
    )
    await inTransaction(db, (trx) => changeMeetingStatus(trx, testActor, meeting, 'notice_published'))
    const found = `agenda_item:${item.id}`
    assert.deepEqual(await hits('3.1.1-563/2022'), [found])
    assert.deepEqual(await hits('dnr 3.1.1-563/2022'), [found])
    assert.deepEqual(await hits('563/2022'), [found])
    assert.deepEqual(await hits('3.1.1-999/2022'), [])
    const hit = (await find('3.1.1-563/2022')).hits[0]!
    assert.match(hit.excerpt.map((s) => s.text).join(''), /Dnr 3\.1\.1-563\/2022/)
  })

  it('finds a name typed without å, ä and ö, below the names spelled as typed', async () => {
    const db = getDb()
    const meeting = await inTransaction(db, (trx) =>
      scheduleMeeting(trx, testActor, {
        committeeId: fx.committees.building.id,
        meetsOn: '2025-09-10',
      }),
    )
    const umlaut = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Skrivelse från Karin Jönsson',
      }),
    )
    const plain = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Skrivelse från Per Jonsson',
      }),
    )
    const ring = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Remiss från Malmö stad',
      }),
    )
    await inTransaction(db, (trx) => changeMeetingStatus(trx, testActor, meeting, 'notice_published'))
    assert.deepEqual(await hits('jonsson'), [`agenda_item:${plain.id}`, `agenda_item:${umlaut.id}`])
    assert.deepEqual(
      (await find('jonsson')).hits.map((h) => h.match),
      ['title', 'part'],
    )
    const marked = (await find('jonsson')).hits[1]!.titleSegments.filter((s) => s.hit).map((s) => s.text)
    assert.deepEqual(marked, ['Jönsson'])
    assert.deepEqual(await hits('malmo'), [`agenda_item:${ring.id}`])
    // Spelled with the letters, only the letters match.
    assert.deepEqual(await hits('jönsson'), [`agenda_item:${umlaut.id}`])
  })

  it('offers the years and parties there is something to find for, newest year first', async () => {
    const choices = await listSearchChoices(getDb())
    const { rows } = await sql<{
      year: number
    }>`select distinct year from search_entry order by year desc`.execute(getDb())
    assert.deepEqual(
      choices.years,
      rows.map((r) => Number(r.year)),
    )
    assert.ok(choices.years.length >= 2)
    assert.deepEqual(choices.parties, ['M', 'S'])
  })

  if (dialect === 'postgres') {
    it('stems as PostgreSQL does', async () => {
      const text =
        'Boenden för äldre, ledsagningsmodellen och översiktsplanen. Nämnderna beslutade om besluten; ' +
        'förvaltningens tjänsteutlåtanden, ersättarna, kommunfullmäktiges riktlinjer, covid19 2022 LSS.'
      const words = indexedWords(text)
      const { rows } = await sql<{
        lexeme: string
      }>`select unnest(tsvector_to_array(to_tsvector('swedish', ${words.join(' ')}))) as lexeme`.execute(
        getDb(),
      )
      assert.deepEqual(rows.map((r) => r.lexeme).sort(), [...new Set(words.map(stem))].sort())
    })
  }
})
