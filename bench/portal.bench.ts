// The public routes at size (issue 15): generates an archive of about ITEMS agenda items into a
// temporary SQLite file (paragraf generate), starts `paragraf serve` on 127.0.0.1 in a process of
// its own, and loads each route from this process with keep-alive connections, at 1 client and at
// 16, for a bounded time. Each route's throughput is given as a share of the stylesheet's
// (/assets/paragraf.css) in the same run, so figures from machines of different speed compare.
// Also the server's peak RSS (VmHWM).
//
//   npm run bench -- [ITEMS] [--seconds S] [--database FILE | --database postgres://…] [--no-cache] [--gzip]
//
// ITEMS: 100000 by default (5 organisations × 5 years); --database FILE: serve an archive
// generated before (paragraf generate with DATA_DIR) instead of generating one; --database
// postgres://USER@HOST:5432/DATABASE: serve an archive generated before into that PostgreSQL
// database (paragraf generate with DATABASE_URL), the server given it as DATABASE_URL; --no-cache:
// the server keeps no rendered page (PAGE_CACHE_MB=0), so every request is the first visitor's after
// a change; --gzip: each request says `Accept-Encoding: gzip`, as browsers do (a kept page is then
// sent gzipped; the response column is then the bytes sent). Searches are also timed against the bare engine query for the same words (SQLite: the
// FTS5 lookup of a page of ids; PostgreSQL: the tsvector match the search index runs, for a page of
// ids), in this process on the same database.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { type DatabaseTarget, openDatabase } from '../src/db/database.ts'
import { searchIndexOf } from '../src/domain/search/search-index.ts'
import { queryTerms, stem } from '../src/domain/search/search-text.ts'

const { values, positionals } = parseArgs({
  options: {
    seconds: { type: 'string' },
    database: { type: 'string' },
    'no-cache': { type: 'boolean' },
    gzip: { type: 'boolean' },
  },
  allowPositionals: true,
})
const items = Number(positionals[0] ?? 100_000)
const seconds = Number(values.seconds ?? 5)
const root = path.resolve(import.meta.dirname, '..')
const bin = path.join(root, 'bin/paragraf.js')
/** One request never waits longer: a route slower than this is reported as such. */
const requestTimeoutMs = 60_000

/** Organisations and years that give about `items` agenda items (4,000 per organisation and year). */
function archiveSize(wanted: number): { organisations: number; years: number } {
  const years = wanted >= 500_000 ? 10 : 5
  return { organisations: Math.max(1, Math.round(wanted / (4000 * years))), years }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function generate(dataDir: string): number {
  const { organisations, years } = archiveSize(items)
  const started = performance.now()
  const result = spawnSync(
    process.execPath,
    [bin, 'generate', '--organisations', String(organisations), '--years', String(years), '--seed', 'bench'],
    { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, stdio: ['ignore', 'inherit', 'inherit'] },
  )
  if (result.status !== 0) throw new Error('paragraf generate failed')
  return (performance.now() - started) / 1000
}

/** The archive to serve: a PostgreSQL URL, or else a SQLite file. */
function targetOf(database: string): DatabaseTarget {
  return /^postgres(ql)?:\/\//.test(database)
    ? { dialect: 'postgres', url: database }
    : { dialect: 'sqlite', file: database }
}

const databaseUrl = (target: DatabaseTarget) =>
  target.dialect === 'postgres' ? target.url : `sqlite:${target.file}`

async function startServer(target: DatabaseTarget, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--host', '127.0.0.1', '--port', String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(target),
      LOG_LEVEL: 'silent',
      ...(values['no-cache'] ? { PAGE_CACHE_MB: '0' } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('igång')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`the server stopped (${code})`)))
  })
  return child
}

interface Result {
  requests: number
  perSecond: number
  p50: number
  p95: number
  bytes: number
  errors: number
}

