// The JSON API (/api/v1) at size: generates an archive of ORGANISATIONS × YEARS (4,000 agenda items
// per organisation and year) into a temporary SQLite file, then reads the API in this process
// (Fastify's inject: the server's own cost, no sockets) and reports pages of 100 objects per
// second for each list followed by links.next to its end or PAGES pages, and the median time of
// a meeting's minutes, a person's record and a search. Each request comes from its own loopback
// address label, so the rate limit does not throttle the run.
//
//   node --import tsx bench/api.bench.ts [ORGANISATIONS] [YEARS] [PAGES]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { generateArchive } from '../src/generate/generate-archive.ts'
import { createApp } from '../src/web/app.ts'

const organisations = Number(process.argv[2] ?? 1)
const years = Number(process.argv[3] ?? 5)
const maxPages = Number(process.argv[4] ?? 50)

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-api-bench-'))
const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'paragraf.sqlite') })
try {
  await migrateToLatest(db)
  let started = performance.now()
  const summary = await generateArchive(db, { organisations, years, seed: 'api-bench' })
  console.log(`archive: ${JSON.stringify(summary)} in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  const app = await createApp({ db, logLevel: 'silent', now: () => new Date('2026-12-02T10:00:00Z') })
  let client = 0
  const get = async (url: string) => {
    client++
    const response = await app.inject({ url, remoteAddress: `127.0.${(client >> 8) & 255}.${client & 255}` })
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`)
    return response.json() as { data?: unknown[]; links?: { next?: string } }
  }

  async function walk(name: string, first: string) {
    let url: string | undefined = first
    let pages = 0
    let objects = 0
    started = performance.now()
    while (url && pages < maxPages) {
      const body = await get(url.replace(/^https?:\/\/[^/]+/, ''))
      pages++
      objects += body.data?.length ?? 0
      url = body.links?.next
    }
    const seconds = (performance.now() - started) / 1000
    console.log(
      `${name}: ${pages} pages, ${objects} objects in ${seconds.toFixed(2)} s: ${(pages / seconds).toFixed(1)} pages/s, ${(objects / seconds).toFixed(0)} objects/s${url ? '' : ' (to the end)'}`,
    )
  }

  async function median(name: string, url: string, times = 20) {
    const ms: number[] = []
    for (let i = 0; i < times; i++) {
      const t = performance.now()
      await get(url)
      ms.push(performance.now() - t)
    }
    ms.sort((a, b) => a - b)
    console.log(`${name}: median ${ms[Math.floor(ms.length / 2)]?.toFixed(1)} ms over ${times}`)
  }

  await walk('meetings', '/api/v1/meetings?limit=100')
  await walk('people', '/api/v1/people?limit=100')
  await walk('committees', '/api/v1/committees?limit=100')
  const committees = (await get('/api/v1/committees?limit=100')).data as { slug: string }[]
  const busy = committees[0]?.slug
  await walk(`meetings of ${busy}`, `/api/v1/committees/${busy}/meetings?limit=100`)
  const meetings = (await get(`/api/v1/meetings?limit=100&to=2026-12-01`)).data as {
    status: string
    links: { minutes: string; agenda: string }
  }[]
  const held = meetings.find((m) => m.status === 'signed_off' || m.status === 'published')
  if (held) {
    await median('minutes of a meeting', held.links.minutes.replace(/^https?:\/\/[^/]+/, ''))
    await median('agenda of a meeting', held.links.agenda.replace(/^https?:\/\/[^/]+/, ''))
  }
  const people = (await get('/api/v1/people?limit=1')).data as { slug: string }[]
  if (people[0]) await median('a person record', `/api/v1/people/${people[0].slug}`)
  await median('search "budget", 100 hits', '/api/v1/search?q=budget&limit=100', 5)
  await app.close()
} finally {
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
}
