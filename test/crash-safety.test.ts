import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { crashTargets, crashUploads, seeded, type Target } from './support/crash-run.ts'

// Issue 11, crash safety beyond imports: a real `paragraf serve` on each database, a secretary
// uploading documents to an agenda over HTTP, SIGKILL at a seeded random moment of the upload
// (before, during or after the file is written and the row committed), a restart, and then every
// invariant checked: no document row without its file (a lost file), no file without its row (an
// orphan), no document without its audit row, and the interrupted upload redone successfully.
// CRASH_KILLS sets the number of kills per database (15 here, to keep CI short; bench/crash-safety.bench.ts runs
// hundreds), CRASH_SEED the seed.

const kills = Number(process.env.CRASH_KILLS ?? 15)
const seed = Number(process.env.CRASH_SEED ?? 20261205)

const databases = crashTargets()

for (const [name, makeTarget] of databases) {
  describe(`kill -9 during uploads [${name}]`, () => {
    let dataDir: string
    let target: Target
    before(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), `paragraf-crash-${name}-`))
      target = await makeTarget(dataDir)
    })
    after(async () => {
      await target.cleanUp()
      rmSync(dataDir, { recursive: true, force: true })
    })

    it(`keeps every invariant over ${kills} kills (seed ${seed})`, { timeout: 30 * 60_000 }, async () => {
      const { figures, orphans } = await crashUploads(target, dataDir, kills, seeded(seed))
      console.log(`crash safety [${name}]: ${JSON.stringify(figures)}`)
      assert.equal(figures.kills, kills)
      assert.deepEqual(orphans, [], 'files in the document store without their document row')
    })
  })
}