/** `clients` loops requesting `url` for `seconds` (each finishes its last request). */
async function load(port: number, url: string, clients: number): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients })
  const latencies: number[] = []
  let bytes = 0
  let errors = 0
  const started = performance.now()
  const until = started + seconds * 1000
  const one = () =>
    new Promise<void>((resolve) => {
      const t = performance.now()
      const request = http.get(
        {
          host: '127.0.0.1',
          port,
          path: url,
          agent,
          timeout: requestTimeoutMs,
          headers: values.gzip ? { 'accept-encoding': 'gzip' } : {},
        },
        (res) => {
          let size = 0
          res.on('data', (chunk: Buffer) => {
            size += chunk.length
          })
          res.on('end', () => {
            if (res.statusCode !== 200) errors++
            latencies.push(performance.now() - t)
            bytes = size
            resolve()
          })
        },
      )
      request.on('timeout', () => request.destroy(new Error('timeout')))
      request.on('error', () => {
        errors++
        latencies.push(performance.now() - t)
        resolve()
      })
    })
  await Promise.all(
    Array.from({ length: clients }, async () => {
      do await one()
      while (performance.now() < until)
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
  return {
    requests: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: at(0.5),
    p95: at(0.95),
    bytes,
    errors,
  }
}

/** Waits until the stylesheet comes back within 500 ms: requests given up on are not still running. */
async function untilIdle(port: number) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const started = performance.now()
    await new Promise<void>((resolve) => {
      http
        .get({ host: '127.0.0.1', port, path: '/assets/paragraf.css' }, (res) =>
          res.resume().on('end', resolve),
        )
        .on('error', () => resolve())
    })
    if (performance.now() - started < 500) return
  }
}

/** The routes of issue 15's table, with addresses taken from the archive itself. */
async function routes(target: DatabaseTarget): Promise<Array<[name: string, url: string]>> {
  const db = openDatabase(target)
  try {
    const meeting = await db
      .selectFrom('meeting as m')
      .innerJoin('committee as c', 'c.id', 'm.committee_id')
      .innerJoin('minutes as x', 'x.meeting_id', 'm.id')
      .innerJoin('person as p', 'p.id', 'x.chair_person_id')
      .select(['m.id', 'm.slug', 'c.slug as committee', 'p.slug as chair'])
      .where('c.kind', '=', 'namnd')
      .orderBy('m.id', 'desc')
      .limit(1)
      .offset(50)
      .executeTakeFirstOrThrow()
    const matter = await db
      .selectFrom('agenda_item as i')
      .innerJoin('matter as t', 't.id', 'i.matter_id')
      .select('t.registry_number')
      .where('i.meeting_id', '=', meeting.id)
      .where('i.confidential', '=', false)
      .executeTakeFirstOrThrow()
    const enc = encodeURIComponent
    return [
      ['stylesheet (static)', '/assets/paragraf.css'],
      ['meeting page', `/committees/${meeting.committee}/${meeting.slug}`],
      ['start page', '/'],
      ['search "budget"', '/sok?q=budget'],
      ['search two words', '/sok?q=budget+uppf%C3%B6ljning'],
      // No entry holds "skola" as a word, only compounds ("grundskola"): the parts tier.
      ['search a part of a word', '/sok?q=skola'],
      ['search a word and a part', '/sok?q=budget+uppf%C3%B6lj'],
      ['search no hit', '/sok?q=zebrafink'],
      ['search registry number', `/sok?q=${enc(matter.registry_number)}`],
      ['OParl meeting list, page 1', '/oparl/v1/body/1/meeting'],
      ['person page', `/personer/${meeting.chair}`],
      ['party page', '/partier/S'],
      ['matter page', `/arenden/${enc(matter.registry_number)}`],
      ['minutes Atom', '/floden/protokoll.atom'],
      ['committee page', `/committees/${meeting.committee}`],
      ['/kalender.ics', '/kalender.ics'],
    ]
  } finally {
    await db.destroy()
  }
}

/** The searches of the table, as the words they look up. */
const searchedWords: Record<string, string[]> = {
  'search "budget"': ['budget'],
  'search two words': ['budget', 'uppföljning'],
  'search no hit': ['zebrafink'],
}

/**
 * The bare engine query for each search: the lookup of a page of 20 ids for the same words, without
 * ranking, filters or the entries' texts, median of 30 runs in this process (ms). SQLite: the FTS5
 * match of the stems; PostgreSQL: the tsvector match of the words that the search index runs.
 */
