import type { Committee } from '../../../domain/committee/committee.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { CsrfField, ErrorSummary, type FormState, SavedNotice, TextField } from '../shared/form.view.tsx'

export const identityNumbersPath = (committeeSlug: string) => `/admin/namnder/${committeeSlug}/personnummer`

/**
 * The personnummer of the committee's members and substitutes, against which a signature with
 * e-legitimation is checked: typed in, kept only as a salted hash, never shown again.
 */
export function IdentityNumbersPage(props: {
  view: AdminView
  committee: Committee
  people: { id: number; name: string; kept: boolean }[]
  form: FormState
  saved: boolean
}) {
  const { view, committee, people, form } = props
  const failed = Object.keys(form.errors).length > 0
  const title = `Personnummer för justering med e-legitimation, ${committee.name}`
  const labels = Object.fromEntries(people.map((p) => [`personnummer-${p.id}`, p.name]))
  return (
    <AdminLayout
      title={`${failed ? 'Fel i formuläret – ' : ''}${title}`}
      view={view}
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        { href: paths.admin.committee(committee.slug), label: committee.name },
        { label: 'Personnummer för e-legitimation' },
      ]}
    >
      <h1>{title}</h1>
      <SavedNotice text={props.saved ? 'Personnumren är sparade.' : undefined} />
      <p>
        När nämnden justerar med e-legitimation (BankID, Freja eID) jämförs personnumret i e-legitimationen
        med det som är registrerat för den utsedda justeraren. Personnumret sparas bara som en saltad
        kontrollsumma och kan inte visas igen. Lämna fältet tomt för att behålla det som är registrerat.
      </p>
      <ErrorSummary errors={form.errors} labels={labels} />
      <form method="post" action={identityNumbersPath(committee.slug)} novalidate>
        <CsrfField token={view.csrfToken} />
        {people.map((p) => (
          <TextField
            key={p.id}
            name={`personnummer-${p.id}`}
            label={p.name}
            hint={p.kept ? 'Personnummer registrerat.' : 'Inget personnummer registrerat.'}
            autocomplete="off"
            form={form}
          />
        ))}
        <button type="submit">Spara personnumren</button>
      </form>
    </AdminLayout>
  )
}
