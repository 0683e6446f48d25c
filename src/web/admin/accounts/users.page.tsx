import { type Role, roleLabels, roles } from '../../../domain/account/account.ts'
import type { AccountSummary } from '../../../domain/account/user-admin.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import type { Person } from '../../../domain/person/person.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { CsrfField, ErrorSummary, type FormState, SelectField, TextField } from '../shared/form.view.tsx'
import { signInPaths } from './sign-in.paths.ts'
import { usersPaths } from './users.paths.ts'

// The organisation's accounts: the list, the form that opens one, and the page that shows a new
// one-time password. The password is in that page only; it is stored nowhere in clear.

export const newAccountLabels = {
  email: 'E-postadress',
  name: 'Namn',
  role: 'Roll',
  committeeId: 'Nämnd',
  personId: 'Kopplad person (frivilligt)',
}

export const roleOptions: ReadonlyArray<readonly [string, string]> = [
  ['', 'Ingen roll'],
  ...roles.map((r) => [r, capitalised(roleLabels[r])] as const),
]

export function committeeOptions(committees: readonly Committee[]): ReadonlyArray<readonly [string, string]> {
  return [['', 'Hela organisationen'], ...committees.map((c) => [String(c.id), c.name] as const)]
}

export function personOptions(persons: readonly Person[]): ReadonlyArray<readonly [string, string]> {
  return [['', 'Ingen person'], ...persons.map((p) => [String(p.id), p.name] as const)]
}

function capitalised(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export const when = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso))

/** "nämndsekreterare för Socialnämnden", "administratör för hela organisationen". */
export function describeRole(role: Role, committeeId: number | null, committees: readonly Committee[]) {
  const scope =
    committeeId === null
      ? 'hela organisationen'
      : (committees.find((c) => c.id === committeeId)?.name ?? 'en nämnd')
  return `${roleLabels[role]} för ${scope}`
}

export interface UsersPageProps {
  view: AdminView
  organisation: Organisation
  accounts: AccountSummary[]
  committees: Committee[]
  persons: Person[]
  form: FormState
}

/** Who has an account in the organisation, with what roles, and a form to open a new one. */
export function UsersPage({ view, organisation, accounts, committees, persons, form }: UsersPageProps) {
  const failed = Object.keys(form.errors).length > 0
  const personName = (id: number | null) =>
    id === null ? '–' : (persons.find((p) => p.id === id)?.name ?? 'En person i en annan organisation')
  return (
    <AdminLayout
      title={`${failed ? 'Fel i formuläret – ' : ''}Användare – ${organisation.name}`}
      view={view}
      breadcrumbs={[{ href: paths.admin.start(), label: 'Arbetsrum' }, { label: 'Användare' }]}
    >
      <h1>Användare i {organisation.name}</h1>
      <p>
        <a href={signInPaths.organisation(organisation.slug)}>Inloggning och tvåstegsverifiering</a>
      </p>
      <table>
        <caption class="visually-hidden">Användarkonton, efter namn</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">E-postadress</th>
            <th scope="col">Roller</th>
            <th scope="col">Kopplad person</th>
            <th scope="col">Status</th>
            <th scope="col">Senast inloggad</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id}>
              <th scope="row">
                <a href={usersPaths.account(organisation.slug, account.id)}>{account.name}</a>
              </th>
              <td>{account.email}</td>
              <td>
                {account.grants.length === 0 ? (
                  'Ingen roll'
                ) : (
                  <ul>
                    {account.grants.map((g) => (
                      <li key={g.id}>{describeRole(g.role, g.committeeId, committees)}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{personName(account.personId)}</td>
              <td>{account.disabled ? 'Inaktiverat' : 'Aktivt'}</td>
              <td>{account.lastSignedInAt ? when(account.lastSignedInAt) : 'Aldrig (eller okänt)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="nytt-konto">
        <h2 id="nytt-konto">Lägg till en användare</h2>
        <p>
          Kontot får ett engångslösenord som visas en gång, på nästa sida. Lämna det till användaren på ett
          säkert sätt och be dem byta det under Mitt konto vid första inloggningen.
        </p>
        <ErrorSummary errors={form.errors} labels={newAccountLabels} />
        <form method="post" action={usersPaths.list(organisation.slug)} novalidate>
          <CsrfField token={view.csrfToken} />
          <TextField
            name="email"
            label={newAccountLabels.email}
            type="email"
            autocomplete="off"
            required
            hint="Användaren loggar in med den."
            form={form}
          />
          <TextField name="name" label={newAccountLabels.name} required form={form} />
          <fieldset>
            <legend>Behörighet</legend>
            <SelectField
              name="role"
              label={newAccountLabels.role}
              options={roleOptions}
              hint="En administratör gäller alltid hela organisationen."
              form={form}
            />
            <SelectField
              name="committeeId"
              label={newAccountLabels.committeeId}
              options={committeeOptions(committees)}
              hint="Rollen gäller nämnden och dess utskott."
              form={form}
            />
          </fieldset>
          <SelectField
            name="personId"
            label={newAccountLabels.personId}
            options={personOptions(persons)}
            hint="En ledamot som är kopplad till sin person kan läsa nämndens sekretessbelagda handlingar och justera protokoll."
            form={form}
          />
          <button type="submit">Lägg till användaren</button>
        </form>
      </section>
    </AdminLayout>
  )
}

/** The new password, once: after it is shown here nobody can see it again. */
export function OneTimePasswordPage({
  view,
  organisation,
  account,
  password,
  opened,
}: {
  view: AdminView
  organisation: Organisation
  account: { id: number; name: string; email: string }
  password: string
  /** A new account (true) or a new password for an existing one. */
  opened: boolean
}) {
  const title = opened ? `Kontot för ${account.name} är skapat` : `Nytt lösenord för ${account.name}`
  return (
    <AdminLayout
      title={title}
      view={view}
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        { href: usersPaths.list(organisation.slug), label: 'Användare' },
        { label: account.name },
      ]}
    >
      <h1>{title}</h1>
      <p class="notice-saved" role="status">
        {opened ? 'Kontot är skapat.' : 'Lösenordet är bytt och alla inloggningar för kontot är avslutade.'}
      </p>
      <p>
        E-postadress: <strong>{account.email}</strong>
      </p>
      <p>
        Engångslösenord: <code>{password}</code>
      </p>
      <p>
        Lösenordet visas bara nu och sparas ingenstans i klartext. Lämna det till användaren på ett säkert
        sätt, till exempel muntligt eller i ett separat meddelande. Användaren måste byta det vid första
        inloggningen.
      </p>
      <p>
        <a href={usersPaths.account(organisation.slug, account.id)}>Till kontot</a>
      </p>
    </AdminLayout>
  )
}

/** An administrator of several organisations chooses whose users to see. */
export function UsersChoicePage({ view, organisations }: { view: AdminView; organisations: Organisation[] }) {
  return (
    <AdminLayout
      title="Användare"
      view={view}
      breadcrumbs={[{ href: paths.admin.start(), label: 'Arbetsrum' }, { label: 'Användare' }]}
    >
      <h1>Användare</h1>
      <ul>
        {organisations.map((o) => (
          <li key={o.id}>
            <a href={usersPaths.list(o.slug)}>{o.name}</a>
          </li>
        ))}
      </ul>
    </AdminLayout>
  )
}
