import assert from 'node:assert/strict'
import diagnostics from 'node:diagnostics_channel'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { CompiledQuery, type KyselyPlugin } from 'kysely'
import type { Db } from '../src/db/database.ts'
import { sectionIsOpenWhere } from '../src/domain/disclosure/disclosure.predicates.ts'
import { rebuildPublicRecord } from '../src/domain/public-record/public-record-rebuild.ts'
import { generateArchive } from '../src/generate/generate-archive.ts'
import { createApp } from '../src/web/app.ts'
import { paths } from '../src/web/paths.ts'
import { createTestDb, describeOnEachDatabase } from './support/test-db.ts'

// Issue 15, item 5: every public route reads a bounded amount however big the archive. Each GET
// route Fastify registers outside /admin (collected by the onRoute hook, so a new route is measured
// or named below) is requested on three generated archives, counting the queries the request ran
// and the rows they returned (a Kysely plugin, so the same on both databases):
// - one organisation over one year (two committees with meetings, to stay within a minute per
//   database);
// - the same organisation over three years: each committee's history grows. The generator draws
//   the years apart, so "the newest meeting" differs in content between the two: the routes of
//   one meeting are not compared here (another meeting's rows are not growth);
// - three organisations over one year: the archive grows around the same organisation, whose rows
//   (ids included) are the same as in the first archive, since each organisation is drawn from a
//   random source of its own. Every route is compared here, the meeting's routes on the very same
//   meeting.
// A route fails when its queries grow with the archive, or its rows grow past a page's worth. Rows
// *scanned* inside the database are counted for the routes of a person's and a party's record, whose
// lists are the longest histories of the archive (PostgreSQL only: EXPLAIN ANALYZE of each query;
// better-sqlite3 has no such count); the benchmark (bench/portal.bench.ts) measures what they cost.

/** Rows a page may return however big the archive: lists are paged at 50 (a record's four lists, 51 each). */
const pageOfRows = 300
/** Queries that another meeting's content may add (a § with a vote, a notice): not growth. */
const contentSlack = 2

/** Routes not measured, and why. */
const notMeasured: Record<string, string> = {
  'GET /handlingar/:id/:filename': 'the generated archive has no files in the document store',
  'GET /oppna-data/export.zip': 'the whole archive by design, streamed (the export)',
  // A table of every vote of a committee, person or party is the whole record by design (open data
  // for spreadsheets); ?ar=YYYY narrows it to a year.
  'GET /committees/:committee/omrostningar.csv': 'every vote of the committee by design (?ar= for a year)',
  'GET /personer/:person/omrostningar.csv': 'every ballot of the person by design (?ar= for a year)',
  'GET /partier/:party/omrostningar.csv': 'every ballot of the party by design (?ar= for a year)',
  'GET /bevaka/bekrafta': 'needs a token from a confirmation mail',
  'GET /bevaka/avsluta': 'needs a token from a mail',
  'GET /oparl/v1/legislative-term/:id': 'OParl objects whose ids this test does not look up',
  'GET /oparl/v1/location/:id': 'OParl objects whose ids this test does not look up',
  'GET /oparl/v1/paper/:id': 'OParl objects whose ids this test does not look up',
  'GET /oparl/v1/consultation/:id': 'OParl objects whose ids this test does not look up',
  'GET /oparl/v1/file/:id': 'OParl objects whose ids this test does not look up',
  'GET /oparl/v1/meeting/:id/file/:name': 'OParl objects whose ids this test does not look up',
}

/** Routes whose page holds more than pageOfRows rows, with the rows a full page may hold. */
const fullPage: Record<string, number> = {
  // 50 entries, each with its agenda items or §§ (about 20 each in the generated archive).
  'GET /floden/dagordningar.atom': 2_500,
  'GET /floden/protokoll.atom': 2_500,
  'GET /committees/:committee/flode.atom': 5_000,
  // 50 meetings, each with its agenda, §§, roll call and files inline as OParl has them (about 280
  // rows a meeting in the generated archive).
  'GET /oparl/v1/body/:id/meeting': 15_000,
}

/**
 * The routes of one meeting: the newest meeting differs in content between one year and three, so
 * these are compared only where the archive grows around the same meeting (more organisations).
 */
const oneMeeting = new Set([
  'GET /committees/:committee/:meeting',
  'GET /committees/:committee/:meeting/dagordning.json',
  'GET /committees/:committee/:meeting/kalender.ics',
  'GET /committees/:committee/:meeting/protokoll',
  'GET /committees/:committee/:meeting/protokoll.json',
  'GET /committees/:committee/:meeting/protokoll.pdf',
  'GET /committees/:committee/:meeting/protokoll/utdrag/:number',
  'GET /oparl/v1/meeting/:id',
  'GET /oparl/v1/agenda-item/:id',
  'GET /api/v1/committees/:committee/meetings/:meeting/agenda',
  'GET /api/v1/committees/:committee/meetings/:meeting/minutes',
])

