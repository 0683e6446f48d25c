import { minPasswordLength } from '../../../domain/account/account.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  PostButton,
  SavedNotice,
  TextField,
} from '../shared/form.view.tsx'
import { signInPaths } from './sign-in.paths.ts'

const loginLabels = { email: 'E-postadress', password: 'Lösenord' }

/** Signing in to the workspace. */
export function LoginPage({
  csrfToken,
  form,
  note,
  identityProvider,
}: {
  csrfToken: string
  form: FormState
  note?: string | undefined
  /** The organisation's identity provider (LOGIN_OIDC_*), offered before the password form. */
  identityProvider?: { name: string; href: string } | undefined
}) {
  const failed = Object.keys(form.errors).length > 0
  return (
    <AdminLayout title={failed ? 'Fel vid inloggning – Logga in' : 'Logga in'}>
      <h1>Logga in i arbetsrummet</h1>
      <SavedNotice text={note} />
      <ErrorSummary errors={form.errors} labels={loginLabels} />
      {identityProvider && (
        <>
          <p>
            <a class="button" href={identityProvider.href}>
              Logga in med {identityProvider.name}
            </a>
          </p>
          <h2>Eller logga in med lösenord</h2>
        </>
      )}
      <form method="post" action={paths.admin.login()} novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="returnTo" value={form.values.returnTo ?? ''} />
        <TextField
          name="email"
          label={loginLabels.email}
          type="email"
          autocomplete="username"
          required
          form={form}
        />
        <TextField
          name="password"
          label={loginLabels.password}
          type="password"
          autocomplete="current-password"
          required
          form={form}
        />
        <button type="submit">Logga in</button>
      </form>
      <p class="muted">
        Arbetsrummet är för nämndsekreterare, registratorer och administratörer. Kontakta din administratör om
        du saknar konto.
      </p>
    </AdminLayout>
  )
}

/** The fields of a password change: the password now, and the new one twice. */
export function PasswordChangeFields({
  labels,
  form,
}: {
  labels: { currentPassword: string; newPassword: string; repeatPassword: string }
  form: FormState
}) {
  return (
    <>
      <TextField
        name="currentPassword"
        label={labels.currentPassword}
        type="password"
        autocomplete="current-password"
        required
        form={form}
      />
      <TextField
        name="newPassword"
        label={labels.newPassword}
        type="password"
        autocomplete="new-password"
        hint={`Minst ${minPasswordLength} tecken. En fras av flera ord är lätt att minnas och svår att gissa.`}
        required
        form={form}
      />
      <TextField
        name="repeatPassword"
        label={labels.repeatPassword}
        type="password"
        autocomplete="new-password"
        required
        form={form}
      />
    </>
  )
}

const passwordLabels = {
  currentPassword: 'Nuvarande lösenord',
  newPassword: 'Nytt lösenord',
  repeatPassword: 'Nytt lösenord igen',
}

/** The user's own account: change password, and sign out everywhere. */
export function PasswordPage({ view, form, saved }: { view: AdminView; form: FormState; saved?: boolean }) {
  const failed = Object.keys(form.errors).length > 0
  return (
    <AdminLayout
      title={failed ? 'Fel i formuläret – Mitt konto' : 'Mitt konto'}
      view={view}
      section="account"
      breadcrumbs={[{ href: paths.admin.start(), label: 'Arbetsrum' }, { label: 'Mitt konto' }]}
    >
      <h1>Mitt konto</h1>
      <SavedNotice
        text={saved ? 'Lösenordet är bytt. Dina inloggningar på andra enheter är avslutade.' : undefined}
      />
      <section aria-labelledby="byt-losenord">
        <h2 id="byt-losenord">Byt lösenord</h2>
        <ErrorSummary errors={form.errors} labels={passwordLabels} />
        <form method="post" action={paths.admin.password()} novalidate>
          <CsrfField token={view.csrfToken} />
          <PasswordChangeFields labels={passwordLabels} form={form} />
          <button type="submit">Byt lösenord</button>
        </form>
      </section>
      <section aria-labelledby="tvasteg">
        <h2 id="tvasteg">Tvåstegsverifiering</h2>
        <p>
          Logga in med en kod från en app i telefonen utöver lösenordet.{' '}
          <a href={signInPaths.secondFactor()}>Tvåstegsverifiering</a>
        </p>
      </section>
      <section aria-labelledby="overallt">
        <h2 id="overallt">Logga ut överallt</h2>
        <p>
          Avslutar alla dina inloggningar, på den här och alla andra enheter. Använd det om du har glömt att
          logga ut på en annan dator.
        </p>
        <PostButton
          action={paths.admin.logoutEverywhere()}
          label="Logga ut på alla enheter"
          token={view.csrfToken}
        />
      </section>
    </AdminLayout>
  )
}
