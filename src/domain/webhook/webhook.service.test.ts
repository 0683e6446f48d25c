import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { after, before, it } from 'node:test'
import { createTestOrganisation, testActor } from '../../../test/support/factories.ts'
import { insertPublicChange } from '../../../test/support/public-changes.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.ts'
import { inTransaction } from '../../db/database.ts'
import { createHttpPoster } from '../../webhook/http-poster.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import type { Organisation } from '../organisation/organisation.ts'
import type { DomainError } from '../shared/errors.ts'
import {
  deliverDueWebhooks,
  findWebhook,
  listDeadDeliveries,
  listDeliveriesOfWebhook,
  listWebhooksWithCounts,
  pruneDeliveredWebhooks,
  queueWebhookDeliveries,
  registerWebhook,
  removeWebhook,
  resendDeadDelivery,
} from './webhook.service.ts'
import { firstRetryDelayMs, maxWebhookAttempts, nextWebhookAttempt, signatureHeader } from './webhook.ts'

const publicUrl = 'https://paragraf.example.se'
const poster = createHttpPoster()

it('signs "<t>.<body>" with HMAC-SHA256 of the secret, as docs/api.md says', () => {
  const body = '{"seq":1}'
  const expected = createHmac('sha256', 'whsec_test').update(`1767225600.${body}`).digest('hex')
  assert.equal(signatureHeader('whsec_test', body, 1767225600), `t=1767225600,v1=${expected}`)
})

it('waits twice as long after each failure, from one minute', () => {
  const now = new Date('2026-12-06T00:00:00Z')
  const waits = [1, 2, 3, 9].map((attempts) => nextWebhookAttempt(attempts, now).getTime() - now.getTime())
  assert.deepEqual(waits, [60_000, 120_000, 240_000, 256 * 60_000])
})

