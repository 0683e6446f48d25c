import { groupedSecret } from '../../../domain/account/totp.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { CheckboxField } from '../shared/checkbox-field.view.tsx'
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  PostButton,
  SavedNotice,
  TextField,
} from '../shared/form.view.tsx'
import { PasswordChangeFields } from './auth.page.tsx'
import { signInPaths } from './sign-in.paths.ts'

// The pages of signing in beyond the password: the authenticator's code, the page of an account
// that waits for a role, choosing one's own password, turning TOTP on and off, and the
// organisation's requirement. No JavaScript: each is a plain form.

const codeLabels = { code: 'Kod från appen' }

/** A form asking for the authenticator's current code, with its errors above it. */
function CodeForm(props: {
  action: string
  csrfToken: string
  hint: string
  button: string
  form: FormState
}) {
  return (
    <>
      <ErrorSummary errors={props.form.errors} labels={codeLabels} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField
          name="code"
          label={codeLabels.code}
          autocomplete="one-time-code"
          hint={props.hint}
          short
          required
          form={props.form}
        />
        <button type="submit">{props.button}</button>
      </form>
    </>
  )
}

/** After a right password: the six-digit code of the authenticator app. */
export function CodePage({ csrfToken, form }: { csrfToken: string; form: FormState }) {
  const failed = Object.keys(form.errors).length > 0
  return (
    <AdminLayout title={failed ? 'Fel kod – Logga in' : 'Kod för inloggning – Logga in'}>
      <h1>Skriv koden från din app</h1>
      <p>
        Ditt konto har tvåstegsverifiering. Öppna autentiseringsappen i telefonen och skriv den sexsiffriga
        kod som visas för Paragraf.
      </p>
      <CodeForm
        action={signInPaths.code()}
        csrfToken={csrfToken}
        hint="Sex siffror. En kod kan bara användas en gång."
        button="Logga in"
        form={form}
      />
      <p>
        Har du tappat bort telefonen? Be en administratör att återställa din tvåstegsverifiering.{' '}
        <a href={paths.admin.login()}>Börja om inloggningen</a>
      </p>
    </AdminLayout>
  )
}

/** The sign-in waiting for its code took too long, or was not started in this browser. */
export function SignInExpiredPage() {
  return (
    <AdminLayout title="Inloggningen tog för lång tid">
      <h1>Inloggningen tog för lång tid</h1>
      <p>Av säkerhetsskäl måste koden skrivas inom fem minuter efter lösenordet.</p>
      <p>
        <a href={paths.admin.login()}>Logga in igen</a>
      </p>
    </AdminLayout>
  )
}

/** Signed in through the identity provider, but the account has no role yet. */
export function WaitingForRolePage({ name, created }: { name: string; created: boolean }) {
  return (
    <AdminLayout title="Ditt konto väntar på en roll">
      <h1>Ditt konto väntar på en roll</h1>
      <p>
        {created ? `Välkommen, ${name}. Ett konto har skapats åt dig` : `Du är identifierad som ${name}`}, men
        det har ännu ingen roll i arbetsrummet.
      </p>
      <p>
        Du måste vänta tills en administratör har gett dig en roll, till exempel nämndsekreterare, innan du
        kan arbeta här. Kontakta din administratör och logga in igen när du har fått besked.
      </p>
      <p>
        <a href={paths.start()}>Till den publika portalen</a>
      </p>
    </AdminLayout>
  )
}

/** The identity provider's answer was refused. */
export function IdentityProviderRefusedPage({
  message,
  providerName,
}: {
  message: string
  providerName: string
}) {
  return (
    <AdminLayout title="Inloggningen nekades">
      <h1>Inloggningen nekades</h1>
      <p class="error">{message}</p>
      <p>
        <a href={paths.admin.login()}>Tillbaka till inloggningen</a> (med {providerName} eller med lösenord)
      </p>
    </AdminLayout>
  )
}

const changeLabels = {
  currentPassword: 'Engångslösenordet du fick',
  newPassword: 'Nytt lösenord',
  repeatPassword: 'Nytt lösenord igen',
}

/** A handed-out password: the user chooses their own before any other page. */
export function ChangePasswordPage({ view, form }: { view: AdminView; form: FormState }) {
  const failed = Object.keys(form.errors).length > 0
  return (
    <AdminLayout
      title={failed ? 'Fel i formuläret – Välj ett eget lösenord' : 'Välj ett eget lösenord'}
      view={view}
    >
      <h1>Välj ett eget lösenord</h1>
      <p>
        Du loggade in med ett engångslösenord som någon annan har gett dig. Välj ett eget lösenord innan du
        fortsätter: engångslösenordet slutar då att gälla.
      </p>
      <ErrorSummary errors={form.errors} labels={changeLabels} />
      <form method="post" action={signInPaths.changePassword()} novalidate>
        <CsrfField token={view.csrfToken} />
        <PasswordChangeFields labels={changeLabels} form={form} />
        <button type="submit">Spara lösenordet</button>
      </form>
      <PostButton action={paths.admin.logout()} label="Logga ut" token={view.csrfToken} />
    </AdminLayout>
  )
}

export interface SecondFactorPageProps {
  view: AdminView
  /** When TOTP was turned on; null: off. */
  enabledAt: string | null
  /** An administrator where the organisation requires it: cannot turn it off, must turn it on. */
  required: boolean
  /** While off: the secret to enter in the app, and its otpauth:// address. */
  enrolment?: { secret: string; uri: string } | undefined
  form: FormState
  saved?: string | undefined
  /** The server has no TOTP_SECRET_KEY: nothing can be enrolled. */
  keyMissing?: boolean
}

