// PDF/A rendering speed: milliseconds per protocol for seed 002 (Socialnämnden 2022-12-14, 19 §§,
// loaded as the demo data), the median over repeated renders after one warm-up. Reading the
// minutes from the database is not measured; the route adds it (a fixed number of queries).
// Run: node --import tsx bench/minutes-pdf.bench.ts [renders]   (default 50)
import { performance } from 'node:perf_hooks'
import { renderMinutesPdf } from '../src/archive/minutes-pdf.ts'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { loadDemoData } from '../src/demo/load-demo.ts'
import { readPublicMeeting } from '../src/domain/publication/public-meeting.ts'

const renders = Number(process.argv[2] ?? 50)
const db = openDatabase({ dialect: 'sqlite', file: ':memory:' })
try {
  await migrateToLatest(db)
  await loadDemoData(db, '2026-11-22')
  const view = await readPublicMeeting(db, 'socialnamnden', 'mote-2022-12-14')
  if (!view?.minutes) throw new Error('seed 002 has no signed-off minutes')
  const meeting = { ...view, minutes: view.minutes }
  const first = await renderMinutesPdf(meeting)
  const times: number[] = []
  for (let i = 0; i < renders; i++) {
    const start = performance.now()
    await renderMinutesPdf(meeting)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)] as number
  console.log(
    `seed 002 (${view.minutes.sections.length} §§, ${(first.length / 1024).toFixed(0)} KiB): ` +
      `median ${median.toFixed(1)} ms per protocol over ${renders} renders ` +
      `(min ${times[0]?.toFixed(1)}, max ${times[times.length - 1]?.toFixed(1)})`,
  )
} finally {
  await db.destroy()
}
