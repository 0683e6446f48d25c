import { type Db, inTransaction, type Trx } from '../../db/database.ts'
import { claimDueMail, insertOutboxMail, markMailSent, recordMailFailure } from './mail-outbox.repository.ts'
import { type Mailer, mailLeaseMs, nextAttemptAfterFailure, type OutgoingMail } from './outgoing-mail.ts'

export { listOutboxMailOfMeeting } from './mail-outbox.repository.ts'

/** Puts mails in the outbox, in the caller's transaction: they go out only if it commits. */
export async function queueMail(
  trx: Trx,
  mails: ReadonlyArray<OutgoingMail & { meetingId?: number | null }>,
): Promise<void> {
  await insertOutboxMail(
    trx,
    mails.map((m) => ({ ...m, meetingId: m.meetingId ?? null })),
  )
}

export interface DeliveryReport {
  sent: number
  failed: number
}

/**
 * Sends up to `limit` mails that are due. Each is claimed before it is sent, so several servers
 * running this at once never send a row twice; a failure is recorded with its error and tried again
 * later, up to five attempts. A server that dies mid-send leaves its claim to expire: that mail may
 * then go out twice (at least once, never lost).
 */
export async function deliverPendingMail(
  db: Db,
  mailer: Mailer,
  options: { limit: number; now?: Date },
): Promise<DeliveryReport> {
  const now = options.now ?? new Date()
  const claimed = await inTransaction(db, (trx) =>
    claimDueMail(trx, {
      limit: options.limit,
      now,
      leaseUntil: new Date(now.getTime() + mailLeaseMs),
    }),
  )
  const report: DeliveryReport = { sent: 0, failed: 0 }
  for (const mail of claimed) {
    try {
      await mailer.send({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.headers ? { headers: mail.headers } : {}),
      })
    } catch (error) {
      await inTransaction(db, (trx) =>
        recordMailFailure(trx, mail.id, {
          error: describeMailError(error),
          nextAttemptAt: nextAttemptAfterFailure(mail.attempts, options.now ?? new Date()),
        }),
      )
      report.failed++
      continue
    }
    await inTransaction(db, (trx) => markMailSent(trx, mail.id, options.now ?? new Date()))
    report.sent++
  }
  return report
}

function describeMailError(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; message?: string }
  const code = [e.code, e.responseCode].filter(Boolean).join(' ')
  const message = (e.message ?? String(error)).split('\n')[0]
  return code ? `${code}: ${message}` : (message ?? 'unknown error')
}
