import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../../db/database.ts'
import { assertAllowed, mayManageOrganisation } from '../../../domain/account/access.policy.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import { DomainError, NotFoundError } from '../../../domain/shared/errors.ts'
import { refusalSentence } from '../../../domain/shared/refusal-sentences.ts'
import {
  findDelivery,
  findWebhook,
  listDeadDeliveries,
  listWebhooksWithCounts,
  registerWebhook,
  removeWebhook,
  resendDeadDelivery,
} from '../../../domain/webhook/webhook.service.ts'
import { sendPage } from '../../views/render.tsx'
import { organisationFrom } from '../organisation/organisation.routes.tsx'
import { actorOf, adminView, currentUser, fieldErrorOf, readForm } from '../shared/admin-request.ts'
import { emptyForm, type FormState } from '../shared/form.view.tsx'
import { noFields } from '../shared/request.schema.ts'
import { WebhookSecretPage, WebhooksPage } from './webhooks.page.tsx'
import { webhooksPaths } from './webhooks.paths.ts'
import { webhookForm, webhookParams, webhooksParams, webhooksQuery } from './webhooks.schema.ts'

type OrgParams = { Params: { organisation: string } }
type ItemParams = { Params: { organisation: string; id: string } }

/** What the page says after a post/redirect/get. */
const notices: Record<string, string> = {
  borttagen: 'Adressen är borttagen. Inget mer skickas dit.',
  skickas: 'Leveransen skickas igen inom några sekunder.',
}

/** The organisation of the address, for its administrators only (403 for everyone else). */
async function organisationToManage(request: FastifyRequest<OrgParams>): Promise<Organisation> {
  const organisation = await organisationFrom(request)
  assertAllowed(mayManageOrganisation(currentUser(request), organisation.id), 'manage webhooks')
  return organisation
}

const idOf = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : undefined)

async function render(
  request: FastifyRequest,
  reply: FastifyReply,
  organisation: Organisation,
  form: FormState,
  status = 200,
) {
  const [webhooks, dead] = await Promise.all([
    listWebhooksWithCounts(request.db, organisation.id),
    listDeadDeliveries(request.db, organisation.id, 100),
  ])
  const notice = (request.query as Record<string, unknown> | undefined)?.klart
  return sendPage(
    reply,
    <WebhooksPage
      view={adminView(request, reply)}
      organisation={organisation}
      webhooks={webhooks}
      dead={dead}
      form={form}
      saved={typeof notice === 'string' ? notices[notice] : undefined}
    />,
    status,
  )
}

export async function webhooksRoutes(app: FastifyInstance) {
  app.get<OrgParams>(
    '/admin/organisationer/:organisation/webhooks',
    { schema: { params: webhooksParams, querystring: webhooksQuery } },
    async (request, reply) => render(request, reply, await organisationToManage(request), emptyForm()),
  )

  // Not post/redirect/get: the answer shows the secret, once, and is never cached (no-store).
  app.post<OrgParams>(
    '/admin/organisationer/:organisation/webhooks',
    { schema: { params: webhooksParams, body: webhookForm } },
    async (request, reply) => {
      const organisation = await organisationToManage(request)
      const values = readForm(request.body, ['url'])
      try {
        const { webhook, secret } = await inTransaction(request.db, (trx) =>
          registerWebhook(trx, actorOf(request), { organisationId: organisation.id, url: values.url ?? '' }),
        )
        return sendPage(
          reply,
          <WebhookSecretPage
            view={adminView(request, reply)}
            organisation={organisation}
            url={webhook.url}
            secret={secret}
          />,
        )
      } catch (error) {
        const errors = fieldErrorOf(error, {
          url: error instanceof DomainError ? refusalSentence(error) : '',
        })
        return render(request, reply, organisation, { values, errors }, 400)
      }
    },
  )

  app.post<ItemParams>(
    '/admin/organisationer/:organisation/webhooks/:id/ta-bort',
    { schema: { params: webhookParams, body: noFields } },
    async (request, reply) => {
      const organisation = await organisationToManage(request)
      const webhook = await findWebhook(request.db, idOf(request.params.id) ?? 0)
      if (!webhook || webhook.organisationId !== organisation.id)
        throw new NotFoundError('webhook', request.params.id)
      await inTransaction(request.db, (trx) => removeWebhook(trx, actorOf(request), webhook.id))
      return reply.redirect(`${webhooksPaths.list(organisation.slug)}?klart=borttagen`, 303)
    },
  )

  app.post<ItemParams>(
    '/admin/organisationer/:organisation/webhooks/leveranser/:id/skicka-igen',
    { schema: { params: webhookParams, body: noFields } },
    async (request, reply) => {
      const organisation = await organisationToManage(request)
      const delivery = await findDelivery(request.db, idOf(request.params.id) ?? 0)
      if (!delivery || delivery.organisationId !== organisation.id)
        throw new NotFoundError('webhook delivery', request.params.id)
      await inTransaction(request.db, (trx) => resendDeadDelivery(trx, actorOf(request), delivery.id))
      return reply.redirect(`${webhooksPaths.list(organisation.slug)}?klart=skickas`, 303)
    },
  )
}
