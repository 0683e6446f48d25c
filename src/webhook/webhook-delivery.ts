import type { Db } from '../db/database.ts'
import {
  deliverDueWebhooks,
  pruneDeliveredWebhooks,
  queueWebhookDeliveries,
  type WebhookDeliveryReport,
  type WebhookPoster,
} from '../domain/webhook/webhook.service.ts'
import type { DeliveryLog } from '../mail/mail-delivery.ts'
import { createHttpPoster } from './http-poster.ts'

/**
 * Queues the public change log for every webhook and sends what is due, every `everyMs` while the
 * server runs: one round at a time, never two at once, as the mail outbox (src/mail). Every app
 * server runs it; the claims in the database decide which server sends which delivery. The
 * returned function stops it and waits for a round under way.
 */
export function startWebhookDelivery(
  db: Db,
  options: {
    publicUrl: string
    everyMs: number
    batchSize?: number
    log: DeliveryLog
    poster?: WebhookPoster
  },
): () => Promise<void> {
  const poster = options.poster ?? createHttpPoster()
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let round: Promise<void> = Promise.resolve()
  let prunedAt = Number.NEGATIVE_INFINITY
  const runRound = async () => {
    try {
      if (Date.now() - prunedAt >= 60 * 60_000) {
        prunedAt = Date.now()
        await pruneDeliveredWebhooks(db)
      }
      await queueWebhookDeliveries(db, { publicUrl: options.publicUrl })
      const report = await sendAllDue(db, poster, options.batchSize ?? 20, () => stopped)
      if (report.delivered + report.failed + report.dead > 0) options.log.info(report, 'webhooks delivered')
    } catch (error) {
      options.log.error({ err: error }, 'webhook delivery failed')
    }
    if (!stopped) timer = setTimeout(tick, options.everyMs)
  }
  const tick = () => {
    round = runRound()
  }
  timer = setTimeout(tick, 0)
  return async () => {
    stopped = true
    clearTimeout(timer)
    await round
  }
}

/** Sends batch after batch until nothing is due (or `stop` says so). */
export async function sendAllDue(
  db: Db,
  poster: WebhookPoster,
  batchSize: number,
  stop: () => boolean = () => false,
): Promise<WebhookDeliveryReport> {
  const total: WebhookDeliveryReport = { delivered: 0, failed: 0, dead: 0 }
  while (!stop()) {
    const report = await deliverDueWebhooks(db, poster, { limit: batchSize })
    total.delivered += report.delivered
    total.failed += report.failed
    total.dead += report.dead
    if (report.delivered + report.failed + report.dead < batchSize) break
  }
  return total
}
