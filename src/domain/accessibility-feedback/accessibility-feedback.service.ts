import { inTransaction, type Queryable, type Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { findCommitteeBySlug } from '../committee/committee.reads.ts'
import { listOrganisations } from '../organisation/organisation.reads.ts'
import { type Actor, describeActor, systemActor } from '../shared/actor.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import {
  deleteHandledBefore,
  getFeedback,
  insertFeedback,
  listOfOrganisations,
  updateHandled,
} from './accessibility-feedback.repository.ts'
import {
  type AccessibilityFeedback,
  committeeSlugInPage,
  deletionCutoff,
  feedbackLimits,
} from './accessibility-feedback.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    feedback_message_missing: undefined
    feedback_too_long: undefined
    feedback_note_missing: undefined
    feedback_note_too_long: undefined
    feedback_handled_already: undefined
  }
}

export {
  countUnhandled as countUnhandledAccessibilityFeedback,
  getFeedback as getAccessibilityFeedback,
} from './accessibility-feedback.repository.ts'

export interface ReceiveFeedbackInput {
  message: string
  page?: string | undefined
  senderName?: string | undefined
  replyAddress?: string | undefined
}

// The audit log is kept for good, so its rows name the feedback but never hold what the visitor
// wrote, their address or the handling note: those go when the feedback is deleted.
const auditRef = (feedback: Pick<AccessibilityFeedback, 'id' | 'organisationId'>) => ({
  type: 'accessibility_feedback',
  id: feedback.id,
  organisationId: feedback.organisationId,
})

/**
 * Stores a visitor's feedback on accessibility (lag 2018:1937, 13 §) exactly as written, for the
 * organisation that owns the page it concerns: a committee's page goes to the committee's
 * organisation, anything else to the portal's first organisation. Undefined when there is none.
 */
export async function receiveAccessibilityFeedback(
  db: Queryable,
  actor: Actor,
  input: ReceiveFeedbackInput,
  now: Date,
): Promise<AccessibilityFeedback | undefined> {
  if (!input.message.trim())
    throw new InvalidInputError('feedback_message_missing', 'the message is needed', 'message')
  for (const field of ['message', 'page', 'senderName', 'replyAddress'] as const) {
    if ((input[field]?.length ?? 0) > feedbackLimits[field])
      throw new InvalidInputError(
        'feedback_too_long',
        `${field} is longer than ${feedbackLimits[field]} characters`,
        field,
      )
  }
  const optional = (text: string | undefined) => (text?.trim() ? text : null)
  return inTransaction(db, async (trx) => {
    await deleteExpiredFeedback(trx, now)
    const organisationId = await organisationOfPage(trx, input.page)
    if (organisationId === undefined) return undefined
    const feedback = await insertFeedback(trx, {
      organisationId,
      page: optional(input.page),
      message: input.message,
      senderName: optional(input.senderName),
      replyAddress: optional(input.replyAddress),
      receivedAt: now.toISOString(),
    })
    await recordAudit(trx, actor, 'accessibility_feedback.received', auditRef(feedback), {
      after: { receivedAt: feedback.receivedAt, withReplyAddress: feedback.replyAddress !== null },
    })
    return feedback
  })
}

async function organisationOfPage(db: Queryable, page: string | undefined): Promise<number | undefined> {
  const slug = committeeSlugInPage(page ?? null)
  const committee = slug ? await findCommitteeBySlug(db, slug) : undefined
  if (committee) return committee.organisationId
  // The portal shows every organisation in the database; most hold one. Feedback on the site as a
  // whole goes to the one registered first.
  const organisations = await listOrganisations(db)
  return organisations.length === 0 ? undefined : Math.min(...organisations.map((o) => o.id))
}

/**
 * The feedback of the organisations, unhandled first, then newest first. Reading it first deletes
 * what was handled more than twelve months ago, so nobody sees an address kept longer than that.
 */
export async function listAccessibilityFeedback(
  db: Queryable,
  organisationIds: readonly number[],
  now: Date,
): Promise<AccessibilityFeedback[]> {
  await inTransaction(db, (trx) => deleteExpiredFeedback(trx, now))
  return listOfOrganisations(db, organisationIds)
}

/** Records that the feedback was handled (answered, fixed, or judged) and what was done. Once only. */
export async function markAccessibilityFeedbackHandled(
  trx: Trx,
  actor: Actor,
  input: { feedbackId: number; note: string },
  now: Date,
): Promise<AccessibilityFeedback> {
  const note = input.note.trim()
  if (!note) throw new InvalidInputError('feedback_note_missing', 'say what was done', 'note')
  if (note.length > feedbackLimits.note)
    throw new InvalidInputError(
      'feedback_note_too_long',
      `the note is longer than ${feedbackLimits.note} characters`,
      'note',
    )
  const before = await getFeedback(trx, input.feedbackId)
  if (before.handledAt !== null)
    throw new InvalidStateError('feedback_handled_already', 'the feedback is handled already')
  const after = await updateHandled(trx, before.id, {
    handledAt: now.toISOString(),
    handledBy: describeActor(actor),
    handlingNote: note,
  })
  if (!after) throw new InvalidStateError('feedback_handled_already', 'the feedback is handled already')
  await recordAudit(trx, actor, 'accessibility_feedback.handled', auditRef(after), {
    before: { handledAt: null },
    after: { handledAt: after.handledAt },
  })
  return after
}

/**
 * Deletes feedback handled more than twelve months before `now` (the retention the privacy page
 * states), each deletion in the audit log. Runs whenever feedback is stored or listed.
 */
export async function deleteExpiredFeedback(trx: Trx, now: Date): Promise<number> {
  const deleted = await deleteHandledBefore(trx, deletionCutoff(now).toISOString())
  const clock = systemActor('retention')
  for (const feedback of deleted)
    await recordAudit(trx, clock, 'accessibility_feedback.deleted', auditRef(feedback))
  return deleted.length
}
