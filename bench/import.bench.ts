// Import speed: protocols per second stored into SQLite (a file, as in production) and PostgreSQL
// (when PARAGRAF_TEST_DATABASE_URL is set), on a corpus made from the fixtures: seed 002 and the
// other protocols, each copy moved to its own meeting day with its own registry numbers, as in a
// city's archive. Parsing is measured by bench/parse.bench.ts; this measures storing.
// Run: npm run bench:import [-- COUNT]   (default 500 protocols per database)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { type DatabaseTarget, openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import type { DocumentJson } from '../src/domain/publication/document-json.ts'
import { systemActor } from '../src/domain/shared/actor.ts'
import { addDays } from '../src/domain/shared/calendar-date.ts'
import { importDocument } from '../src/import/import-document.ts'
import { parseDocument } from '../src/import/parse-document.ts'

const count = Number(process.argv[2] ?? 500)
const fixtures = [
  '002_02371675939a916f.txt',
  'kommunstyrelsen-2024-02-27.txt',
  'bygg-och-miljonamnden-2023-05-10.md',
]

const templates: DocumentJson[] = []
for (const name of fixtures) {
  const bytes = readFileSync(new URL(`../test/fixtures/documents/${name}`, import.meta.url))
  const outcome = await parseDocument({ bytes, fileName: name })
  if (!outcome.ok) throw new Error(`${name}: ${outcome.reason}`)
  templates.push(outcome.document)
}

/** Copy n of a template: its meeting n weeks on, its sign-offs and notice moved alike, its Dnr made unique. */
function variant(n: number): DocumentJson {
  const template = templates[n % templates.length] as DocumentJson
  const shift = 7 * Math.floor(n / templates.length)
  const move = (date: string | undefined) => (date ? addDays(date, shift) : undefined)
  const copy = structuredClone(template)
  copy.meeting = { ...copy.meeting, ...(copy.meeting?.date ? { date: move(copy.meeting.date) } : {}) }
  copy.signOffs = copy.signOffs?.map((s) => ({ ...s, ...(s.date ? { date: move(s.date) } : {}) }))
  if (copy.noticePosted) copy.noticePosted = move(copy.noticePosted)
  delete copy.noticeRemoved
  delete copy.appealDeadline
  copy.items = copy.items.map((item) => ({
    ...item,
    registryNumbers: item.registryNumbers?.map((r) => `${r}-${n}`),
  }))
  return copy
}

async function run(label: string, target: DatabaseTarget) {
  const db = openDatabase(target)
  await migrateToLatest(db)
  const actor = systemActor('bench')
  const started = performance.now()
  for (let n = 0; n < count; n++) await importDocument(db, actor, variant(n), { organisation: 'Benchstad' })
  const seconds = (performance.now() - started) / 1000
  const perSecond = count / seconds
  console.log(
    `${label}: ${count} protocols in ${seconds.toFixed(1)} s = ${perSecond.toFixed(1)} protocols/s; ` +
      `10,000 protocols ≈ ${(10_000 / perSecond / 60).toFixed(1)} min`,
  )
  return db
}

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-bench-'))
try {
  const sqlite = await run('SQLite (file, WAL)', { dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') })
  await sqlite.destroy()
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const url = process.env.PARAGRAF_TEST_DATABASE_URL
if (url) {
  const schema = `bench_${process.pid}`
  const admin = openDatabase({ dialect: 'postgres', url })
  await sql`create schema ${sql.id(schema)}`.execute(admin)
  try {
    const pg = await run('PostgreSQL', { dialect: 'postgres', url, schema })
    await pg.destroy()
  } finally {
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin)
    await admin.destroy()
  }
} else {
  console.log('PostgreSQL: skipped (set PARAGRAF_TEST_DATABASE_URL to measure it)')
}
