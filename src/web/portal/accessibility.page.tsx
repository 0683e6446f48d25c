import type { ComponentChildren } from 'preact'
import { retentionMonths } from '../../domain/accessibility-feedback/accessibility-feedback.ts'
import { unconfirmedRetentionDays } from '../../domain/subscription/subscription.ts'
import { paths } from '../paths.ts'
import { Layout } from '../views/layout.tsx'

export interface FeedbackForm {
  message: string
  page: string
  name: string
  email: string
}

export type FeedbackErrors = Partial<Record<keyof FeedbackForm, string>>

const fieldIds: Record<keyof FeedbackForm, string> = {
  message: 'meddelande',
  page: 'sida',
  name: 'namn',
  email: 'epost',
}

/** The accessibility statement (lag 2018:1937, DIGG's model) with a feedback form that needs no JavaScript. */
export function AccessibilityPage({
  form = { message: '', page: '', name: '', email: '' },
  errors = {},
}: {
  form?: FeedbackForm
  errors?: FeedbackErrors
}) {
  const failed = Object.entries(errors) as Array<[keyof FeedbackForm, string]>
  return (
    <Layout
      title={
        failed.length > 0 ? 'Fel i formuläret – Tillgänglighetsredogörelse' : 'Tillgänglighetsredogörelse'
      }
      breadcrumbs={[{ href: paths.start(), label: 'Start' }, { label: 'Tillgänglighetsredogörelse' }]}
    >
      <h1>Tillgänglighetsredogörelse</h1>
      <p>
        Den här webbplatsen visar kommunens nämnder, sammanträden, dagordningar, protokoll och anslagstavla.
        Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller
        lagen (2018:1937) om tillgänglighet till digital offentlig service, kända brister och hur du kan
        rapportera problem så att vi kan åtgärda dem.
      </p>
      <section aria-labelledby="status">
        <h2 id="status">Hur tillgänglig är webbplatsen?</h2>
        <p>
          Webbplatsen är byggd för att uppfylla nivå AA i WCAG 2.1 (EN 301 549). Alla sidor fungerar utan
          JavaScript, med tangentbord och med skärmläsare, och kan förstoras till 400 procent utan att
          innehåll försvinner.
        </p>
      </section>
      <section aria-labelledby="brister">
        <h2 id="brister">Innehåll som inte är tillgängligt</h2>
        <ul>
          <li>
            Äldre handlingar som har publicerats som PDF-filer kan sakna rubriker och taggar. Kontakta oss om
            du behöver en handling i ett annat format.
          </li>
          <li>
            Protokoll som har förts in från äldre system kan ha ofullständiga rubriker för enskilda
            paragrafer.
          </li>
        </ul>
      </section>
      <section aria-labelledby="testat">
        <h2 id="testat">Hur vi testat webbplatsen</h2>
        <p>
          Varje sidtyp testas automatiskt med verktyget axe i webbläsaren Chromium mot WCAG 2.1 nivå A och AA
          vid varje ändring av programmet. Navigering med enbart tangentbord testas också.
        </p>
      </section>
      <section aria-labelledby="tillsyn">
        <h2 id="tillsyn">Tillsyn</h2>
        <p>
          Myndigheten för digital förvaltning (Digg) ansvarar för tillsynen av lagen om tillgänglighet till
          digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta
          Digg och påtala det.
        </p>
      </section>
      <section aria-labelledby="synpunkter">
        <h2 id="synpunkter">Rapportera brister</h2>
        <p>
          Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format, kan
          du skriva till oss i formuläret. Namn och e-post behövs bara om du vill ha svar. Hur vi sparar det
          du skriver står på sidan om <a href={paths.privacy()}>integritet</a>.
        </p>
        {failed.length > 0 && (
          <div class="error-summary">
            <h3 id="felrubrik">Formuläret kunde inte skickas</h3>
            <ul>
              {failed.map(([field, text]) => (
                <li key={field}>
                  <a href={`#${fieldIds[field]}`}>{text}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <form method="post" action={paths.accessibility()} novalidate>
          <Field id={fieldIds.message} label="Beskriv problemet (obligatoriskt)" error={errors.message}>
            <textarea
              id={fieldIds.message}
              name="meddelande"
              rows={6}
              required
              aria-required="true"
              aria-invalid={errors.message ? 'true' : undefined}
              aria-describedby={errors.message ? `${fieldIds.message}-fel` : undefined}
            >
              {form.message}
            </textarea>
          </Field>
          <TextInput
            field="page"
            label="Vilken sida gäller det? (frivilligt)"
            type="text"
            form={form}
            errors={errors}
          />
          <TextInput
            field="name"
            label="Namn (frivilligt)"
            type="text"
            autocomplete="name"
            form={form}
            errors={errors}
          />
          <TextInput
            field="email"
            label="E-post, om du vill ha svar (frivilligt)"
            type="email"
            autocomplete="email"
            form={form}
            errors={errors}
          />
          <button type="submit">Skicka</button>
        </form>
      </section>
      <p class="muted">Redogörelsen uppdaterades senast 2026-05-01.</p>
    </Layout>
  )
}

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string
  label: string
  error: string | undefined
  children: ComponentChildren
}) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {error && (
        <p id={`${id}-fel`} class="error-message">
          <span class="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
      {children}
    </div>
  )
}

/** A one-line field of the feedback form; its name is its id, and an error is announced with it. */
function TextInput({
  field,
  label,
  type,
  autocomplete,
  form,
  errors,
}: {
  field: Exclude<keyof FeedbackForm, 'message'>
  label: string
  type: 'text' | 'email'
  autocomplete?: string
  form: FeedbackForm
  errors: FeedbackErrors
}) {
  const id = fieldIds[field]
  return (
    <Field id={id} label={label} error={errors[field]}>
      <input
        id={id}
        name={id}
        type={type}
        autocomplete={autocomplete}
        value={form[field]}
        aria-invalid={errors[field] ? 'true' : undefined}
        aria-describedby={errors[field] ? `${id}-fel` : undefined}
      />
    </Field>
  )
}

/** After the feedback was received. */
export function FeedbackThanksPage() {
  return (
    <Layout
      title="Tack för dina synpunkter"
      breadcrumbs={[
        { href: paths.start(), label: 'Start' },
        { href: paths.accessibility(), label: 'Tillgänglighetsredogörelse' },
        { label: 'Tack' },
      ]}
    >
      <h1>Tack för dina synpunkter</h1>
      <p>Vi har tagit emot dem. Om du lämnade din e-postadress svarar vi inom två veckor.</p>
      <p>
        <a href={paths.accessibility()}>Tillbaka till tillgänglighetsredogörelsen</a>
      </p>
    </Layout>
  )
}

/** The privacy page: what the portal does (and does not do) with visitors' data. */
export function PrivacyPage() {
  return (
    <Layout
      title="Integritet och kakor"
      breadcrumbs={[{ href: paths.start(), label: 'Start' }, { label: 'Integritet' }]}
    >
      <h1>Integritet och kakor</h1>
      <section aria-labelledby="kakor">
        <h2 id="kakor">Inga kakor, ingen spårning</h2>
        <p>
          Webbplatsen sätter inga kakor (cookies) för besökare och använder ingen statistik- eller
          spårningstjänst. Allt hämtas från den här servern; inga uppgifter om ditt besök lämnas till tredje
          part. Därför finns det inte heller någon kakbanner.
        </p>
      </section>
      <section aria-labelledby="loggar">
        <h2 id="loggar">Serverloggar</h2>
        <p>
          Servern loggar tekniska uppgifter om förfrågningar (adress som efterfrågas, tidpunkt, svarskod) för
          att kunna upptäcka fel och angrepp. Loggarna används inte för att kartlägga besökare och gallras
          regelbundet.
        </p>
      </section>
      <section aria-labelledby="uppgifter">
        <h2 id="uppgifter">Personuppgifter i protokoll och handlingar</h2>
        <p>
          Protokoll och handlingar innehåller namn på förtroendevalda och tjänstepersoner, som kommunallagen
          kräver. Uppgifter som omfattas av sekretess och personnummer publiceras aldrig. Uppgifter om
          enskilda i socialtjänstens ärenden visas inte.
        </p>
      </section>
      <section aria-labelledby="synpunkter-integritet">
        <h2 id="synpunkter-integritet">Synpunkter</h2>
        {/* The retention is the one the workspace applies (accessibility-feedback.ts, retentionMonths). */}
        <p>
          Synpunkter som du lämnar i formuläret på sidan om <a href={paths.accessibility()}>tillgänglighet</a>{' '}
          sparas i systemet tillsammans med namn och e-postadress om du har angett dem. Bara kommunens
          administratörer för webbplatsen kan se dem, och de används bara för att besvara och åtgärda det du
          skriver. När synpunkten har hanterats raderas den, med namn och e-postadress, efter{' '}
          {retentionMonths} månader.
        </p>
      </section>
      <section aria-labelledby="bevakning">
        <h2 id="bevakning">Bevakning via e-post</h2>
        {/* The periods are those the code applies: subscription.ts (unconfirmedRetentionDays) and the rate limit of a day. */}
        <p>
          Om du bevakar en nämnd, ett ärende, anslagstavlan, en person eller en sökning sparar vi din
          e-postadress och vad du bevakar (för en sökning orden och avgränsningarna), när du bad om
          bevakningen och när du bekräftade den, och vilka nyheter du redan har fått besked om. Vi sparar det
          för att du har samtyckt till det (dataskyddsförordningen artikel 6.1 a): bevakningen börjar först
          när du har öppnat länken i bekräftelsemeddelandet. Adressen används bara för att skicka meddelanden
          om det du bevakar och lämnas inte ut till någon annan.
        </p>
        <p>
          En bevakning som inte bekräftas raderas efter {unconfirmedRetentionDays} dagar. En bekräftad
          bevakning sparas tills du avslutar den. För att hindra att formuläret används för att skicka e-post
          till andra sparar vi under ett dygn en kontrollsumma av adressen och av din IP-adress, inte
          adresserna själva.
        </p>
        <p>
          Du avslutar när du vill med länken i varje meddelande; då raderas adressen direkt. Du kan också ta
          tillbaka ditt samtycke genom att kontakta kommunen.
        </p>
        <p>Har du frågor om hur personuppgifter hanteras kan du kontakta kommunens dataskyddsombud.</p>
      </section>
    </Layout>
  )
}