interface Measure {
  status: number
  queries: number
  rows: number
  /** Rows the database read to answer (PostgreSQL, the routes of scannedRoutes only). */
  scanned?: number
}

/**
 * The routes of a record (motions, dissents, statements, ballots and attendance over a person's or a
 * party's whole history): the rows read inside the database must not grow with that history either.
 */
const scannedRoutes = new Set([
  'GET /personer/:person',
  'GET /partier/:party',
  'GET /personer/:person/flode.atom',
  'GET /api/v1/people/:person',
  'GET /api/v1/parties/:party',
])
/**
 * Rows a record may read for each row it returns (a row of a list joins its §, meeting, committee,
 * author and sign-off by key: about a dozen), and a fixed allowance besides. A query that sorts a
 * whole history to return its newest page reads far more, and more as the history grows.
 */
const readPerRow = 15
const readSlack = 300

/** Rows a PostgreSQL plan read from tables and indexes (EXPLAIN ANALYZE, JSON), in all its loops. */
function rowsRead(plan: Record<string, unknown>): number {
  const loops = Number(plan['Actual Loops'] ?? 1)
  const own =
    /Scan$/.test(String(plan['Node Type'])) && !/Subquery|CTE|Function|Values/.test(String(plan['Node Type']))
      ? (Number(plan['Actual Rows'] ?? 0) + Number(plan['Rows Removed by Filter'] ?? 0)) * loops
      : 0
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? []
  return own + children.reduce((sum, child) => sum + rowsRead(child), 0)
}

async function scannedBy(db: Db, queries: readonly CompiledQuery[]): Promise<number> {
  let total = 0
  for (const query of queries) {
    if (!/^\s*select/i.test(query.sql)) continue
    // Planned as at size: on these small tables PostgreSQL would rather read a whole table than an index.
    const result = await db.transaction().execute(async (trx) => {
      await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'))
      return trx.executeQuery<{ 'QUERY PLAN': [{ Plan: Record<string, unknown> }] }>(
        CompiledQuery.raw(`explain (analyze, format json) ${query.sql}`, [...query.parameters]),
      )
    })
    total += rowsRead(result.rows[0]?.['QUERY PLAN'][0].Plan ?? {})
  }
  return total
}

/** Counts the queries run and the rows they returned, through every handle the app is given. */
function counting(db: Db) {
  const count = { queries: 0, rows: 0, compiled: [] as CompiledQuery[] }
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      count.queries++
      count.compiled.push(db.getExecutor().compileQuery(node, queryId))
      return node
    },
    transformResult: async ({ result }) => {
      count.rows += result.rows.length
      return result
    },
  }
  return { db: db.withPlugin(plugin), count }
}

/** The app on a counted handle, with the GET routes outside /admin it registered. */
async function measuredApp(db: Db) {
  const routes: string[] = []
  const channel = diagnostics.channel('fastify.initialization')
  const collect = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance }
    fastify.addHook('onRoute', (route) => {
      for (const method of [route.method].flat())
        if (method === 'GET' && !route.url.startsWith('/admin')) routes.push(`GET ${route.url}`)
    })
  }
  const counted = counting(db)
  channel.subscribe(collect)
  try {
    // Two days after the generated archive's last meetings held.
    const app = await createApp({
      db: counted.db,
      logLevel: 'silent',
      now: () => new Date('2026-12-02T10:00:00Z'),
    })
    await app.ready()
    return { app, routes, count: counted.count }
  } finally {
    channel.unsubscribe(collect)
  }
}

/**
 * The same kind of thing in every archive: the first organisation's newest meeting with public
 * minutes and what it holds.
 */
