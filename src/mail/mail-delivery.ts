import type { Db } from '../db/database.ts'
import { type DeliveryReport, deliverPendingMail } from '../domain/mail/mail.service.ts'
import type { Mailer } from '../domain/mail/outgoing-mail.ts'

/** What the delivery loop reports to (Fastify's logger fits). */
export interface DeliveryLog {
  info(details: object, message: string): void
  error(details: object, message: string): void
}

/**
 * Empties the outbox every `everyMs` while the server runs: one round at a time, never two at once.
 * The returned function stops it, waits for a round under way, and closes the mailer.
 */
export function startMailDelivery(
  db: Db,
  mailer: Mailer,
  options: { everyMs: number; batchSize?: number; log: DeliveryLog },
): () => Promise<void> {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let round: Promise<void> = Promise.resolve()
  const runRound = async () => {
    try {
      const report = await deliverAll(db, mailer, options.batchSize ?? 20, () => stopped)
      if (report.sent + report.failed > 0) options.log.info(report, 'mail delivered')
    } catch (error) {
      options.log.error({ err: error }, 'mail delivery failed')
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
    mailer.close()
  }
}

/** Delivers batch after batch until nothing is due (or `stop` says so); for the loop and `paragraf mail send`. */
export async function deliverAll(
  db: Db,
  mailer: Mailer,
  batchSize: number,
  stop: () => boolean = () => false,
): Promise<DeliveryReport> {
  const total: DeliveryReport = { sent: 0, failed: 0 }
  while (!stop()) {
    const report = await deliverPendingMail(db, mailer, { limit: batchSize })
    total.sent += report.sent
    total.failed += report.failed
    if (report.sent + report.failed < batchSize) break
  }
  return total
}
