// No orphaned file, at length: the rounds of test/crash-safety-files.test.ts (`kill -9` of
// `paragraf serve` between storing an uploaded document's file and committing its row, or at a
// random moment of the upload; a restart; every row's file checked; the upload redone; at the end
// `paragraf verify --remove-orphans` and nothing left) KILLS times per database and store: SQLite,
// and PostgreSQL (a schema of its own) when PARAGRAF_TEST_DATABASE_URL is set; the disk store and S3
// (a real s3rver process). Figures go in docs/reliability.md ("Crash safety").
// Run: node --import tsx bench/crash-safety-files.bench.ts [KILLS] [SEED]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { postgresTarget, seeded, sqliteTarget } from '../test/support/crash-run.ts'
import { crashUploadsIntoStore, s3Environment } from '../test/support/file-crash-run.ts'
import { startS3rver } from '../test/support/s3rver.ts'

const kills = Number(process.argv[2] ?? 30)
const seed = Number(process.argv[3] ?? 20261206)
const postgresUrl = process.env.PARAGRAF_TEST_DATABASE_URL

for (const name of postgresUrl ? ['sqlite', 'postgres'] : ['sqlite']) {
  for (const storage of ['disk', 's3']) {
    const dataDir = mkdtempSync(path.join(tmpdir(), `paragraf-file-crash-bench-${name}-${storage}-`))
    const target = name === 'sqlite' ? sqliteTarget(dataDir) : await postgresTarget(postgresUrl!, dataDir)
    const s3 = storage === 's3' ? await startS3rver(`bench-${name}`) : undefined
    if (s3) Object.assign(target.env, s3Environment(s3.target))
    const started = performance.now()
    try {
      const figures = await crashUploadsIntoStore(target, dataDir, kills, seeded(seed))
      const seconds = ((performance.now() - started) / 1000).toFixed(0)
      console.log(`${name}, ${storage}: ${JSON.stringify(figures)} in ${seconds} s`)
    } finally {
      await target.cleanUp()
      await s3?.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
