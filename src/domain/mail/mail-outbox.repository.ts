import type { Queryable, Trx } from '../../db/database.ts'
import { forUpdateSkipLocked } from '../../db/dialect.ts'
import type { Selected } from '../../db/schema.ts'
import { maxMailAttempts, type OutboxMail, type OutgoingMail } from './outgoing-mail.ts'

const toOutboxMail = (row: Selected<'mail_outbox'>): OutboxMail => ({
  id: row.id,
  to: row.to_address,
  subject: row.subject,
  text: row.body_text,
  ...(row.headers ? { headers: JSON.parse(row.headers) as Record<string, string> } : {}),
  meetingId: row.meeting_id,
  createdAt: row.created_at,
  sentAt: row.sent_at,
  attempts: row.attempts,
  lastError: row.last_error,
  nextAttemptAt: row.next_attempt_at,
})

export async function insertOutboxMail(
  trx: Trx,
  mails: ReadonlyArray<OutgoingMail & { meetingId: number | null }>,
): Promise<void> {
  if (mails.length === 0) return
  await trx
    .insertInto('mail_outbox')
    .values(
      mails.map((m) => ({
        to_address: m.to,
        subject: m.subject,
        body_text: m.text,
        meeting_id: m.meetingId,
        headers: m.headers ? JSON.stringify(m.headers) : null,
      })),
    )
    .execute()
}

/**
 * Takes up to `limit` mails that are due, in one statement: counts the attempt and leases them until
 * `leaseUntil`, so no other server takes them meanwhile (SKIP LOCKED on PostgreSQL, see dialect.ts).
 */
export async function claimDueMail(
  trx: Trx,
  options: { limit: number; now: Date; leaseUntil: Date },
): Promise<OutboxMail[]> {
  const due = forUpdateSkipLocked(
    trx,
    trx
      .selectFrom('mail_outbox')
      .select('id')
      .where('sent_at', 'is', null)
      .where('attempts', '<', maxMailAttempts)
      .where((eb) =>
        eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', options.now.toISOString())]),
      )
      .orderBy('id')
      .limit(options.limit),
  )
  const rows = await trx
    .updateTable('mail_outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      next_attempt_at: options.leaseUntil.toISOString(),
    }))
    .where('id', 'in', due)
    .returningAll()
    .execute()
  return rows.map(toOutboxMail).sort((a, b) => a.id - b.id)
}

export async function markMailSent(trx: Trx, id: number, sentAt: Date): Promise<void> {
  await trx
    .updateTable('mail_outbox')
    .set({ sent_at: sentAt.toISOString(), next_attempt_at: null })
    .where('id', '=', id)
    .execute()
}

export async function recordMailFailure(
  trx: Trx,
  id: number,
  failure: { error: string; nextAttemptAt: Date },
): Promise<void> {
  await trx
    .updateTable('mail_outbox')
    .set({ last_error: failure.error.slice(0, 1000), next_attempt_at: failure.nextAttemptAt.toISOString() })
    .where('id', '=', id)
    .execute()
}

/** The mails written for a meeting, oldest first. */
export async function listOutboxMailOfMeeting(db: Queryable, meetingId: number): Promise<OutboxMail[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .execute()
  return rows.map(toOutboxMail)
}
