// Crash safety at length: the rounds of test/crash-safety.test.ts (a secretary uploading documents
// to an agenda over HTTP, `kill -9` of `paragraf serve` at a seeded random moment, a restart, every
// invariant checked, the upload redone) KILLS times on SQLite, and on PostgreSQL (a schema of its
// own) when PARAGRAF_TEST_DATABASE_URL is set. Figures go in docs/reliability.md ("Crash safety").
// Run: node --import tsx bench/crash-safety.bench.ts [KILLS] [SEED]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { crashUploads, postgresTarget, seeded, sqliteTarget } from '../test/support/crash-run.ts'

const kills = Number(process.argv[2] ?? 200)
const seed = Number(process.argv[3] ?? 20261205)
const postgresUrl = process.env.PARAGRAF_TEST_DATABASE_URL

for (const name of postgresUrl ? ['sqlite', 'postgres'] : ['sqlite']) {
  const dataDir = mkdtempSync(path.join(tmpdir(), `paragraf-crash-bench-${name}-`))
  const target = name === 'sqlite' ? sqliteTarget(dataDir) : await postgresTarget(postgresUrl!, dataDir)
  const started = performance.now()
  try {
    const { figures, orphans } = await crashUploads(target, dataDir, kills, seeded(seed))
    const seconds = ((performance.now() - started) / 1000).toFixed(0)
    console.log(`${name}: ${JSON.stringify(figures)} in ${seconds} s; orphaned files: ${orphans.length}`)
  } finally {
    await target.cleanUp()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
