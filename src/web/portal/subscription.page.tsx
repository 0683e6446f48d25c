import { unconfirmedRetentionDays } from '../../domain/subscription/subscription.ts'
import { paths } from '../paths.ts'
import { Layout } from '../views/layout.tsx'

// The pages of e-mail subscriptions (bevakning): a form with one field, and the pages the links in
// the mails open. Each link only shows a button; the change is made by the POST, so a mail
// scanner that opens links neither confirms nor ends a subscription.

/** The fields that name what is followed, as the form and the /bevaka?… address carry them. */
export type TargetFields =
  | { namnd: string }
  | { arende: string }
  | { anslagstavla: '1' }
  | { person: string }
  /** A saved search: the search page's query string (q=…&namnd=…), without the page. */
  | { sokning: string }

/** The subscribe page of a committee, a matter or the notice board (paths.ts is not this module's). */
export const subscribePaths = {
  committee: (committeeSlug: string) => `/bevaka?namnd=${encodeURIComponent(committeeSlug)}`,
  matter: (registryNumber: string) => `/bevaka?arende=${encodeURIComponent(registryNumber)}`,
  noticeBoard: () => '/bevaka?anslagstavla=1',
  person: (personSlug: string) => `/bevaka?person=${encodeURIComponent(personSlug)}`,
  search: (searchQuery: string) => `/bevaka?sokning=${encodeURIComponent(searchQuery)}`,
}

const crumbs = (label: string) => [{ href: paths.start(), label: 'Start' }, { label }]

export function SubscribePage({
  what,
  fields,
  email = '',
  error,
}: {
  what: string
  fields: TargetFields
  email?: string
  error?: string
}) {
  return (
    <Layout title={`${error ? 'Fel i formuläret – ' : ''}Bevaka ${what}`} breadcrumbs={crumbs('Bevaka')}>
      <h1>Bevaka {what}</h1>
      <p>
        Få e-post när det publiceras något nytt om {what}. Du behöver inget konto; vi frågar bara efter din
        e-postadress. Du får först ett meddelande med en länk som du öppnar för att bekräfta. Varje meddelande
        har en länk för att avsluta. Läs mer om hur adressen sparas på sidan om{' '}
        <a href={paths.privacy()}>integritet</a>.
      </p>
      <form method="post" action="/bevaka" novalidate>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div class={error ? 'field field-error' : 'field'}>
          <label for="epost">E-postadress</label>
          {error && (
            <p id="epost-fel" class="error-message">
              <span class="visually-hidden">Fel: </span>
              {error}
            </p>
          )}
          <input
            id="epost"
            name="epost"
            type="email"
            autocomplete="email"
            required
            aria-required="true"
            value={email}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'epost-fel' : undefined}
          />
        </div>
        <button type="submit">Bevaka</button>
      </form>
    </Layout>
  )
}

/** The same answer whether the address is new, known or over its limit: nothing to enumerate. */
export function SubscribeSentPage() {
  return (
    <Layout title="Kontrollera din e-post" breadcrumbs={crumbs('Bevaka')}>
      <h1>Kontrollera din e-post</h1>
      <p>
        Om adressen kan ta emot e-post kommer det snart ett meddelande med en länk. Öppna länken och bekräfta
        för att börja bevaka. Utan bekräftelse raderas adressen efter {unconfirmedRetentionDays} dagar.
      </p>
      <p>
        Kommer inget meddelande? Titta i skräpposten. Högst tre bekräftelser skickas till en adress per dygn.
      </p>
    </Layout>
  )
}

export function ConfirmPage({ what, token }: { what: string; token: string }) {
  return (
    <Layout title="Bekräfta bevakning" breadcrumbs={crumbs('Bekräfta bevakning')}>
      <h1>Bekräfta bevakning</h1>
      <p>Du får e-post när det publiceras något nytt om {what}.</p>
      <form method="post" action="/bevaka/bekrafta">
        <input type="hidden" name="token" value={token} />
        <button type="submit">Bekräfta bevakningen</button>
      </form>
    </Layout>
  )
}

export function ConfirmedPage({ what, unsubscribeHref }: { what: string; unsubscribeHref: string }) {
  return (
    <Layout title="Bevakningen är bekräftad" breadcrumbs={crumbs('Bevakning')}>
      <h1>Bevakningen är bekräftad</h1>
      <p>Du får e-post när det publiceras något nytt om {what}.</p>
      <p>
        Varje meddelande har en länk för att avsluta. Du kan också <a href={unsubscribeHref}>avsluta nu</a>.
      </p>
    </Layout>
  )
}

export function UnsubscribePage({ what, token }: { what: string; token: string }) {
  return (
    <Layout title="Avsluta bevakning" breadcrumbs={crumbs('Avsluta bevakning')}>
      <h1>Avsluta bevakning</h1>
      <p>Du bevakar {what}. När du avslutar raderas din e-postadress för den här bevakningen.</p>
      <form method="post" action={`/bevaka/avsluta?token=${encodeURIComponent(token)}`}>
        <button type="submit">Avsluta bevakningen</button>
      </form>
    </Layout>
  )
}

export function UnsubscribedPage() {
  return (
    <Layout title="Bevakningen är avslutad" breadcrumbs={crumbs('Bevakning')}>
      <h1>Bevakningen är avslutad</h1>
      <p>Du får inga fler meddelanden om den, och din e-postadress för bevakningen är raderad.</p>
    </Layout>
  )
}

/** A link that is unknown, used or too old (an unconfirmed subscription goes after seven days). */
export function InvalidLinkPage() {
  return (
    <Layout title="Länken gäller inte" breadcrumbs={crumbs('Bevakning')}>
      <h1>Länken gäller inte</h1>
      <p>
        Länken är redan använd eller för gammal, eller så är bevakningen redan avslutad. Du kan anmäla en ny
        bevakning från sidan för en nämnd, ett ärende, en person, en sökning eller{' '}
        <a href={paths.noticeBoard()}>anslagstavlan</a>.
      </p>
    </Layout>
  )
}