/** The user's own second factor: the secret as text to turn it on, or a code to turn it off. */
export function SecondFactorPage(props: SecondFactorPageProps) {
  const { view, enabledAt, required, enrolment, form } = props
  const failed = Object.keys(form.errors).length > 0
  return (
    <AdminLayout
      title={`${failed ? 'Fel kod – ' : ''}Tvåstegsverifiering`}
      view={view}
      section="account"
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        { href: paths.admin.password(), label: 'Mitt konto' },
        { label: 'Tvåstegsverifiering' },
      ]}
    >
      <h1>Tvåstegsverifiering</h1>
      <SavedNotice text={props.saved} />
      {enabledAt ? (
        <>
          <p>
            Tvåstegsverifiering är <strong>på</strong>. När du loggar in med lösenord frågar Paragraf också
            efter koden i din autentiseringsapp.
          </p>
          {required ? (
            <p>
              Din organisation kräver tvåstegsverifiering av administratörer, så den kan inte stängas av. Har
              du tappat telefonen kan en annan administratör återställa den.
            </p>
          ) : (
            <section aria-labelledby="stang-av">
              <h2 id="stang-av">Stäng av tvåstegsverifiering</h2>
              <CodeForm
                action={signInPaths.turnOffSecondFactor()}
                csrfToken={view.csrfToken}
                hint="Skriv en aktuell kod för att visa att det är du."
                button="Stäng av"
                form={form}
              />
            </section>
          )}
        </>
      ) : props.keyMissing ? (
        <p class="error-message">
          Tvåstegsverifiering kan inte slås på: servern saknar nyckeln som skyddar koderna (TOTP_SECRET_KEY).
          Kontakta den som driftar Paragraf.
        </p>
      ) : (
        enrolment && (
          <>
            {required && (
              <p class="notice-saved" role="status">
                Din organisation kräver att administratörer använder tvåstegsverifiering. Slå på den innan du
                fortsätter.
              </p>
            )}
            <p>
              Med tvåstegsverifiering räcker inte lösenordet för att logga in: du skriver också en kod från en
              autentiseringsapp i telefonen (till exempel FreeOTP, Aegis, Google Authenticator eller Microsoft
              Authenticator).
            </p>
            <ol>
              <li>
                Välj att lägga till ett konto för hand i appen och skriv in nyckeln:{' '}
                <code class="secret">{groupedSecret(enrolment.secret)}</code> (tidsbaserad, sex siffror, 30
                sekunder).
              </li>
              <li>
                Eller öppna adressen på telefonen, där appen kan läsa den:{' '}
                <code class="secret">{enrolment.uri}</code>
              </li>
              <li>Skriv koden som appen visar och välj Slå på.</li>
            </ol>
            <p>Visa inte nyckeln för någon annan: den som har den kan skapa dina koder.</p>
            <CodeForm
              action={signInPaths.secondFactor()}
              csrfToken={view.csrfToken}
              hint="Sex siffror."
              button="Slå på"
              form={form}
            />
          </>
        )
      )}
    </AdminLayout>
  )
}

/** The organisation's sign-in: whether its administrators must use TOTP, and the identity provider. */
export function OrganisationSignInPage({
  view,
  organisation,
  form,
  identityProvider,
  saved,
}: {
  view: AdminView
  organisation: Organisation
  form: FormState
  /** The configured identity provider's name, if any (LOGIN_OIDC_*). */
  identityProvider: string | undefined
  saved?: boolean
}) {
  return (
    <AdminLayout
      title={`Inloggning – ${organisation.name}`}
      view={view}
      breadcrumbs={[{ href: paths.admin.start(), label: 'Arbetsrum' }, { label: 'Inloggning' }]}
    >
      <h1>Inloggning i {organisation.name}</h1>
      <SavedNotice text={saved ? 'Sparat.' : undefined} />
      <section aria-labelledby="idp">
        <h2 id="idp">Organisationens inloggning</h2>
        <p>
          {identityProvider
            ? `Anställda kan logga in med ${identityProvider}. Ett nytt konto får ingen roll förrän en administratör ger det en.`
            : 'Ingen identitetsleverantör är inställd: alla loggar in med lösenord. Driftsättaren ställer in den med LOGIN_OIDC_ISSUER, LOGIN_OIDC_CLIENT_ID och LOGIN_OIDC_CLIENT_SECRET.'}
        </p>
      </section>
      <section aria-labelledby="tvasteg">
        <h2 id="tvasteg">Tvåstegsverifiering för administratörer</h2>
        <form method="post" action={signInPaths.organisation(organisation.slug)} novalidate>
          <CsrfField token={view.csrfToken} />
          <CheckboxField
            name="administratorsNeedTotp"
            label="Administratörer måste logga in med kod från en autentiseringsapp (TOTP) utöver lösenordet"
            form={form}
          />
          <p class="hint">
            En administratör utan tvåstegsverifiering leds till att slå på den vid nästa sida, hur den än
            loggade in. Koden efterfrågas vid inloggning med lösenord; vid inloggning via organisationens
            inloggning gäller dess egen verifiering.
          </p>
          <button type="submit">Spara</button>
        </form>
      </section>
    </AdminLayout>
  )
}

/** An administrator's change to another's sign-in that the rules refused (their own account, another organisation's). */
export function SignInRefusal({ view, message, back }: { view: AdminView; message: string; back: string }) {
  return (
    <AdminLayout title="Ändringen gjordes inte" view={view}>
      <h1>Ändringen gjordes inte</h1>
      <p class="error">{message}</p>
      <p>
        <a href={back}>Tillbaka till kontot</a>
      </p>
    </AdminLayout>
  )
}
