/** A plain-text e-mail to one address. */
export interface OutgoingMail {
  to: string
  subject: string
  text: string
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post on subscription mail (RFC 8058). */
  headers?: Record<string, string>
}

/** What sends mail to the outside world (SMTP in production, a recorder in tests). */
export interface Mailer {
  /** Resolves when the receiving server accepted the mail; rejects with the reason otherwise. */
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

/** A mail in the outbox: written in the transaction of the change that caused it, sent later. */
export interface OutboxMail extends OutgoingMail {
  id: number
  meetingId: number | null
  createdAt: string
  sentAt: string | null
  attempts: number
  lastError: string | null
  nextAttemptAt: string | null
}

/** After this many failed attempts a mail is given up (it stays in the outbox with its last error). */
export const maxMailAttempts = 5

/** How long one server may take to send a claimed mail before another may try it again. */
export const mailLeaseMs = 10 * 60_000

// Waits after the 1st, 2nd, 3rd and 4th failure: a mail server down for a while loses nothing.
const retryDelaysMs = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000]

/** When a mail that has failed `attempts` times may be tried again. */
export function nextAttemptAfterFailure(attempts: number, now: Date): Date {
  const delay = retryDelaysMs[Math.min(Math.max(attempts, 1), retryDelaysMs.length) - 1] as number
  return new Date(now.getTime() + delay)
}

/** A plausible e-mail address: one @, something on each side, a dot in the domain, no spaces. */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;.]{2,}$/.test(value)
}