async function addresses(db: Db): Promise<Record<string, string>> {
  const body = await db.selectFrom('organisation').select('id').orderBy('id').executeTakeFirstOrThrow()
  const meeting = await db
    .selectFrom('meeting as m')
    .innerJoin('committee as c', 'c.id', 'm.committee_id')
    .innerJoin('minutes as x', 'x.meeting_id', 'm.id')
    .innerJoin('person as p', 'p.id', 'x.chair_person_id')
    .innerJoin('sign_off as s', 's.minutes_id', 'x.id')
    .select([
      'm.id',
      'm.slug',
      'c.slug as committee',
      'c.id as committeeId',
      'p.slug as chair',
      'p.id as chairId',
    ])
    .where('s.status', '=', 'signed_off')
    .where('c.organisation_id', '=', body.id)
    .orderBy('m.meets_on', 'desc')
    .orderBy('m.id')
    .limit(1)
    .executeTakeFirstOrThrow()
  const item = await db
    .selectFrom('agenda_item as i')
    .innerJoin('matter as t', 't.id', 'i.matter_id')
    .select(['i.id', 't.registry_number'])
    .where('i.meeting_id', '=', meeting.id)
    .where('i.confidential', '=', false)
    .orderBy('i.id')
    .executeTakeFirstOrThrow()
  const membership = await db
    .selectFrom('membership')
    .select(['id', 'party_id'])
    .where('person_id', '=', meeting.chairId)
    .orderBy('id')
    .executeTakeFirstOrThrow()
  // The first § the public may read (the extract of a secret § is a 404).
  const section = await db
    .selectFrom('section')
    .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
    .leftJoin('agenda_item', 'agenda_item.id', 'section.agenda_item_id')
    .select('section.number')
    .where('minutes.meeting_id', '=', meeting.id)
    .where(sectionIsOpenWhere)
    .orderBy('section.number')
    .executeTakeFirstOrThrow()
  const m = { committee: meeting.committee, meeting: meeting.slug }
  const oparlId = (name: string, id: number | string) => [
    `GET /oparl/v1/${name}/:id`,
    `/oparl/v1/${name}/${id}`,
  ]
  return {
    'GET /committees/:committee': paths.committee(m.committee),
    'GET /committees/:committee/:meeting': `/committees/${m.committee}/${m.meeting}`,
    'GET /committees/:committee/:meeting/dagordning.json': `/committees/${m.committee}/${m.meeting}/dagordning.json`,
    'GET /committees/:committee/:meeting/protokoll': `/committees/${m.committee}/${m.meeting}/protokoll`,
    'GET /committees/:committee/:meeting/protokoll.json': `/committees/${m.committee}/${m.meeting}/protokoll.json`,
    'GET /committees/:committee/:meeting/protokoll/utdrag/:number': `/committees/${m.committee}/${m.meeting}/protokoll/utdrag/${section.number}`,
    'GET /committees/:committee/:meeting/protokoll.pdf': `/committees/${m.committee}/${m.meeting}/protokoll.pdf`,
    'GET /committees/:committee/kalender.ics': `/committees/${m.committee}/kalender.ics`,
    'GET /committees/:committee/:meeting/kalender.ics': `/committees/${m.committee}/${m.meeting}/kalender.ics`,
    'GET /committees/:committee/flode.atom': `/committees/${m.committee}/flode.atom`,
    'GET /arenden/:registryNumber': paths.matter(item.registry_number),
    'GET /arenden/:registryNumber/flode.atom': `${paths.matter(item.registry_number)}/flode.atom`,
    'GET /personer/:person': paths.person(meeting.chair),
    'GET /personer/:person/flode.atom': `${paths.person(meeting.chair)}/flode.atom`,
    'GET /partier/:party': paths.party('S'),
    'GET /sok': '/sok?q=budget',
    'GET /sok/flode.atom': '/sok/flode.atom?q=budget',
    'GET /bevaka/skickat': '/bevaka/skickat',
    // The JSON API (/api/v1): the same objects as the pages above.
    'GET /api/v1/committees/:committee': `/api/v1/committees/${m.committee}`,
    'GET /api/v1/committees/:committee/meetings': `/api/v1/committees/${m.committee}/meetings`,
    'GET /api/v1/committees/:committee/meetings/:meeting': `/api/v1/committees/${m.committee}/meetings/${m.meeting}`,
    'GET /api/v1/committees/:committee/meetings/:meeting/agenda': `/api/v1/committees/${m.committee}/meetings/${m.meeting}/agenda`,
    'GET /api/v1/committees/:committee/meetings/:meeting/minutes': `/api/v1/committees/${m.committee}/meetings/${m.meeting}/minutes`,
    'GET /api/v1/people/:person': `/api/v1/people/${meeting.chair}`,
    'GET /api/v1/parties/:party': '/api/v1/parties/S',
    'GET /api/v1/matters/:registryNumber': `/api/v1/matters/${encodeURIComponent(item.registry_number)}`,
    'GET /api/v1/search': '/api/v1/search?q=budget',
    'GET /oparl/v1/body/:id': `/oparl/v1/body/${body.id}`,
    ...Object.fromEntries(
      ['organization', 'person', 'meeting', 'paper', 'legislative-term', 'agenda-item']
        .concat(['consultation', 'file', 'location', 'membership'])
        .map((list) => [`GET /oparl/v1/body/:id/${list}`, `/oparl/v1/body/${body.id}/${list}`]),
    ),
    ...Object.fromEntries([
      oparlId('meeting', meeting.id),
      oparlId('person', meeting.chairId),
      oparlId('organization', meeting.committeeId),
      oparlId('agenda-item', item.id),
      oparlId('membership', membership.id),
      ...(membership.party_id ? [oparlId('party', membership.party_id)] : []),
    ]),
  }
}

