import type { Organisation } from '../../../domain/organisation/organisation.ts'
import type { DeliveryState, Webhook, WebhookDelivery } from '../../../domain/webhook/webhook.ts'
import { deliveredRetentionDays, maxWebhookAttempts } from '../../../domain/webhook/webhook.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatDateTime } from '../../views/format.ts'
import { CsrfField, ErrorSummary, type FormState, SavedNotice, TextField } from '../shared/form.view.tsx'
import { webhooksPaths } from './webhooks.paths.ts'

export type ListedWebhook = Webhook & {
  counts: Record<DeliveryState, number>
  lastDeliveredAt: string | null
}
export type DeadDelivery = WebhookDelivery & { url: string }

const title = 'Webhooks'
const fieldLabels = { url: 'Adress (URL)' }

const actionLabels: Record<string, string> = {
  appeared: 'publicerad',
  changed: 'ändrad',
  vanished: 'borttagen eller inte längre offentlig',
}

/** What the body of a delivery says, read back for the dead-letter list (kind, id, action). */
function describeBody(body: string): string {
  try {
    const change = JSON.parse(body) as { kind?: string; id?: number; action?: string }
    return `${change.kind ?? '?'} ${change.id ?? '?'}, ${actionLabels[change.action ?? ''] ?? change.action}`
  } catch {
    return ''
  }
}

function breadcrumbs(organisation: Organisation, current?: string) {
  return [
    { href: paths.admin.start(), label: 'Arbetsrum' },
    current
      ? { href: webhooksPaths.list(organisation.slug), label: `${title} – ${organisation.name}` }
      : { label: `${title} – ${organisation.name}` },
    ...(current ? [{ label: current }] : []),
  ]
}

/**
 * The organisation's webhooks: the URLs its public change log is POSTed to, how their deliveries
 * went, the dead-letter list with "Skicka igen", and the form to register another.
 */
