import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../../db/database.ts'
import {
  getAccessibilityFeedback,
  listAccessibilityFeedback,
  markAccessibilityFeedbackHandled,
} from '../../../domain/accessibility-feedback/accessibility-feedback.service.ts'
import { feedbackLimits } from '../../../domain/accessibility-feedback/accessibility-feedback.ts'
import { assertAllowed, mayHandleAccessibilityFeedback } from '../../../domain/account/access.policy.ts'
import { findUserNames } from '../../../domain/account/account.service.ts'
import { listOrganisations } from '../../../domain/organisation/organisation.reads.ts'
import { DomainError, NotFoundError } from '../../../domain/shared/errors.ts'
import { sendPage } from '../../views/render.tsx'
import { actorOf, adminView, currentUser, readForm, savedAt, wasSaved } from '../shared/admin-request.ts'
import {
  AccessibilityFeedbackPage,
  feedbackPaths,
  type HandlingRefusal,
} from './accessibility-feedback.page.tsx'
import { feedbackParams, feedbackQuery, handledForm } from './accessibility-feedback.schema.ts'

type FeedbackParams = { Params: { id: string } }

/** The organisations whose feedback the user handles; refused unless there is one. */
async function organisationsToHandle(request: FastifyRequest) {
  const user = currentUser(request)
  const organisations = (await listOrganisations(request.db)).filter((o) =>
    mayHandleAccessibilityFeedback(user, o.id),
  )
  assertAllowed(organisations.length > 0, 'handle accessibility feedback')
  return organisations
}

async function show(request: FastifyRequest, reply: FastifyReply, refusal?: HandlingRefusal, status = 200) {
  const organisations = await organisationsToHandle(request)
  const feedback = await listAccessibilityFeedback(
    request.db,
    organisations.map((o) => o.id),
    request.now,
  )
  const handlers = feedback.flatMap((f) =>
    f.handledBy && /^user:\d+$/.test(f.handledBy) ? [Number(f.handledBy.slice(5))] : [],
  )
  const names = await findUserNames(request.db, handlers)
  const entries = feedback.map((f) => ({
    feedback: f,
    organisationName: organisations.find((o) => o.id === f.organisationId)?.name ?? '',
    handledByName: f.handledBy ? (names.get(f.handledBy) ?? null) : null,
  }))
  return sendPage(
    reply,
    <AccessibilityFeedbackPage
      view={adminView(request, reply)}
      entries={entries}
      showOrganisation={organisations.length > 1}
      saved={wasSaved(request)}
      refusal={refusal}
    />,
    status,
  )
}

/** Why marking it handled was refused, in Swedish; other errors get their error page. */
function refusalOf(error: unknown, feedbackId: number, note: string): HandlingRefusal {
  if (error instanceof DomainError && error.code === 'invalid_input' && error.field === 'note') {
    const message =
      note.length > feedbackLimits.note
        ? 'Anteckningen får vara högst 2 000 tecken.'
        : 'Skriv vad som har gjorts, till exempel att du har svarat besökaren.'
    return { feedbackId, note, message }
  }
  if (error instanceof DomainError && error.code === 'invalid_state')
    return { feedbackId, note, message: 'Synpunkten är redan markerad som hanterad.' }
  throw error
}

export async function accessibilityFeedbackRoutes(app: FastifyInstance) {
  app.get(feedbackPaths.list(), { schema: { querystring: feedbackQuery } }, (request, reply) =>
    show(request, reply),
  )

  // Post/redirect/get: marking one message handled, with what was done.
  app.post<FeedbackParams>(
    '/admin/tillganglighet/:id/hanterad',
    { schema: { params: feedbackParams, body: handledForm } },
    async (request, reply) => {
      if (!/^\d{1,9}$/.test(request.params.id))
        throw new NotFoundError('accessibility feedback', request.params.id)
      const feedback = await getAccessibilityFeedback(request.db, Number(request.params.id))
      assertAllowed(
        mayHandleAccessibilityFeedback(currentUser(request), feedback.organisationId),
        'handle accessibility feedback',
      )
      const { note = '' } = readForm(request.body, ['note'])
      try {
        await inTransaction(request.db, (trx) =>
          markAccessibilityFeedbackHandled(
            trx,
            actorOf(request),
            { feedbackId: feedback.id, note },
            request.now,
          ),
        )
      } catch (error) {
        const refusal = refusalOf(error, feedback.id, note)
        return show(
          request,
          reply,
          refusal,
          error instanceof DomainError && error.code === 'invalid_state' ? 409 : 400,
        )
      }
      return reply.redirect(savedAt(feedbackPaths.list()), 303)
    },
  )
}