async function measureAll(
  db: Db,
  dialect: string,
): Promise<{ routes: string[]; measures: Map<string, Measure> }> {
  const urls = await addresses(db)
  const { app, routes, count } = await measuredApp(db)
  const measures = new Map<string, Measure>()
  try {
    for (const route of routes) {
      if (route in notMeasured) continue
      const url = urls[route] ?? (route.includes(':') ? undefined : route.slice('GET '.length))
      if (url === undefined) continue
      count.queries = 0
      count.rows = 0
      count.compiled = []
      const response = await app.inject(url)
      const { queries, rows } = count
      const scanned =
        dialect === 'postgres' && scannedRoutes.has(route) ? await scannedBy(db, count.compiled) : undefined
      measures.set(route, {
        status: response.statusCode,
        queries,
        rows,
        ...(scanned !== undefined ? { scanned } : {}),
      })
    }
  } finally {
    await app.close()
  }
  return { routes, measures }
}

/** Whether a route read no more queries, and no more rows than a page, in the bigger archive. */
function bounded(route: string, before: Measure, grown: Measure) {
  return {
    bounded:
      grown.queries <= before.queries + contentSlack &&
      grown.rows <= Math.max(before.rows, fullPage[route] ?? pageOfRows) &&
      [before, grown].every((m) => m.scanned === undefined || m.scanned <= readPerRow * m.rows + readSlack),
    figures:
      `queries ${before.queries} → ${grown.queries}, rows ${before.rows} → ${grown.rows}` +
      (grown.scanned !== undefined ? `, rows read ${before.scanned} → ${grown.scanned}` : ''),
  }
}

describeOnEachDatabase('queries and rows per public request, as the archive grows', (getDb, dialect) => {
  let small: Awaited<ReturnType<typeof measureAll>>
  let longer: Awaited<ReturnType<typeof measureAll>>
  let wider: Awaited<ReturnType<typeof measureAll>>
  const options = { organisations: 1, years: 1, seed: 'query-count', committeesWithMeetings: 2 }
  /** Measures a generated archive, as `paragraf generate` leaves it: the archive and its change log. */
  const measureGenerated = async (shape: Partial<typeof options>) => {
    const archive = await createTestDb(dialect)
    try {
      await generateArchive(archive.db, { ...options, ...shape })
      await rebuildPublicRecord(archive.db)
      return await measureAll(archive.db, dialect)
    } finally {
      await archive.destroy()
    }
  }
  before(async () => {
    await generateArchive(getDb(), options)
    await rebuildPublicRecord(getDb())
    small = await measureAll(getDb(), dialect)
    longer = await measureGenerated({ years: 3 })
    wider = await measureGenerated({ organisations: 3 })
  })
  after(() => undefined)

  it('measures every public GET route, or says why not', () => {
    const unmeasured = small.routes.filter((route) => !small.measures.has(route) && !(route in notMeasured))
    assert.deepEqual(unmeasured, [], 'give these routes an address in addresses() or a reason in notMeasured')
    // Without mail settings (as here) the subscription form does not exist: its 404 is measured.
    for (const [route, measure] of small.measures)
      assert.equal(
        measure.status,
        route === 'GET /bevaka' ? 404 : 200,
        `${route} answered ${measure.status} on the small archive`,
      )
  })

  // One test per route, so a failure names it; the routes are those of the app, known when it runs.
  it('reads no more queries, and no more rows than a page, on three years than on one', async (t) => {
    for (const [route, before] of small.measures) {
      if (oneMeeting.has(route)) continue
      const grown = longer.measures.get(route)
      assert.ok(grown, route)
      const { bounded: ok, figures } = bounded(route, before, grown)
      await t.test(route, () => assert.ok(ok, `${route} grows with the years: ${figures}`))
    }
  })

  it('reads no more queries, and no more rows than a page, on three organisations than on one', async (t) => {
    assert.ok(
      [...oneMeeting].every((route) => small.measures.has(route)),
      'every route of a meeting measured',
    )
    for (const [route, before] of small.measures) {
      const grown = wider.measures.get(route)
      assert.ok(grown, route)
      const { bounded: ok, figures } = bounded(route, before, grown)
      await t.test(route, () => {
        assert.ok(ok, `${route} grows with the archive: ${figures}`)
        // The very same meeting, so the very same reads.
        if (oneMeeting.has(route)) assert.deepEqual(grown, before, `${route}: ${figures}`)
      })
    }
  })
})