export function WebhooksPage({
  view,
  organisation,
  webhooks,
  dead,
  form,
  saved,
}: {
  view: AdminView
  organisation: Organisation
  webhooks: ListedWebhook[]
  dead: DeadDelivery[]
  form: FormState
  saved: string | undefined
}) {
  const invalid = Object.keys(form.errors).length > 0
  const deadTotal = webhooks.reduce((sum, w) => sum + w.counts.dead, 0)
  return (
    <AdminLayout
      title={invalid ? `Fel i formuläret – ${title}` : title}
      view={view}
      breadcrumbs={breadcrumbs(organisation)}
    >
      <h1>{title}</h1>
      <p>
        Paragraf skickar varje ändring i det som {organisation.name} publicerar till adresserna nedan: när
        något blir offentligt, ändras eller tas bort från portalen. Varje leverans är ett signerat HTTP
        POST-anrop som bara säger vilket objekt det gäller, vad som hände och var objektet finns i det öppna
        API:et (OParl) – aldrig innehållet. En leverans som misslyckas försöks igen, med allt längre väntan,
        högst {maxWebhookAttempts} gånger.
      </p>
      <SavedNotice text={saved} />
      <section aria-labelledby="adresser">
        <h2 id="adresser">Registrerade adresser ({webhooks.length})</h2>
        {webhooks.length === 0 ? (
          <p>Inga adresser är registrerade.</p>
        ) : (
          <ul class="card-list">
            {webhooks.map((webhook) => (
              <li key={webhook.id}>
                <h3>
                  <code>{webhook.url}</code>
                </h3>
                <dl class="facts">
                  <dt>Registrerad</dt>
                  <dd>{formatDateTime(webhook.createdAt)}</dd>
                  <dt>Levererade senaste {deliveredRetentionDays} dagarna</dt>
                  <dd>{webhook.counts.delivered}</dd>
                  <dt>Väntar</dt>
                  <dd>{webhook.counts.pending}</dd>
                  <dt>Misslyckade</dt>
                  <dd>{webhook.counts.dead}</dd>
                  <dt>Senast levererad</dt>
                  <dd>
                    {webhook.lastDeliveredAt ? (
                      formatDateTime(webhook.lastDeliveredAt)
                    ) : (
                      <span class="muted">Ingen leverans än</span>
                    )}
                  </dd>
                </dl>
                <p>
                  <a href={paths.admin.auditLog('webhook', webhook.id)}>
                    Ändringslogg<span class="visually-hidden"> för {webhook.url}</span>
                  </a>
                </p>
                <form method="post" action={webhooksPaths.remove(organisation.slug, webhook.id)}>
                  <CsrfField token={view.csrfToken} />
                  <button type="submit" class="secondary">
                    Ta bort<span class="visually-hidden"> {webhook.url}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="misslyckade">
        <h2 id="misslyckade">Misslyckade leveranser ({deadTotal})</h2>
        {dead.length === 0 ? (
          <p>Inga leveranser har misslyckats.</p>
        ) : (
          <>
            <p>
              De här ändringarna kom inte fram efter {maxWebhookAttempts} försök och skickas inte längre av
              sig själva. Kontrollera mottagaren och skicka dem igen.
              {deadTotal > dead.length && ` De ${dead.length} senaste visas.`}
            </p>
            <ul class="card-list">
              {dead.map((delivery) => (
                <li key={delivery.id}>
                  <h3>Ändring {delivery.seq}</h3>
                  <dl class="facts">
                    <dt>Gäller</dt>
                    <dd>{describeBody(delivery.body)}</dd>
                    <dt>Adress</dt>
                    <dd>
                      <code>{delivery.url}</code>
                    </dd>
                    <dt>Försök</dt>
                    <dd>{delivery.attempts}</dd>
                    <dt>Senaste försök</dt>
                    <dd>{delivery.lastAttemptAt ? formatDateTime(delivery.lastAttemptAt) : ''}</dd>
                    <dt>Svar</dt>
                    <dd>{delivery.lastError ?? ''}</dd>
                  </dl>
                  <form method="post" action={webhooksPaths.resend(organisation.slug, delivery.id)}>
                    <CsrfField token={view.csrfToken} />
                    <button type="submit">
                      Skicka igen<span class="visually-hidden"> ändring {delivery.seq}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="ny-adress">
        <h2 id="ny-adress">Registrera en ny adress</h2>
        <p>
          Ändringar skickas från och med nu; det som redan har publicerats finns i det öppna API:et. Efter
          registreringen visas en delad hemlighet en gång, som mottagaren använder för att kontrollera
          signaturen.
        </p>
        <form method="post" action={webhooksPaths.register(organisation.slug)} novalidate>
          <CsrfField token={view.csrfToken} />
          <ErrorSummary errors={form.errors} labels={fieldLabels} />
          <TextField
            name="url"
            label={fieldLabels.url}
            hint="Börjar med https://. Vanlig http går bara till den här datorn (localhost)."
            form={form}
            autocomplete="off"
            required
          />
          <button type="submit">Registrera</button>
        </form>
      </section>
    </AdminLayout>
  )
}

/** Shown once, in answer to the registration: the shared secret is never shown again. */
export function WebhookSecretPage({
  view,
  organisation,
  url,
  secret,
}: {
  view: AdminView
  organisation: Organisation
  url: string
  secret: string
}) {
  const heading = 'Adressen är registrerad'
  return (
    <AdminLayout title={heading} view={view} breadcrumbs={breadcrumbs(organisation, 'Ny adress')}>
      <h1>{heading}</h1>
      <p class="notice-saved" role="status">
        Ändringar i det som publiceras skickas nu till <code>{url}</code>.
      </p>
      <p>
        Delad hemlighet: <code>{secret}</code>
      </p>
      <p>
        Hemligheten visas bara nu. Ge den till mottagaren på ett säkert sätt: med den kontrollerar mottagaren
        signaturen i rubriken Paragraf-Signature på varje leverans. Har den kommit bort, ta bort adressen och
        registrera den igen.
      </p>
      <p>
        <a href={webhooksPaths.list(organisation.slug)}>Tillbaka till webhooks</a>
      </p>
    </AdminLayout>
  )
}
