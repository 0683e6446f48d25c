// Bulk export speed and memory on SQLite (a file, as in production): imports a generated archive
// (protocols made from the fixtures as bench/import.bench.ts does, each moved to its own meeting
// day with its own registry numbers), then writes the open-data ZIP and reports meetings per
// second, the archive's size and the peak resident memory while exporting.
// Run: node --import tsx bench/export.bench.ts [meetings]   (default 2,000; a temporary directory, removed after)
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { writeBulkExport } from '../src/domain/publication/bulk-export.ts'
import type { DocumentJson } from '../src/domain/publication/document-json.ts'
import { systemActor } from '../src/domain/shared/actor.ts'
import { addDays } from '../src/domain/shared/calendar-date.ts'
import { importDocument } from '../src/import/import-document.ts'
import { parseDocument } from '../src/import/parse-document.ts'
import { exportLinks } from '../src/web/portal/export-links.ts'

const count = Number(process.argv[2] ?? 2000)
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

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-export-bench-'))
const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') })
try {
  await migrateToLatest(db)
  const actor = systemActor('bench')
  const importing = performance.now()
  for (let n = 0; n < count; n++) await importDocument(db, actor, variant(n), { organisation: 'Benchstad' })
  console.log(
    `archive: ${count} protocols imported in ${((performance.now() - importing) / 1000).toFixed(1)} s`,
  )

  global.gc?.()
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 5)
  const file = path.join(dir, 'export.zip')
  const started = performance.now()
  const summary = await writeBulkExport(
    db,
    exportLinks('https://bench.example', '2026-01-01'),
    createWriteStream(file),
    new Date(),
  )
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)
  console.log(
    `export: ${summary.meetings} meetings (${summary.agendas} agendas, ${summary.minutes} minutes) in ` +
      `${seconds.toFixed(1)} s = ${(summary.meetings / seconds).toFixed(0)} meetings/s; ` +
      `ZIP ${mb(statSync(file).size)} MB; RSS ${mb(before)} MB before, peak ${mb(peak)} MB while exporting; ` +
      `10,000 meetings ≈ ${(10_000 / (summary.meetings / seconds) / 60).toFixed(1)} min`,
  )
} finally {
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
}
