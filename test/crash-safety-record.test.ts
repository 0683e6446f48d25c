import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { crashTargets, seeded, type Target } from './support/crash-run.ts'
import { crashRecordWrites, recordWrites, runVerifyCommand } from './support/record-crash-run.ts'

// Issue 11, crash safety of the legal record: a real `paragraf serve` on each database, killed with
// SIGKILL at a seeded random moment while the last signatory signs (the §§ signed off, sealed and
// the notice put up, KL 8:12), while the secretary rectifies a signed-off § (FL 36 §, sealed and
// audited), and while the secretary publishes a meeting's notice (kallelse, KL 8:10: the notice,
// the invitations). After each kill and restart: no signed-off sign-off without its notice and
// seal, no rectification without its seal and audit row, no published notice without its
// invitations, every seal recomputes, and rebuilding the public change log writes nothing (it holds
// exactly what the committed transactions wrote); then the interrupted write is redone.
// CRASH_RECORD_KILLS sets the kills per write and database (2 here, to keep CI short;
// bench/crash-safety-record.bench.ts runs many), CRASH_SEED the seed.

const kills = Number(process.env.CRASH_RECORD_KILLS ?? 2)
const seed = Number(process.env.CRASH_SEED ?? 20261206)

const databases = crashTargets()

for (const [name, makeTarget] of databases) {
  describe(`kill -9 during sign-off, rectification and notice [${name}]`, () => {
    let dataDir: string
    let target: Target
    before(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), `paragraf-record-crash-${name}-`))
      target = await makeTarget(dataDir)
    })
    after(async () => {
      await target.cleanUp()
      rmSync(dataDir, { recursive: true, force: true })
    })

    it(`keeps the record whole over ${kills} kills per write (seed ${seed})`, {
      timeout: 10 * 60_000,
    }, async () => {
      const figures = await crashRecordWrites(target, kills, seeded(seed))
      console.log(`record crash safety [${name}]: ${JSON.stringify(figures)}`)
      for (const write of recordWrites) assert.equal(figures[write].kills, kills)
      const verify = runVerifyCommand(target)
      assert.equal(verify.status, 0, verify.output)
      assert.match(verify.output, /förseglingar stämmer/)
    })
  })
}
