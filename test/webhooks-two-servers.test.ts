import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import type { Db } from '../src/db/database.ts'
import { inTransaction } from '../src/db/database.ts'
import { registerWebhook } from '../src/domain/webhook/webhook.service.ts'
import { createTestOrganisation, testActor } from './support/factories.ts'
import { insertPublicChange } from './support/public-changes.ts'
import { type SpawnedServer, spawnServer } from './support/spawned-server.ts'
import { createTestDb } from './support/test-db.ts'
import { startWebhookReceiver, type WebhookReceiver, waitUntil } from './support/webhook-receiver.ts'

// Webhooks behind a load balancer: two `paragraf serve` processes on one PostgreSQL database (a
// schema of this test's own) both queue the public change log and send what is due every 5 s
// (main.ts). A slow receiver (1 s an answer) keeps the first server busy long enough for the
// second to take deliveries too; each change must still arrive exactly once, signed.

const postgresUrl = process.env.PARAGRAF_TEST_DATABASE_URL
const skip = postgresUrl
  ? false
  : 'PARAGRAF_TEST_DATABASE_URL is not set: two app servers need one PostgreSQL database to share'

const changes = 300

describe('webhooks from two app servers on one PostgreSQL database', { skip }, () => {
  let handle: Awaited<ReturnType<typeof createTestDb>> | undefined
  let db: Db
  let receiver: WebhookReceiver | undefined
  const servers: SpawnedServer[] = []
  const dataDirs: string[] = []

  before(async () => {
    handle = await createTestDb('postgres')
    db = handle.db
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
    const schema = rows[0]?.schema as string
    receiver = await startWebhookReceiver()
    const separator = (postgresUrl as string).includes('?') ? '&' : '?'
    const env = {
      DATABASE_URL: `${postgresUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      PUBLIC_URL: 'https://paragraf.example.se',
      // The servers' reports of what each delivered ('webhooks delivered'), read below.
      LOG_LEVEL: 'info',
    }
    dataDirs.push(...['a', 'b'].map((name) => mkdtempSync(path.join(tmpdir(), `paragraf-webhooks-${name}-`))))
    const started = await Promise.allSettled(dataDirs.map((dir) => spawnServer({ ...env, DATA_DIR: dir })))
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value)
    for (const result of started) if (result.status === 'rejected') throw result.reason
  })

  after(async () => {
    await Promise.all(servers.map((server) => server.stop()))
    await receiver?.stop()
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
    await handle?.destroy()
  })

  it(`delivers each of ${changes} changes exactly once, and none of another organisation`, async () => {
    const organisation = await createTestOrganisation(db)
    const other = await createTestOrganisation(db)
    const { webhook, secret } = await inTransaction(db, (trx) =>
      registerWebhook(trx, testActor, { organisationId: organisation.id, url: `${receiver?.url}/paragraf` }),
    )
    await receiver?.control({ secret, fail: 0, delayMs: 1_000 })

    // In three bursts while both servers run, with another organisation's changes between.
    const inserted: number[] = []
    for (let burst = 0; burst < 3; burst++) {
      for (let i = 0; i < changes / 3; i++) {
        inserted.push(
          await insertPublicChange(db, {
            organisationId: organisation.id,
            kind: i % 2 ? 'meeting' : 'agenda-item',
            objectId: burst * 1000 + i,
            action: 'changed',
          }),
        )
        if (i % 10 === 0) await insertPublicChange(db, { organisationId: other.id, objectId: i })
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000))
    }

    const settled = async () => {
      const [cursor, open] = await Promise.all([
        db.selectFrom('webhook').select('after_seq').where('id', '=', webhook.id).executeTakeFirstOrThrow(),
        db.selectFrom('webhook_delivery').select('id').where('state', '!=', 'delivered').execute(),
      ])
      return cursor.after_seq === inserted.at(-1) && open.length === 0
    }
    await waitUntil('every change queued and delivered', settled, 180_000)
    // One more round of both servers: nothing may arrive late, twice.
    await new Promise((resolve) => setTimeout(resolve, 6_000))

    const received = (await receiver?.received()) ?? []
    const rows = await db.selectFrom('webhook_delivery').select(['id', 'seq', 'attempts']).execute()
    assert.equal(rows.length, changes)
    assert.equal(received.length, changes, 'a change arrived twice, or not at all')
    assert.deepEqual(
      received.map((r) => JSON.parse(r.body).seq).sort((a, b) => a - b),
      inserted,
    )
    assert.deepEqual(
      received.map((r) => Number(r.headers['paragraf-delivery'])).sort((a, b) => a - b),
      rows.map((r) => r.id).sort((a, b) => a - b),
    )
    assert.ok(received.every((r) => r.valid && r.answered === 204))
    assert.ok(
      rows.every((r) => r.attempts === 1),
      'each delivery was claimed once',
    )

    // What each server reports it delivered (a figure, not asserted: it depends on when each woke).
    const byServer = servers.map((server) =>
      server
        .output()
        .split('\n')
        .filter((line) => line.includes('"webhooks delivered"'))
        .reduce((sum, line) => sum + Number(JSON.parse(line).delivered ?? 0), 0),
    )
    console.log(`webhooks delivered by server A and B: ${byServer.join(' and ')} of ${changes}`)
    for (const server of servers) assert.equal(server.exited(), undefined, server.output())
  })
})
