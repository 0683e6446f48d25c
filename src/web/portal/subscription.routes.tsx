import type { FastifyInstance, FastifyReply } from 'fastify'
import { isEmailAddress } from '../../domain/mail/outgoing-mail.ts'
import {
  cancelSubscription,
  confirmSubscription,
  findSubscriptionToCancel,
  findSubscriptionToConfirm,
  requestSubscription,
  resolveSubscriptionTarget,
  type SubscriptionRequestTarget,
} from '../../domain/subscription/subscription.service.ts'
import { describeTarget } from '../../domain/subscription/subscription.ts'
import { sendErrorPage } from '../error-pages.tsx'
import { sendPage } from '../views/render.tsx'
import { readSavedSearch } from './search.routes.tsx'
import {
  ConfirmedPage,
  ConfirmPage,
  InvalidLinkPage,
  SubscribePage,
  SubscribeSentPage,
  type TargetFields,
  UnsubscribedPage,
  UnsubscribePage,
} from './subscription.page.tsx'

type Fields = Record<string, unknown>

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/**
 * What the query string or form names: a committee, a matter, the notice board, a person or a saved
 * search (else nothing).
 */
function requestedTarget(
  fields: Fields,
): { target: SubscriptionRequestTarget; fields: TargetFields } | undefined {
  const committeeSlug = text(fields.namnd)
  if (committeeSlug) return { target: { committeeSlug }, fields: { namnd: committeeSlug } }
  const registryNumber = text(fields.arende)
  if (registryNumber) return { target: { registryNumber }, fields: { arende: registryNumber } }
  if (text(fields.anslagstavla)) return { target: { noticeBoard: true }, fields: { anslagstavla: '1' } }
  const personSlug = text(fields.person)
  if (personSlug) return { target: { personSlug }, fields: { person: personSlug } }
  const searchQuery = text(fields.sokning)
  if (searchQuery) {
    const saved = readSavedSearch(searchQuery)
    return { target: { search: saved.search }, fields: { sokning: saved.queryString } }
  }
  return undefined
}

/** A token from the query string or the form; the RFC 8058 one-click POST has it in the address. */
const tokenOf = (query: Fields, body: unknown) =>
  text(query.token) || text(body && typeof body === 'object' ? (body as Fields).token : undefined)

// Pages reached by a token are personal: never stored by a browser or proxy.
const privatePage = (reply: FastifyReply) => reply.header('cache-control', 'no-store')

export async function subscriptionRoutes(app: FastifyInstance) {
  // RFC 8058 allows the one-click POST as multipart/form-data; its body is not needed (the token is in
  // the address), so it is read and dropped. Only this plugin's routes take it.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_r, _b, done) =>
    done(null, {}),
  )
  app.get<{ Querystring: Fields }>('/bevaka', async (request, reply) => {
    const requested = requestedTarget(request.query)
    const target = requested && (await resolveSubscriptionTarget(request.db, requested.target))
    if (!requested || !target) return sendErrorPage(reply, 'not_found')
    return sendPage(reply, <SubscribePage what={describeTarget(target)} fields={requested.fields} />)
  })

  app.post<{ Body: Fields | undefined }>('/bevaka', async (request, reply) => {
    const body = request.body ?? {}
    const requested = requestedTarget(body)
    const target = requested && (await resolveSubscriptionTarget(request.db, requested.target))
    if (!requested || !target) return sendErrorPage(reply, 'not_found')
    const email = text(body.epost)
    if (!isEmailAddress(email)) {
      const page = (
        <SubscribePage
          what={describeTarget(target)}
          fields={requested.fields}
          email={email}
          error="Skriv e-postadressen som namn@exempel.se."
        />
      )
      return sendPage(reply, page, 400)
    }
    await requestSubscription(request.db, {
      email,
      target,
      ip: request.ip,
      publicUrl: request.publicUrl,
      now: request.now,
    })
    return reply.redirect('/bevaka/skickat', 303)
  })

  app.get('/bevaka/skickat', async (_request, reply) => sendPage(reply, <SubscribeSentPage />))

  app.get<{ Querystring: Fields }>('/bevaka/bekrafta', async (request, reply) => {
    privatePage(reply)
    const token = tokenOf(request.query, undefined)
    const subscription = token ? await findSubscriptionToConfirm(request.db, token) : undefined
    if (!subscription) return sendPage(reply, <InvalidLinkPage />, 404)
    return sendPage(reply, <ConfirmPage what={describeTarget(subscription.target)} token={token} />)
  })

  app.post<{ Querystring: Fields; Body: unknown }>('/bevaka/bekrafta', async (request, reply) => {
    privatePage(reply)
    const token = tokenOf(request.query, request.body)
    const subscription = token ? await confirmSubscription(request.db, token, request.now) : undefined
    if (!subscription) return sendPage(reply, <InvalidLinkPage />, 404)
    const unsubscribeHref = `/bevaka/avsluta?token=${encodeURIComponent(subscription.unsubscribeToken)}`
    return sendPage(
      reply,
      <ConfirmedPage what={describeTarget(subscription.target)} unsubscribeHref={unsubscribeHref} />,
    )
  })

  app.get<{ Querystring: Fields }>('/bevaka/avsluta', async (request, reply) => {
    privatePage(reply)
    const token = tokenOf(request.query, undefined)
    const subscription = token ? await findSubscriptionToCancel(request.db, token) : undefined
    if (!subscription) return sendPage(reply, <InvalidLinkPage />, 404)
    return sendPage(reply, <UnsubscribePage what={describeTarget(subscription.target)} token={token} />)
  })

  // Both the button on the page and the one-click POST of RFC 8058 (body "List-Unsubscribe=One-Click",
  // token in the address) end up here. No CSRF token: the portal has no session, and the
  // unsubscribe token is itself the proof. Already gone is answered as done.
  app.post<{ Querystring: Fields; Body: unknown }>('/bevaka/avsluta', async (request, reply) => {
    privatePage(reply)
    const token = tokenOf(request.query, request.body)
    if (token) await cancelSubscription(request.db, token)
    return sendPage(reply, <UnsubscribedPage />)
  })
}
