import type { FastifyInstance } from 'fastify'
import { receiveAccessibilityFeedback } from '../../domain/accessibility-feedback/accessibility-feedback.service.ts'
import { systemActor } from '../../domain/shared/actor.ts'
import { paths } from '../paths.ts'
import { sendPage } from '../views/render.tsx'
import {
  AccessibilityPage,
  type FeedbackErrors,
  type FeedbackForm,
  FeedbackThanksPage,
  PrivacyPage,
} from './accessibility.page.tsx'

const text = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '')

/** Checks the feedback form; each message names the field and what is expected, in Swedish. */
export function checkFeedback(body: unknown): { form: FeedbackForm; errors: FeedbackErrors } {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const form: FeedbackForm = {
    message: text(fields.meddelande),
    page: text(fields.sida),
    name: text(fields.namn),
    email: text(fields.epost),
  }
  const errors: FeedbackErrors = {}
  if (!form.message) errors.message = 'Skriv vad problemet gäller.'
  else if (form.message.length > 5000) errors.message = 'Beskrivningen får vara högst 5 000 tecken.'
  if (form.page.length > 500) errors.page = 'Sidans adress eller namn får vara högst 500 tecken.'
  if (form.name.length > 200) errors.name = 'Namnet får vara högst 200 tecken.'
  if (form.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email))
    errors.email = 'Skriv e-postadressen som namn@exempel.se, eller lämna fältet tomt.'
  else if (form.email.length > 254) errors.email = 'E-postadressen får vara högst 254 tecken.'
  return { form, errors }
}

/** The anonymous visitor, as the audit log names the sender of feedback. */
const visitor = systemActor('portal')

export async function accessibilityRoutes(app: FastifyInstance) {
  app.get('/tillganglighet', async (_request, reply) => sendPage(reply, <AccessibilityPage />))

  // The feedback function of the accessibility statement (lag 2018:1937, 13 § second paragraph):
  // stored for the organisation's administrators, who answer it in the workspace.
  app.post('/tillganglighet', async (request, reply) => {
    const { form, errors } = checkFeedback(request.body)
    if (Object.keys(errors).length > 0) {
      return sendPage(reply, <AccessibilityPage form={form} errors={errors} />, 400)
    }
    const stored = await receiveAccessibilityFeedback(
      request.db,
      visitor,
      { message: form.message, page: form.page, senderName: form.name, replyAddress: form.email },
      request.now,
    )
    // Only a portal with no organisation at all has nobody to give it to: keep it in the log then.
    if (stored) request.log.info({ feedbackId: stored.id }, 'accessibility feedback stored')
    else request.log.warn({ feedback: form }, 'accessibility feedback received, but there is no organisation')
    return reply.redirect(`${paths.accessibility()}/tack`, 303)
  })

  app.get('/tillganglighet/tack', async (_request, reply) => sendPage(reply, <FeedbackThanksPage />))

  app.get('/integritet', async (_request, reply) => sendPage(reply, <PrivacyPage />))
}
