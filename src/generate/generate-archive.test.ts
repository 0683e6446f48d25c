import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { pageText as text } from '../../test/support/page-text.ts'
import { createTestDb, describeOnEachDatabase } from '../../test/support/test-db.ts'
import type { Db } from '../db/database.ts'
import { dialectOf } from '../db/dialect.ts'
import { reindexAllMeetings } from '../domain/search/search.service.ts'
import { withEntryTexts } from '../domain/search/search-entry-text.ts'
import { createApp } from '../web/app.ts'
import { paths } from '../web/paths.ts'
import { generateArchive } from './generate-archive.ts'

// A small generated archive: one organisation, its last year, meetings for two committees.
const options = { organisations: 1, years: 1, seed: 'test', committeesWithMeetings: 2 }

/** The rows of the tables that make up an archive, in id order, for comparing two archives. */
async function dump(db: Db) {
  const tables = ['organisation', 'person', 'membership', 'meeting', 'matter', 'agenda_item', 'document']
  const more = ['section', 'attendance', 'vote', 'ballot', 'motion', 'dissent', 'sign_off', 'notice']
  const result: Record<string, unknown[]> = {}
  for (const table of [...tables, ...more]) {
    result[table] = (await sql`select * from ${sql.table(table)} order by id`.execute(db)).rows
  }
  return result
}

/** The search index's rows with each entry's text (kept deflated apart on SQLite, 0031), in a fixed order. */
async function searchIndex(db: Db) {
  const textId = dialectOf(db) === 'sqlite' ? sql`e.text_id` : sql`null`
  const { rows } = await sql<{ kind: string; object_id: number; text_id: number | null; body: string }>`
    select kind, object_id, meeting_id, committee_id, year, meets_on, published_on,
      label, anchor, section_number, title, body, title_words, body_words, ${textId} as text_id,
      (select count(*) from search_entry_party p where p.search_entry_id = e.id) as parties
    from search_entry e order by kind, object_id`.execute(db)
  // Where the text is kept is no part of what is indexed: a reindex writes new parts.
  return (await withEntryTexts(db, rows)).map(({ text_id, ...row }) => row)
}

describeOnEachDatabase('generateArchive', (getDb, dialect) => {
  let app: FastifyInstance
  // Two days after the last meetings held: December's are still to come.
  const clock = () => new Date('2026-12-02T10:00:00Z')
  before(async () => {
    await generateArchive(getDb(), options)
    app = await createApp({ db: getDb(), logLevel: 'silent', now: clock })
  })
  after(() => app.close())
  const get = async (url: string) => {
    const response = await app.inject(url)
    assert.equal(response.statusCode, 200, url)
    return text(response.body)
  }

  it('writes an archive the portal serves: start page, committee, meeting, minutes, person, party, matter, search', async () => {
    const db = getDb()
    const held = await db
      .selectFrom('meeting as m')
      .innerJoin('committee as c', 'c.id', 'm.committee_id')
      .select(['m.id', 'm.slug', 'c.slug as committeeSlug', 'c.name as committeeName'])
      .where('m.status', '=', 'signed_off')
      .orderBy('m.meets_on', 'desc')
      .executeTakeFirstOrThrow()
    const item = await db
      .selectFrom('agenda_item as i')
      .innerJoin('matter as t', 't.id', 'i.matter_id')
      .select(['i.title', 't.registry_number'])
      .where('i.meeting_id', '=', held.id)
      .where('i.confidential', '=', false)
      .orderBy('i.position')
      .executeTakeFirstOrThrow()
    const title = item.title!
    assert.match(await get(paths.start()), new RegExp(held.committeeName))
    assert.match(await get(paths.committee(held.committeeSlug)), new RegExp(held.committeeName))
    assert.ok((await get(paths.meeting(held.committeeSlug, held.slug))).includes(title))
    const minutesPage = await get(paths.minutes(held.committeeSlug, held.slug))
    assert.ok(minutesPage.includes(title))
    assert.match(minutesPage, /Justerat §§/)
    const chair = await db
      .selectFrom('minutes as x')
      .innerJoin('person as p', 'p.id', 'x.chair_person_id')
      .select(['p.slug', 'p.name'])
      .where('x.meeting_id', '=', held.id)
      .executeTakeFirstOrThrow()
    assert.ok((await get(paths.person(chair.slug))).includes(chair.name))
    await get(paths.party('S'))
    assert.ok((await get(paths.matter(item.registry_number))).includes(title))
    const found = await get(paths.search({ q: item.registry_number }))
    assert.ok(found.includes(title), 'the registry number finds its item')
    assert.match(await get(paths.noticeBoard()), /protokoll från sammanträdet/)
  })

  it('indexes for search exactly what reindexing the meetings from the database gives', async () => {
    const generated = await searchIndex(getDb())
    assert.ok(generated.length > 500)
    assert.ok(
      generated.filter((entry) => entry.body !== '').length > generated.length / 2,
      'the entries carry their texts',
    )
    await reindexAllMeetings(getDb())
    assert.deepEqual(await searchIndex(getDb()), generated)
  })

  // SQLite plans without statistics: this is PostgreSQL's alone, not a skipped test on SQLite.
  if (dialect === 'postgres')
    it('leaves PostgreSQL statistics of what it wrote, so the change log filled next is planned by them', async () => {
      // reltuples is -1 for a table never analysed; a planner without statistics joined every § with
      // every sign-off in the change log's fill (over 2 minutes a batch at 100,000 items).
      const { rows } = await sql<{ table: string; estimated: number; counted: number }>`
      select c.relname as table, c.reltuples as estimated,
        (case c.relname when 'section' then (select count(*) from section)
          when 'sign_off' then (select count(*) from sign_off)
          else (select count(*) from search_entry) end)::integer as counted
      from pg_class c
      where c.relnamespace = current_schema()::regnamespace and c.relname in ('section', 'sign_off', 'search_entry')
      order by c.relname`.execute(getDb())
      assert.deepEqual(
        rows.map((r) => [r.table, Number(r.estimated)]),
        rows.map((r) => [r.table, r.counted]),
      )
      assert.ok(rows.every((r) => r.counted > 0))
    })

  it('gives the same archive for the same seed, and another for another seed', async () => {
    const same = await createTestDb(dialect)
    const other = await createTestDb(dialect)
    try {
      await generateArchive(same.db, options)
      await generateArchive(other.db, { ...options, seed: 'another' })
      const first = await dump(getDb())
      assert.deepEqual(await dump(same.db), first)
      assert.notDeepEqual((await dump(other.db)).agenda_item, first.agenda_item)
    } finally {
      await same.destroy()
      await other.destroy()
    }
  })
})
