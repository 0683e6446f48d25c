// Search speed on SQLite: indexes a generated archive (2,000 meetings of agenda items, §§ and
// attachment text), then runs a mix of queries and reports queries per second and latency.
// Run: node --import tsx bench/search.bench.ts [meetings]   (a temporary database file, removed after)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { insertSearchEntries, type SearchEntryValues } from '../src/domain/search/search.repository.ts'
import { search } from '../src/domain/search/search.service.ts'
import type { SearchQuery } from '../src/domain/search/search.ts'

const MEETINGS = Number(process.argv[2] ?? 2000)
const COMMITTEES = 20

// A small deterministic generator, so every run indexes the same archive.
let seed = 42
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T

const words = (
  'nämnden beslutar förvaltningen föreslår ärendet gäller budget uppföljning verksamhet boende boenden ' +
  'ledsagning ledsagarservice insatser äldre barn unga familjer placering bistånd ekonomiskt riktlinjer ' +
  'avtal samverkan upphandling rapport redovisning uppdrag stadsdelen kommunen regionen tjänsteutlåtande ' +
  'yttrande remiss motion skrivelse detaljplan översiktsplan planen planer bygglov strandskydd kvarteret ' +
  'fastigheten trafik skola förskola bibliotek idrott kultur miljö klimat energi vatten avlopp ' +
  'personal kompetens rekrytering arbetsmiljö digitalisering kvalitet tillsyn granskning revision ' +
  'lokaler hyresavtal investering driftbudget månadsrapport delårsrapport årsredovisning internkontroll'
).split(' ')
const compounds = ['boendestöd', 'ledsagningsmodellen', 'budgetuppföljning', 'skolplan', 'trafikplanen']
// A long tail of rarer words, as real text has: 20,000 made-up words of two to four syllables.
const syllables = 'ba be bo da de do fa fe ga ge ka ke la le ma me na ne pa pe ra re sa se ta te va ve'.split(
  ' ',
)
const tail = Array.from({ length: 20_000 }, () =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(''),
)
const word = () => {
  const r = random()
  return r < 0.03 ? pick(compounds) : r < 0.5 ? pick(words) : pick(tail)
}
const sentence = (n: number) => Array.from({ length: n }, word).join(' ')

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-search-bench-'))
  const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.db') })
  try {
    await migrateToLatest(db)
    const organisation = await db
      .insertInto('organisation')
      .values({ name: 'Benchkommun', slug: 'benchkommun', kind: 'kommun' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const committees: number[] = []
    for (let c = 0; c < COMMITTEES; c++) {
      const row = await db
        .insertInto('committee')
        .values({ organisation_id: organisation.id, name: `Nämnd ${c}`, slug: `namnd-${c}`, kind: 'namnd' })
        .returning('id')
        .executeTakeFirstOrThrow()
      committees.push(row.id)
    }

    let entries = 0
    let textBytes = 0
    let objectId = 0
    const started = performance.now()
    for (let m = 0; m < MEETINGS; m++) {
      const committeeId = committees[m % COMMITTEES]!
      const meetsOn = `${2015 + (m % 10)}-${String(1 + (m % 12)).padStart(2, '0')}-${String(1 + (m % 28)).padStart(2, '0')}`
      const meeting = await db
        .insertInto('meeting')
        .values({ committee_id: committeeId, slug: `mote-${m}`, meets_on: meetsOn, status: 'signed_off' })
        .returning('id')
        .executeTakeFirstOrThrow()
      const base = { meetingId: meeting.id, committeeId, meetsOn, publishedOn: meetsOn, sectionNumber: null }
      const batch: SearchEntryValues[] = []
      for (let i = 1; i <= 12; i++) {
        batch.push({
          ...base,
          kind: 'agenda_item',
          objectId: ++objectId,
          label: `Punkt ${i}`,
          anchor: `punkt-${i}`,
          title: sentence(7),
          body: sentence(40),
          parties: [],
        })
        batch.push({
          ...base,
          kind: 'section',
          objectId: ++objectId,
          label: `§ ${i}`,
          anchor: `paragraf-${i}`,
          sectionNumber: i,
          title: sentence(7),
          body: sentence(80),
          parties: i % 3 === 0 ? [pick(['S', 'M', 'V', 'C', 'L', 'KD', 'SD', 'MP'])] : [],
        })
      }
      for (let d = 0; d < 3; d++) {
        batch.push({
          ...base,
          kind: 'document',
          objectId: ++objectId,
          label: 'Tjänsteutlåtande',
          anchor: 'punkt-1',
          title: `Tjänsteutlåtande ${sentence(4)}`,
          body: sentence(800),
          parties: [],
        })
      }
      await db.transaction().execute((trx) => insertSearchEntries(trx, batch))
      entries += batch.length
      textBytes += batch.reduce((sum, e) => sum + e.title.length + e.body.length, 0)
    }
    const indexSeconds = (performance.now() - started) / 1000
    console.log(
      `indexed ${MEETINGS} meetings, ${entries} entries, ${(textBytes / 1024 / 1024).toFixed(0)} MB of text ` +
        `in ${indexSeconds.toFixed(1)} s (${Math.round(entries / indexSeconds)} entries/s)`,
    )

    const queries: Array<[string, Partial<SearchQuery>]> = [
      ['boende', {}],
      ['ledsagning', {}],
      ['plan', {}],
      ['nämnden beslutar', {}],
      ['strandskydd kvarteret', {}],
      ['budget', { page: 5 }],
      ['översiktsplan', { committeeSlug: 'namnd-3' }],
      ['riktlinjer', { year: 2020 }],
      ['motion', { kind: 'section', party: 'S' }],
      // Parts of words only ("stöd" in "boendestöd", "modell" in "ledsagningsmodellen"): the parts tier.
      ['stöd', {}],
      ['stöd', { page: 3 }],
      ['modell', { year: 2020 }],
      ['modell', { committeeSlug: 'namnd-3' }],
      [tail[7]!, {}],
      [`${tail[11]} ${tail[12]}`, {}],
      ['finnsinte', {}],
    ]
    console.log('query                                   hits    mean ms   p95 ms   queries/s')
    const all: number[] = []
    for (const [q, more] of queries) {
      const times: number[] = []
      let total = 0
      for (let i = 0; i < 30; i++) {
        const t = performance.now()
        total = (await search(db, { q, page: 1, pageSize: 20, ...more })).total
        times.push(performance.now() - t)
      }
      all.push(...times)
      const label = `${q} ${Object.keys(more).length ? JSON.stringify(more) : ''}`.padEnd(40)
      console.log(
        `${label}${String(total).padStart(6)} ${mean(times).toFixed(1).padStart(9)} ${p95(times)
          .toFixed(1)
          .padStart(8)} ${(1000 / mean(times)).toFixed(0).padStart(11)}`,
      )
    }
    console.log(
      `all queries: ${(1000 / mean(all)).toFixed(0)} queries/s, p95 ${p95(all).toFixed(1)} ms (one core, one connection)`,
    )
  } finally {
    await db.destroy()
    rmSync(dir, { recursive: true, force: true })
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0

await main()
