// Webhook throughput: N changes of the public change log queued and POSTed, signed, to a receiver
// process on this machine that answers at once (the receiver's speed is not Paragraf's), by one
// sender in batches of 20 as `paragraf serve` sends them. SQLite in memory, or PostgreSQL with
// PARAGRAF_TEST_DATABASE_URL (a schema of its own).
// Run: node --import tsx bench/webhooks.bench.ts [CHANGES]
import { performance } from 'node:perf_hooks'
import { inTransaction } from '../src/db/database.ts'
import { queueWebhookDeliveries, registerWebhook } from '../src/domain/webhook/webhook.service.ts'
import { createHttpPoster } from '../src/webhook/http-poster.ts'
import { sendAllDue } from '../src/webhook/webhook-delivery.ts'
import { createTestOrganisation, testActor } from '../test/support/factories.ts'
import { createTestDb } from '../test/support/test-db.ts'
import { startWebhookReceiver } from '../test/support/webhook-receiver.ts'

const count = Number(process.argv[2] ?? 2_000)
const dialect = process.env.PARAGRAF_TEST_DATABASE_URL ? 'postgres' : 'sqlite'
const { db, destroy } = await createTestDb(dialect)
const receiver = await startWebhookReceiver()
try {
  const organisation = await createTestOrganisation(db)
  const { secret } = await inTransaction(db, (trx) =>
    registerWebhook(trx, testActor, { organisationId: organisation.id, url: `${receiver.url}/bench` }),
  )
  await receiver.control({ secret, fail: 0 })
  const now = new Date().toISOString()
  for (let from = 0; from < count; from += 500)
    await db
      .insertInto('public_change')
      .values(
        Array.from({ length: Math.min(500, count - from) }, (_, i) => ({
          organisation_id: organisation.id,
          kind: 'meeting',
          object_id: from + i,
          action: 'changed' as const,
          changed_at: now,
        })),
      )
      .execute()

  const started = performance.now()
  let queued = 0
  for (let n = -1; n !== 0; queued += n)
    n = await queueWebhookDeliveries(db, { publicUrl: 'https://paragraf.example.se' })
  const queuedAt = performance.now()
  const report = await sendAllDue(db, createHttpPoster(), 20)
  const sentAt = performance.now()
  const received = await receiver.received()
  const seconds = (sentAt - started) / 1000
  console.log(
    `${dialect}: ${count} changes queued in ${((queuedAt - started) / 1000).toFixed(2)} s, ` +
      `${report.delivered} delivered in ${((sentAt - queuedAt) / 1000).toFixed(2)} s ` +
      `(${(count / seconds).toFixed(0)} changes/s end to end); the receiver got ${received.length}, ` +
      `${received.filter((r) => r.valid).length} with a valid signature; queued ${queued}`,
  )
} finally {
  await receiver.stop()
  await destroy()
}
