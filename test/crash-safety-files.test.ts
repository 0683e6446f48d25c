import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { crashTargets, seeded, type Target } from './support/crash-run.ts'
import { crashUploadsIntoStore, s3Environment } from './support/file-crash-run.ts'
import { type RunningS3rver, startS3rver } from './support/s3rver.ts'

// Issue 11, no orphaned file: a real `paragraf serve` on each database, with its documents on disk
// and in S3 (a real s3rver process), killed with SIGKILL between storing an uploaded document's
// bytes and committing its row (the test holds the row back), and at random moments of uploads.
// After each restart every document row's file is in the store and the upload is redone; at the
// end `paragraf verify` reports the files no row names and `paragraf verify --remove-orphans`
// removes them: none is left, none a row names is gone. CRASH_FILE_KILLS sets the kills per database
// and store (3 here: one of each kind of round, to keep CI short; bench/crash-safety-files.bench.ts
// runs many), CRASH_SEED the seed.

const kills = Number(process.env.CRASH_FILE_KILLS ?? 3)
const seed = Number(process.env.CRASH_SEED ?? 20261206)

const databases = crashTargets()

for (const [name, makeTarget] of databases) {
  for (const storage of ['disk', 's3'] as const) {
    describe(`kill -9 between storing a document's file and its row [${name}, ${storage}]`, () => {
      let dataDir: string
      let target: Target
      let s3: RunningS3rver | undefined
      before(async () => {
        dataDir = mkdtempSync(path.join(tmpdir(), `paragraf-file-crash-${name}-${storage}-`))
        target = await makeTarget(dataDir)
        if (storage === 's3') {
          s3 = await startS3rver(`crash-${name}`)
          Object.assign(target.env, s3Environment(s3.target))
        }
      })
      after(async () => {
        await target.cleanUp()
        await s3?.stop()
        rmSync(dataDir, { recursive: true, force: true })
      })

      it(`loses no file and leaves no orphan after the sweep, over ${kills} kills (seed ${seed})`, {
        timeout: 10 * 60_000,
      }, async () => {
        const figures = await crashUploadsIntoStore(target, dataDir, kills, seeded(seed))
        console.log(`file crash safety [${name}, ${storage}]: ${JSON.stringify(figures)}`)
        assert.equal(figures.kills, kills)
        assert.equal(figures.lost, 0)
        assert.equal(figures.orphansAfterSweep, 0)
        // The window was hit: a file was stored whose row never committed.
        if (kills >= 2) assert.ok(figures.storedNotCommitted > 0, JSON.stringify(figures))
      })
    })
  }
}