describeOnEachDatabase('webhooks', (getDb) => {
  let receiver: WebhookReceiver
  let organisation: Organisation
  let other: Organisation

  before(async () => {
    receiver = await startWebhookReceiver()
    organisation = await createTestOrganisation(getDb())
    other = await createTestOrganisation(getDb())
  })
  after(() => receiver.stop())

  const register = (url: string, organisationId = organisation.id) =>
    inTransaction(getDb(), (trx) => registerWebhook(trx, testActor, { organisationId, url }))
  const remove = (id: number) => inTransaction(getDb(), (trx) => removeWebhook(trx, testActor, id))

  it('refuses a URL that is not HTTPS (plain HTTP only to this machine), has a password, or is none', async () => {
    for (const [url, problem] of [
      ['', 'missing'],
      ['mottagare.example.se/paragraf', 'invalid'],
      ['ftp://mottagare.example.se/', 'invalid'],
      ['http://mottagare.example.se/paragraf', 'not_https'],
      ['https://anna:hemligt@mottagare.example.se/', 'credentials'],
      [`https://mottagare.example.se/${'x'.repeat(2000)}`, 'too_long'],
    ] as const)
      await assert.rejects(
        register(url),
        (error: DomainError) =>
          error.code === 'invalid_input' && error.field === 'url' && error.message === problem,
        url,
      )
    const { webhook } = await register('https://mottagare.example.se/paragraf')
    await remove(webhook.id)
    const local = await register('http://localhost:8080/krok')
    await remove(local.webhook.id)
  })

  it('delivers each change of its own organisation after registration, signed, naming only kind, id, action, seq, time and URL', async () => {
    const before = await insertPublicChange(getDb(), { organisationId: organisation.id, objectId: 900 })
    const { webhook, secret } = await register(`${receiver.url}/paragraf`)
    assert.match(secret, /^whsec_[0-9a-f]{64}$/)
    assert.equal(webhook.afterSeq, before, 'it starts at the newest change when registered')
    await receiver.control({ secret, fail: 0 })

    const appeared = await insertPublicChange(getDb(), {
      organisationId: organisation.id,
      kind: 'meeting',
      objectId: 41,
      action: 'appeared',
      changedAt: '2026-12-06T01:00:00.000Z',
    })
    await insertPublicChange(getDb(), { organisationId: other.id, kind: 'meeting', objectId: 42 })
    const vanished = await insertPublicChange(getDb(), {
      organisationId: organisation.id,
      kind: 'agenda-item',
      objectId: 77,
      action: 'vanished',
      changedAt: '2026-12-06T01:05:00.000Z',
    })
    assert.equal(await queueWebhookDeliveries(getDb(), { publicUrl }), 2)
    assert.equal(await queueWebhookDeliveries(getDb(), { publicUrl }), 0, 'a change is queued once')
    assert.deepEqual(await deliverDueWebhooks(getDb(), poster, { limit: 20 }), {
      delivered: 2,
      failed: 0,
      dead: 0,
    })
    assert.deepEqual(await deliverDueWebhooks(getDb(), poster, { limit: 20 }), {
      delivered: 0,
      failed: 0,
      dead: 0,
    })

    const received = (await receiver.received()).filter((r) => r.path === '/paragraf')
    assert.equal(received.length, 2)
    for (const r of received) {
      assert.equal(r.method, 'POST')
      assert.equal(r.valid, true, 'the receiver verified the signature with the shared secret')
      assert.equal(r.headers['content-type'], 'application/json')
      assert.match(r.headers['paragraf-delivery'] ?? '', /^\d+$/)
    }
    const bodies = received.map((r) => JSON.parse(r.body)).sort((a, b) => a.seq - b.seq)
    assert.deepEqual(bodies, [
      {
        seq: appeared,
        kind: 'meeting',
        id: 41,
        action: 'appeared',
        time: '2026-12-06T01:00:00.000Z',
        url: 'https://paragraf.example.se/oparl/v1/meeting/41',
      },
      {
        seq: vanished,
        kind: 'agenda-item',
        id: 77,
        action: 'vanished',
        time: '2026-12-06T01:05:00.000Z',
        url: 'https://paragraf.example.se/oparl/v1/agenda-item/77',
      },
    ])
    const deliveries = await listDeliveriesOfWebhook(getDb(), webhook.id)
    assert.deepEqual(
      deliveries.map((d) => [d.seq, d.state, d.attempts, d.lastStatus]),
      [
        [appeared, 'delivered', 1, 204],
        [vanished, 'delivered', 1, 204],
      ],
    )
    const [listed] = await listWebhooksWithCounts(getDb(), organisation.id)
    assert.deepEqual(listed?.counts, { pending: 0, delivered: 2, dead: 0 })

    // The secret is shown once and never written to the audit log.
    const audit = await listAuditEvents(getDb(), 'webhook', webhook.id)
    assert.deepEqual(
      audit.map((e) => e.action),
      ['webhook.register'],
    )
    assert.doesNotMatch(JSON.stringify(audit), /whsec_/)
    await remove(webhook.id)
  })

  it('queues a long backlog a page at a time, in order, and moves the cursor past other organisations’ changes', async () => {
    const { webhook, secret } = await register(`${receiver.url}/backlog`)
    await receiver.control({ secret, fail: 0 })
    const ours: number[] = []
    for (let i = 0; i < 5; i++) {
      ours.push(await insertPublicChange(getDb(), { organisationId: organisation.id, objectId: 500 + i }))
      await insertPublicChange(getDb(), { organisationId: other.id, objectId: 600 + i })
    }
    const cursor = async () => (await findWebhook(getDb(), webhook.id))?.afterSeq
    assert.equal(await queueWebhookDeliveries(getDb(), { publicUrl, limit: 2 }), 2)
    assert.equal(await cursor(), ours[1], 'a full page: the cursor stops at its last change')
    assert.equal(await queueWebhookDeliveries(getDb(), { publicUrl, limit: 2 }), 2)
    assert.equal(await queueWebhookDeliveries(getDb(), { publicUrl, limit: 2 }), 1)
    assert.equal(await cursor(), (ours[4] as number) + 1, 'past the other organisation’s last change')
    assert.equal(await queueWebhookDeliveries(getDb(), { publicUrl, limit: 2 }), 0)
    assert.deepEqual(
      (await listDeliveriesOfWebhook(getDb(), webhook.id)).map((d) => d.seq),
      ours,
    )
    await deliverDueWebhooks(getDb(), poster, { limit: 20 })
    await remove(webhook.id)
  })

  it('tries a failing receiver again after 1, 2, 4 … minutes, then lists the delivery as dead until sent again', async () => {
    const { webhook, secret } = await register(`${receiver.url}/failing`)
    await receiver.control({ secret, fail: -1, status: 503 })
    const seq = await insertPublicChange(getDb(), { organisationId: organisation.id, objectId: 5 })
    await queueWebhookDeliveries(getDb(), { publicUrl })

    let now = new Date('2026-12-06T02:00:00Z')
    const at = () => now
    for (let attempt = 1; attempt < maxWebhookAttempts; attempt++) {
      assert.deepEqual(await deliverDueWebhooks(getDb(), poster, { limit: 20, now: at }), {
        delivered: 0,
        failed: 1,
        dead: 0,
      })
      const [delivery] = await listDeliveriesOfWebhook(getDb(), webhook.id)
      const wait = firstRetryDelayMs * 2 ** (attempt - 1)
      assert.equal(delivery?.nextAttemptAt, new Date(now.getTime() + wait).toISOString())
      assert.equal(delivery?.lastStatus, 503)
      assert.equal(delivery?.lastError, 'HTTP 503')
      // Not before its time …
      now = new Date(now.getTime() + wait - 1_000)
      assert.deepEqual(await deliverDueWebhooks(getDb(), poster, { limit: 20, now: at }), {
        delivered: 0,
        failed: 0,
        dead: 0,
      })
      // … and then.
      now = new Date(now.getTime() + 1_000)
    }
    assert.deepEqual(await deliverDueWebhooks(getDb(), poster, { limit: 20, now: at }), {
      delivered: 0,
      failed: 0,
      dead: 1,
    })
    now = new Date(now.getTime() + 7 * 24 * 60 * 60_000)
    assert.deepEqual(await deliverDueWebhooks(getDb(), poster, { limit: 20, now: at }), {
      delivered: 0,
      failed: 0,
      dead: 0,
    })
    const attempts = (await receiver.received()).filter((r) => r.path === '/failing')
    assert.equal(attempts.length, maxWebhookAttempts)
    assert.equal(
      new Set(attempts.map((r) => r.headers['paragraf-delivery'])).size,
      1,
      'one delivery id throughout',
    )
    assert.ok(attempts.every((r) => r.valid && r.answered === 503))

    const [dead] = await listDeadDeliveries(getDb(), organisation.id, 50)
    assert.equal(dead?.seq, seq)
    assert.equal(dead?.attempts, maxWebhookAttempts)
    assert.equal(dead?.url, `${receiver.url}/failing`)

    // Sent again by hand once the receiver is back.
    await receiver.control({ fail: 0 })
    await inTransaction(getDb(), (trx) => resendDeadDelivery(trx, testActor, dead?.id as number))
    await assert.rejects(
      inTransaction(getDb(), (trx) => resendDeadDelivery(trx, testActor, dead?.id as number)),
      (error: DomainError) => error.code === 'invalid_state',
    )
    assert.deepEqual(await deliverDueWebhooks(getDb(), poster, { limit: 20, now: at }), {
      delivered: 1,
      failed: 0,
      dead: 0,
    })
    assert.deepEqual(await listDeadDeliveries(getDb(), organisation.id, 50), [])
    const last = (await receiver.received()).filter((r) => r.path === '/failing').at(-1)
    assert.equal(last?.answered, 204)
    assert.equal(last?.valid, true)
    assert.deepEqual(
      (await listAuditEvents(getDb(), 'webhook', webhook.id)).map((e) => e.action),
      ['webhook.register', 'webhook.resend'],
    )
    await remove(webhook.id)
  })

  it('forgets deliveries delivered over 30 days ago, keeping the dead and the pending', async () => {
    const { webhook } = await register('https://mottagare.example.se/gammal')
    const row = (seq: number, state: 'delivered' | 'dead' | 'pending', deliveredAt: string | null) => ({
      webhook_id: webhook.id,
      seq,
      body: '{}',
      state,
      delivered_at: deliveredAt,
    })
    await getDb()
      .insertInto('webhook_delivery')
      .values([
        row(1, 'delivered', '2026-10-01T00:00:00.000Z'),
        row(2, 'delivered', '2026-11-20T00:00:00.000Z'),
        row(3, 'dead', null),
        row(4, 'pending', null),
      ])
      .execute()
    assert.equal(await pruneDeliveredWebhooks(getDb(), new Date('2026-12-06T00:00:00Z')), 1)
    assert.deepEqual(
      (await listDeliveriesOfWebhook(getDb(), webhook.id)).map((d) => [d.seq, d.state]),
      [
        [2, 'delivered'],
        [3, 'dead'],
        [4, 'pending'],
      ],
    )
    await remove(webhook.id)
  })

  it('counts no answer at all (nothing listening) as a failed attempt, with the reason', async () => {
    const closed = await startWebhookReceiver()
    const url = `${closed.url}/borta`
    await closed.stop()
    const { webhook } = await register(url)
    await insertPublicChange(getDb(), { organisationId: organisation.id })
    await queueWebhookDeliveries(getDb(), { publicUrl })
    assert.deepEqual(await deliverDueWebhooks(getDb(), poster, { limit: 20 }), {
      delivered: 0,
      failed: 1,
      dead: 0,
    })
    const [delivery] = await listDeliveriesOfWebhook(getDb(), webhook.id)
    assert.equal(delivery?.state, 'pending')
    assert.equal(delivery?.lastStatus, null)
    assert.match(delivery?.lastError ?? '', /ECONNREFUSED/)
    await remove(webhook.id)
    assert.deepEqual(await listDeliveriesOfWebhook(getDb(), webhook.id), [], 'removed with its webhook')
  })

  it('does not follow a redirect: the signed body goes only to the URL registered', async () => {
    const { webhook, secret } = await register(`${receiver.url}/flyttad`)
    await receiver.control({ secret, fail: 1, status: 307 })
    await insertPublicChange(getDb(), { organisationId: organisation.id })
    await queueWebhookDeliveries(getDb(), { publicUrl })
    assert.deepEqual(await deliverDueWebhooks(getDb(), poster, { limit: 20 }), {
      delivered: 0,
      failed: 1,
      dead: 0,
    })
    const [delivery] = await listDeliveriesOfWebhook(getDb(), webhook.id)
    assert.equal(delivery?.lastError, 'HTTP 307')
    await remove(webhook.id)
  })
})
