// Open data for mirrors at size (issue 14): generates ORGANISATIONS × YEARS of archive (about 4,000
// agenda items per organisation and year) into a temporary SQLite file, fills its public change
// log as `paragraf generate` does, then reads in this process (Fastify's inject: the server's own
// cost, no sockets, no page cache) and reports
//  - the change feed: /api/v1/changes followed by lastSeq to its end, changes per second;
//  - OParl Body lists in pages of 100 objects followed by links.next (PAGES at most), pages/s;
//  - an incremental sync: each list asked modified_since an hour ago (everything changed then).
//
//   node --import tsx bench/open-data.bench.ts [ORGANISATIONS] [YEARS] [PAGES]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { rebuildPublicRecord } from '../src/domain/public-record/public-record-rebuild.ts'
import { generateArchive } from '../src/generate/generate-archive.ts'
import { createApp } from '../src/web/app.ts'

const organisations = Number(process.argv[2] ?? 1)
const years = Number(process.argv[3] ?? 2)
const maxPages = Number(process.argv[4] ?? 30)

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-open-data-bench-'))
const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'paragraf.sqlite') })
try {
  await migrateToLatest(db)
  let started = performance.now()
  const summary = await generateArchive(db, { organisations, years, seed: 'open-data-bench' })
  console.log(
    `archive: ${summary.agendaItems} agenda items, ${summary.meetings} meetings in ${seconds(started)} s`,
  )
  started = performance.now()
  const changes = await rebuildPublicRecord(db)
  console.log(`change log filled: ${changes} changes in ${seconds(started)} s`)
  const app = await createApp({ db, logLevel: 'silent', now: () => new Date() })
  let client = 0
  const get = async (url: string) => {
    client++
    const response = await app.inject({ url, remoteAddress: `127.0.${(client >> 8) & 255}.${client & 255}` })
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`)
    return response.json() as { data: unknown[]; lastSeq?: number; links?: { next?: string } }
  }

  started = performance.now()
  let after = 0
  let read = 0
  for (;;) {
    const page = await get(`/api/v1/changes?after=${after}&limit=100`)
    read += page.data.length
    after = page.lastSeq ?? after
    if (page.data.length < 100) break
  }
  const feedSeconds = (performance.now() - started) / 1000
  console.log(
    `| change feed | ${read} changes in ${feedSeconds.toFixed(1)} s: ${Math.round(read / feedSeconds)} changes/s (${(read / 100 / feedSeconds).toFixed(1)} pages of 100/s) |`,
  )

  const since = encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())
  for (const [list, query] of [
    ['agenda-item', ''],
    ['paper', ''],
    ['person', ''],
    ['membership', ''],
    ['meeting', ''],
    ['agenda-item', `&modified_since=${since}`],
  ] as const) {
    started = performance.now()
    let url: string | undefined = `/oparl/v1/body/1/${list}?limit=100${query}`
    let pages = 0
    while (url && pages < maxPages) {
      const page = await get(url.replace(/^https?:\/\/[^/]+/, ''))
      pages++
      url = page.links?.next
    }
    const took = (performance.now() - started) / 1000
    console.log(
      `| OParl ${list}${query ? ' (modified_since)' : ''} | ${pages} pages of 100 in ${took.toFixed(1)} s: ${(pages / took).toFixed(1)} pages/s |`,
    )
  }
  await app.close()
} finally {
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
}

function seconds(since: number) {
  return ((performance.now() - since) / 1000).toFixed(0)
}