async function bareEngineQueries(target: DatabaseTarget): Promise<Map<string, number>> {
  const db = openDatabase(target)
  const medians = new Map<string, number>()
  try {
    for (const [name, words] of Object.entries(searchedWords)) {
      const match = words.map((word) => `"${stem(word)}"`).join(' AND ')
      const query =
        target.dialect === 'postgres'
          ? sql`select e.id from search_entry e
              where ${searchIndexOf(db).matchesWords(queryTerms(words.join(' ')), 'anywhere')} limit 20`
          : sql`select rowid from search_fts where search_fts match ${match} limit 20`
      const times: number[] = []
      for (let run = 0; run < 30; run++) {
        const started = performance.now()
        await query.execute(db)
        times.push(performance.now() - started)
      }
      times.sort((a, b) => a - b)
      medians.set(name, times[15] ?? 0)
    }
  } finally {
    await db.destroy()
  }
  return medians
}

function peakRss(pid: number): string {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return `${Math.round(kb / 1024)} MB`
}

async function main() {
  const dir = values.database ? undefined : mkdtempSync(path.join(tmpdir(), 'paragraf-portal-bench-'))
  let server: ChildProcess | undefined
  try {
    let target = targetOf(values.database as string)
    if (dir) {
      const took = generate(dir)
      target = { dialect: 'sqlite', file: path.join(dir, 'paragraf.sqlite') }
      console.log(`generated in ${took.toFixed(0)} s`)
    }
    const db = openDatabase(target)
    const count = await db
      .selectFrom('agenda_item')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    await db.destroy()
    const list = await routes(target)
    const port = await freePort()
    server = await startServer(target, port)
    console.log(
      `${Number(count.n)} agenda items on ${target.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}; ${seconds} s per route and client count; server pid ${server.pid}`,
    )
    // Warm up the stylesheet and the meeting page, so the first figures do not pay for compiling.
    for (const [, url] of list.slice(0, 2)) await load(port, url, 1)
    const rows: string[] = []
    const oneClientP50 = new Map<string, number>()
    let staticRate: Record<number, number> = {}
    for (const [name, url] of list) {
      const cells: string[] = [name]
      let bytes = 0
      for (const clients of [1, 16]) {
        // A route that takes seconds for one client would only queue 16 (SQLite answers one at a
        // time; PostgreSQL with two cores not much better).
        if (clients > 1 && Number(cells[cells.length - 1]?.match(/p50 (\d+)/)?.[1]) > 2000) {
          cells.push('not run: over 2 s for one client')
          continue
        }
        await untilIdle(port)
        const r = await load(port, url, clients)
        if (clients === 1) oneClientP50.set(name, r.p50)
        bytes = Math.max(bytes, r.bytes)
        if (name.startsWith('stylesheet')) staticRate = { ...staticRate, [clients]: r.perSecond }
        const share = (100 * r.perSecond) / (staticRate[clients] ?? r.perSecond)
        cells.push(
          `${r.perSecond.toFixed(1)}/s (${share.toFixed(share < 10 ? 2 : 1)}%), p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms${r.errors ? `, ${r.errors} errors` : ''}`,
        )
      }
      cells.push(`${(bytes / 1024).toFixed(0)} KB`)
      rows.push(`| ${cells.join(' | ')} |`)
      console.error(rows[rows.length - 1])
    }
    console.log('\n| route | 1 client: throughput (share of static), latency | 16 clients | response |')
    console.log('|---|---|---|---|')
    for (const row of rows) console.log(row)
    console.log(`\nserver peak RSS: ${peakRss(server.pid as number)}`)
    console.log(`page cache: ${values['no-cache'] ? 'off (PAGE_CACHE_MB=0)' : 'on (as served)'}`)
    for (const [name, bare] of await bareEngineQueries(target)) {
      const page = oneClientP50.get(name) ?? 0
      console.log(
        `${name}: bare engine query ${bare.toFixed(2)} ms, the page ${page.toFixed(1)} ms at 1 client (p50; ${(page / Math.max(bare, 0.01)).toFixed(1)}×)`,
      )
    }
  } finally {
    // SIGKILL: a graceful stop would wait for requests that were given up on.
    server?.kill('SIGKILL')
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

await main()
