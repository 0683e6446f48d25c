// Crash safety of the legal record at length: the rounds of test/crash-safety-record.test.ts (kill -9
// of `paragraf serve` at a seeded random moment of the last signature of a sign-off, of a
// rectification, and of a notice's publication; a restart; every invariant checked, `paragraf
// verify` and the public change log included; the write redone) KILLS times per write on SQLite, and
// on PostgreSQL (a schema of its own) when PARAGRAF_TEST_DATABASE_URL is set. Figures go in
// docs/reliability.md ("Crash safety").
// Run: node --import tsx bench/crash-safety-record.bench.ts [KILLS] [SEED]
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { postgresTarget, seeded, sqliteTarget } from '../test/support/crash-run.ts'
import { crashRecordWrites, runVerifyCommand } from '../test/support/record-crash-run.ts'

const kills = Number(process.argv[2] ?? 30)
const seed = Number(process.argv[3] ?? 20261206)
const postgresUrl = process.env.PARAGRAF_TEST_DATABASE_URL

for (const name of postgresUrl ? ['sqlite', 'postgres'] : ['sqlite']) {
  const dataDir = mkdtempSync(path.join(tmpdir(), `paragraf-record-crash-bench-${name}-`))
  const target = name === 'sqlite' ? sqliteTarget(dataDir) : await postgresTarget(postgresUrl!, dataDir)
  const started = performance.now()
  try {
    const figures = await crashRecordWrites(target, kills, seeded(seed))
    const verify = runVerifyCommand(target)
    const seconds = ((performance.now() - started) / 1000).toFixed(0)
    for (const [write, f] of Object.entries(figures)) console.log(`${name} ${write}: ${JSON.stringify(f)}`)
    console.log(
      `${name}: ${kills * 3} kills in ${seconds} s (load average ${loadavg()[0]!.toFixed(1)}); paragraf verify exit ${verify.status}: ${verify.output.trim()}`,
    )
    if (verify.status !== 0) process.exitCode = 1
  } finally {
    await target.cleanUp()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
