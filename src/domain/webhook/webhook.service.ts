import type { Db, Trx } from '../../db/database.ts'
import { inTransaction } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { type Actor, describeActor } from '../shared/actor.ts'
import { InvalidInputError, InvalidStateError, NotFoundError } from '../shared/errors.ts'
import {
  changesAfter,
  claimDueDeliveries,
  deleteDeliveredBefore,
  deleteWebhook,
  findDelivery,
  findWebhook,
  insertDeliveries,
  insertWebhook,
  latestChangeSeq,
  listDeadDeliveries,
  listWebhooksWithCounts,
  lockWebhookForQueueing,
  recordAttempt,
  requeueDeadDelivery,
  webhooksBehind,
} from './webhook.repository.ts'
import {
  deliveredRetentionDays,
  maxWebhookAttempts,
  newWebhookSecret,
  nextWebhookAttempt,
  signatureHeader,
  type Webhook,
  webhookBody,
  webhookLeaseMs,
  webhookUrlProblem,
} from './webhook.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    webhook_delivery_not_dead: undefined
  }
}

export { listDeliveriesOfWebhook } from './webhook.repository.ts'
export { findDelivery, findWebhook, listDeadDeliveries, listWebhooksWithCounts }

/**
 * Registers a URL for the organisation's public change log, from the change after the newest one
 * now. The secret is returned this once, for the administrator to give the receiver; it is kept to
 * sign with but never shown again, and never written to the audit log.
 */
export async function registerWebhook(
  trx: Trx,
  actor: Actor,
  input: { organisationId: number; url: string },
): Promise<{ webhook: Webhook; secret: string }> {
  const url = input.url.trim()
  const problem = webhookUrlProblem(url)
  if (problem) throw new InvalidInputError(`webhook_url_${problem}`, problem, 'url')
  const secret = newWebhookSecret()
  const webhook = await insertWebhook(trx, {
    organisationId: input.organisationId,
    url,
    secret,
    createdBy: describeActor(actor),
    afterSeq: await latestChangeSeq(trx),
  })
  await recordAudit(
    trx,
    actor,
    'webhook.register',
    { type: 'webhook', id: webhook.id, organisationId: input.organisationId },
    { after: { url, afterSeq: webhook.afterSeq } },
  )
  return { webhook, secret }
}

/** Removes a webhook and what was waiting to go to it. */
export async function removeWebhook(trx: Trx, actor: Actor, webhookId: number): Promise<void> {
  const webhook = await findWebhook(trx, webhookId)
  if (!webhook) throw new NotFoundError('webhook', webhookId)
  await deleteWebhook(trx, webhookId)
  await recordAudit(
    trx,
    actor,
    'webhook.remove',
    { type: 'webhook', id: webhookId, organisationId: webhook.organisationId },
    { before: { url: webhook.url, afterSeq: webhook.afterSeq } },
  )
}

/** Puts a dead delivery back in the queue ("Skicka igen"), due at once, with fresh attempts. */
export async function resendDeadDelivery(trx: Trx, actor: Actor, deliveryId: number): Promise<void> {
  const delivery = await findDelivery(trx, deliveryId)
  if (!delivery) throw new NotFoundError('webhook delivery', deliveryId)
  if (!(await requeueDeadDelivery(trx, deliveryId)))
    throw new InvalidStateError('webhook_delivery_not_dead', 'the delivery is not in the dead-letter list')
  await recordAudit(
    trx,
    actor,
    'webhook.resend',
    { type: 'webhook', id: delivery.webhookId, organisationId: delivery.organisationId },
    { after: { deliveryId, seq: delivery.seq } },
  )
}

/**
 * Queues, for every webhook, the changes of its organisation after its cursor (up to `limit` per
 * webhook a call). A webhook is locked while its changes are queued (another server skips it), and
 * a change is queued once per webhook (unique), so several servers may call this at once. The
 * cursor moves on to the newest seq of the whole log, past other organisations' changes, so the
 * next round reads only what is new: the log's writers commit in seq order (a lock), so no change
 * at or below a seq seen committed can still appear.
 */
