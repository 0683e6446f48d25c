import type { Db } from '../db/database.ts'
import { type DeliveryReport, deliverPendingMail } from '../domain/mail/mail.service.ts'
import type { Mailer } from '../domain/mail/outgoing-mail.ts'
import { todayInSweden } from '../domain/shared/swedish-date.ts'
import { queueSignOffReminders } from '../domain/sign-off/sign-off-reminder-mail.service.ts'
import { queueSubscriptionMail } from '../domain/subscription/subscription-mail.service.ts'

/** What the delivery loop reports to (Fastify's logger fits). */
export interface DeliveryLog {
  info(details: object, message: string): void
  error(details: object, message: string): void
}

/** Settings of the sign-off reminders the delivery loop queues. */
export interface ReminderSettings {
  /** The address links in the mail start with (PUBLIC_URL). */
  publicUrl: string
  /** How often to look for reminders due; they are counted in days, so every few minutes is plenty. */
  everyMs?: number
}

/**
 * Empties the outbox every `everyMs` while the server runs: one round at a time, never two at once.
 * With `reminders`, a round first queues the sign-off reminders that are due (KL 5:69). The returned
 * function stops it, waits for a round under way, and closes the mailer.
 */
export function startMailDelivery(
  db: Db,
  mailer: Mailer,
  options: { everyMs: number; batchSize?: number; log: DeliveryLog; reminders?: ReminderSettings },
): () => Promise<void> {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let round: Promise<void> = Promise.resolve()
  let remindedAt = Number.NEGATIVE_INFINITY
  const runRound = async () => {
    const reminders = options.reminders
    if (reminders && Date.now() - remindedAt >= (reminders.everyMs ?? 5 * 60_000)) {
      remindedAt = Date.now()
      try {
        const queued = await queueDueSignOffReminders(db, reminders.publicUrl)
        if (queued > 0) options.log.info({ queued }, 'sign-off reminders queued')
      } catch (error) {
        options.log.error({ err: error }, 'queueing sign-off reminders failed')
      }
      try {
        const queued = await queueSubscriptionMail(db, { publicUrl: reminders.publicUrl })
        if (queued > 0) options.log.info({ queued }, 'subscription mail queued')
      } catch (error) {
        options.log.error({ err: error }, 'queueing subscription mail failed')
      }
    }
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

/**
 * Queues the sign-off reminders due today in Sweden (the deadline is a Swedish calendar day); for the
 * loop and `paragraf mail send`. Each reminder goes out once, however many servers call this.
 */
export function queueDueSignOffReminders(db: Db, publicUrl: string, now = new Date()): Promise<number> {
  return queueSignOffReminders(db, { today: todayInSweden(now), publicUrl })
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
