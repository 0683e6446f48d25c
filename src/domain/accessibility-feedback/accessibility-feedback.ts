/**
 * A visitor's message about the portal's accessibility, sent with the form of the accessibility
 * statement (lag 2018:1937, 13 § second paragraph). The organisation must answer it as soon as
 * possible; a request for inaccessible content is to be met without undue delay (15 §).
 */
export interface AccessibilityFeedback {
  id: number
  organisationId: number
  /** The page it concerns, as the visitor wrote it (an address or a description), if given. */
  page: string | null
  /** The message exactly as the visitor wrote it. */
  message: string
  /** Personal data: given only by a visitor who wants an answer; only administrators see it. */
  senderName: string | null
  replyAddress: string | null
  /** ISO 8601, UTC. */
  receivedAt: string
  /** Set when an administrator marks it handled, with who did it ("user:7") and what was done. */
  handledAt: string | null
  handledBy: string | null
  handlingNote: string | null
}

/**
 * Handled feedback, reply address and all, is deleted this many months after it was handled. Long
 * enough to look back on what was reported and answered; no longer, since the reply address is
 * personal data kept only for the answer (GDPR art. 5.1 e). The privacy page says the same.
 */
export const retentionMonths = 12

/** Handled before this instant, feedback is deleted: `retentionMonths` calendar months before `now`. */
export function deletionCutoff(now: Date): Date {
  const cutoff = new Date(now.getTime())
  cutoff.setUTCMonth(cutoff.getUTCMonth() - retentionMonths)
  return cutoff
}

// The same limits as the portal's form, checked again here so no other caller stores more.
export const feedbackLimits = { message: 5000, page: 500, senderName: 200, replyAddress: 254, note: 2000 }

/**
 * A committee's address in the page the visitor named ("/committees/socialnamnden/…", with or
 * without the site's host): its slug, so the feedback reaches the organisation that owns it.
 */
export function committeeSlugInPage(page: string | null): string | undefined {
  return page ? /\/committees\/([a-z0-9-]+)/i.exec(page)?.[1]?.toLowerCase() : undefined
}