export async function queueWebhookDeliveries(
  db: Db,
  options: { publicUrl: string; limit?: number },
): Promise<number> {
  const limit = options.limit ?? 500
  const latest = await latestChangeSeq(db)
  let queued = 0
  for (const webhookId of await webhooksBehind(db, latest)) {
    queued += await inTransaction(db, async (trx) => {
      const webhook = await lockWebhookForQueueing(trx, webhookId)
      if (!webhook || webhook.afterSeq >= latest) return 0
      const changes = await changesAfter(
        trx,
        webhook.organisationId,
        { afterSeq: webhook.afterSeq, upTo: latest },
        limit,
      )
      const cursor = changes.length === limit ? (changes.at(-1)?.seq ?? latest) : latest
      await insertDeliveries(
        trx,
        webhook.id,
        changes.map((change) => ({ seq: change.seq, body: webhookBody(change, options.publicUrl) })),
        cursor,
      )
      return changes.length
    })
  }
  return queued
}

/**
 * Forgets what was delivered more than 30 days ago, so the table does not grow with the log
 * forever; the log itself (public_change) and the dead-letter list are kept.
 */
export function pruneDeliveredWebhooks(db: Db, now = new Date()): Promise<number> {
  return inTransaction(db, (trx) =>
    deleteDeliveredBefore(trx, new Date(now.getTime() - deliveredRetentionDays * 24 * 60 * 60_000)),
  )
}

/** What sends one POST (fetch in production, src/webhook/http-poster.ts). */
export interface WebhookPoster {
  /** Resolves with the receiver's HTTP status; rejects when no answer came (refused, timed out). */
  post(url: string, body: string, headers: Record<string, string>): Promise<number>
}

export interface WebhookDeliveryReport {
  delivered: number
  failed: number
  dead: number
}

/**
 * Sends up to `limit` deliveries that are due, signed. Each is claimed before it is sent, so
 * several servers running this at once never send a delivery twice; a 2xx answer delivers it, any
 * other answer or none is a failed attempt, tried again after a wait that doubles each time, and
 * after the last attempt the delivery is dead. A server that dies mid-send leaves its claim to
 * expire, and that delivery may then arrive twice (the `Paragraf-Delivery` header is the same).
 * `now` is the clock of the schedule; the signature always carries the real time of sending.
 */
export async function deliverDueWebhooks(
  db: Db,
  poster: WebhookPoster,
  options: { limit: number; now?: () => Date },
): Promise<WebhookDeliveryReport> {
  const now = options.now ?? (() => new Date())
  const started = now()
  const claimed = await inTransaction(db, (trx) =>
    claimDueDeliveries(trx, {
      limit: options.limit,
      now: started,
      leaseUntil: new Date(started.getTime() + webhookLeaseMs),
    }),
  )
  const report: WebhookDeliveryReport = { delivered: 0, failed: 0, dead: 0 }
  await Promise.all(
    claimed.map(async (delivery) => {
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'Paragraf-Webhooks/1',
        'paragraf-delivery': String(delivery.id),
        'paragraf-event': String(delivery.seq),
        'paragraf-signature': signatureHeader(delivery.secret, delivery.body, Math.floor(Date.now() / 1000)),
      }
      let status: number | null = null
      let error: string
      try {
        status = await poster.post(delivery.url, delivery.body, headers)
        if (status >= 200 && status < 300) {
          const delivered = { state: 'delivered' as const, at: now(), status }
          await inTransaction(db, (trx) => recordAttempt(trx, delivery, delivered))
          report.delivered++
          return
        }
        error = `HTTP ${status}`
      } catch (failure) {
        error = describePostError(failure)
      }
      if (delivery.attempts >= maxWebhookAttempts) {
        await inTransaction(db, (trx) => recordAttempt(trx, delivery, { state: 'dead', status, error }))
        report.dead++
      } else {
        await inTransaction(db, (trx) =>
          recordAttempt(trx, delivery, {
            state: 'pending',
            status,
            error,
            nextAttemptAt: nextWebhookAttempt(delivery.attempts, now()),
          }),
        )
        report.failed++
      }
    }),
  )
  return report
}

function describePostError(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (e.name === 'TimeoutError') return 'no answer in time'
  const cause = e.cause?.code ?? e.cause?.message
  return (cause ? `${e.message}: ${cause}` : (e.message ?? String(error))).split('\n')[0] ?? 'unknown error'
}
