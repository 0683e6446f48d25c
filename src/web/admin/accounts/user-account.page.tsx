import type { AccountSummary } from '../../../domain/account/user-admin.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import type { Person } from '../../../domain/person/person.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  PostButton,
  SavedNotice,
  SelectField,
} from '../shared/form.view.tsx'
import { signInPaths } from './sign-in.paths.ts'
import { committeeOptions, describeRole, personOptions, roleOptions, when } from './users.page.tsx'
import { usersPaths } from './users.paths.ts'

// One account of the organisation: its roles, its person, and turning it off or giving it a new
// password. A refused change is said at the top of the page, in Swedish.

export const grantLabels = { role: 'Roll', committeeId: 'Nämnd' }
export const personLabels = { personId: 'Person' }

export interface AccountPageProps {
  view: AdminView
  organisation: Organisation
  account: AccountSummary
  committees: Committee[]
  persons: Person[]
  grantForm: FormState
  personForm: FormState
  /** Whether the account signs in with TOTP besides its password (and must). */
  secondFactor?: { enabledAt: string | null; required: boolean } | undefined
  /** Why the last change was refused, when it was. */
  refusal?: string | undefined
  saved?: string | undefined
}

export function AccountPage(props: AccountPageProps) {
  const { view, organisation, account, committees, persons, grantForm, personForm, refusal } = props
  const slug = organisation.slug
  const own = view.user.id === account.id
  const failed =
    refusal || Object.keys(grantForm.errors).length > 0 || Object.keys(personForm.errors).length > 0
  return (
    <AdminLayout
      title={`${failed ? 'Fel – ' : ''}${account.name} – Användare`}
      view={view}
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        { href: usersPaths.list(slug), label: 'Användare' },
        { label: account.name },
      ]}
    >
      <h1>{account.name}</h1>
      {refusal && (
        <div class="error-summary" role="alert">
          <h2>Ändringen gjordes inte</h2>
          <p>{refusal}</p>
        </div>
      )}
      <SavedNotice text={props.saved} />
      <dl>
        <dt>E-postadress</dt>
        <dd>{account.email}</dd>
        <dt>Status</dt>
        <dd>{account.disabled ? 'Inaktiverat: kan inte logga in' : 'Aktivt'}</dd>
        <dt>Senast inloggad</dt>
        <dd>{account.lastSignedInAt ? when(account.lastSignedInAt) : 'Aldrig (eller okänt)'}</dd>
      </dl>
      <p>
        <a href={paths.admin.auditLog('user_account', account.id)}>Ändringslogg för kontot</a>
      </p>

      <section aria-labelledby="roller">
        <h2 id="roller">Roller</h2>
        {account.grants.length === 0 ? (
          <p>Kontot har ingen roll i {organisation.name}.</p>
        ) : (
          <ul>
            {account.grants.map((g) => (
              <li key={g.id}>
                {describeRole(g.role, g.committeeId, committees)}{' '}
                <PostButton
                  action={usersPaths.revokeRole(slug, account.id, g.id)}
                  label={`Ta bort rollen ${describeRole(g.role, g.committeeId, committees)}`}
                  token={view.csrfToken}
                />
              </li>
            ))}
          </ul>
        )}
        <ErrorSummary errors={grantForm.errors} labels={grantLabels} />
        <form method="post" action={usersPaths.grantRole(slug, account.id)} novalidate>
          <CsrfField token={view.csrfToken} />
          <fieldset>
            <legend>Ge en roll</legend>
            <SelectField
              name="role"
              label={grantLabels.role}
              options={roleOptions.filter(([value]) => value !== '')}
              form={grantForm}
            />
            <SelectField
              name="committeeId"
              label={grantLabels.committeeId}
              options={committeeOptions(committees)}
              hint="En administratör gäller alltid hela organisationen."
              form={grantForm}
            />
          </fieldset>
          <button type="submit">Ge rollen</button>
        </form>
      </section>

      <section aria-labelledby="person">
        <h2 id="person">Kopplad person</h2>
        <p>
          En användare som är kopplad till sin person i registret kan, som ledamot, läsa nämndens
          sekretessbelagda handlingar och justera protokoll.
        </p>
        <ErrorSummary errors={personForm.errors} labels={personLabels} />
        <form method="post" action={usersPaths.person(slug, account.id)} novalidate>
          <CsrfField token={view.csrfToken} />
          <SelectField
            name="personId"
            label={personLabels.personId}
            options={personOptions(persons)}
            form={personForm}
          />
          <button type="submit">Spara kopplingen</button>
        </form>
      </section>

      <section aria-labelledby="konto">
        <h2 id="konto">Inloggning</h2>
        {own ? (
          <p>
            Det här är ditt eget konto. Byt ditt lösenord under{' '}
            <a href={paths.admin.password()}>Mitt konto</a>; ett eget konto kan inte inaktiveras här.
          </p>
        ) : (
          <>
            <p>
              Ett nytt engångslösenord avslutar alla användarens inloggningar. Det visas en gång, på nästa
              sida.
            </p>
            <PostButton
              action={usersPaths.resetPassword(slug, account.id)}
              label="Ge ett nytt lösenord"
              token={view.csrfToken}
            />
            {props.secondFactor?.enabledAt && (
              <>
                <p>
                  Kontot har tvåstegsverifiering (kod från en app) sedan {when(props.secondFactor.enabledAt)}.
                  Har användaren tappat telefonen kan du stänga av den; användaren loggar då in med bara
                  lösenordet
                  {props.secondFactor.required ? ' och måste slå på den igen' : ''}.
                </p>
                <PostButton
                  action={signInPaths.resetSecondFactor(slug, account.id)}
                  label="Återställ tvåstegsverifiering"
                  token={view.csrfToken}
                />
              </>
            )}
            {account.disabled ? (
              <PostButton
                action={usersPaths.enable(slug, account.id)}
                label="Aktivera kontot"
                token={view.csrfToken}
              />
            ) : (
              <>
                <p>Ett inaktiverat konto kan inte logga in, och alla dess inloggningar avslutas genast.</p>
                <PostButton
                  action={usersPaths.disable(slug, account.id)}
                  label="Inaktivera kontot"
                  token={view.csrfToken}
                />
              </>
            )}
          </>
        )}
      </section>
    </AdminLayout>
  )
}
