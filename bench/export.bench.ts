// Bulk export speed and memory on SQLite (a file, as in production): imports a generated archive
// (protocols made from the fixtures as bench/import.bench.ts does, each moved to its own meeting
// day with its own registry numbers), then writes the open-data ZIP and reports meetings per
// second, the archive's size and the peak resident memory while exporting.
// Run: node --import tsx bench/export.bench.ts [meetings]   (default 2,000; a temporary directory, removed after)
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { writeBulkExport } from '../src/domain/publication/bulk-export.ts'
import { systemActor } from '../src/domain/shared/actor.ts'
import { importDocument } from '../src/import/import-document.ts'
import { exportLinks } from '../src/web/portal/export-links.ts'
import { loadProtocolTemplates, protocolVariant } from './protocol-corpus.ts'

const count = Number(process.argv[2] ?? 2000)
const templates = await loadProtocolTemplates()
const variant = (n: number) => protocolVariant(templates, n)

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
