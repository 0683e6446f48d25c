import type { Organisation } from '../../../domain/organisation/organisation.ts'
import type { Person } from '../../../domain/person/person.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { CsrfField, ErrorSummary, type FormState, SavedNotice, SelectField } from '../shared/form.view.tsx'

export const personMergePath = (organisationSlug: string) =>
  `${paths.admin.people(organisationSlug)}/sla-ihop`

const labels = { keptPersonId: 'Behåll', mergedPersonId: 'Slå ihop med och ta bort' }

/** Merging two persons of the register that are one (a name spelt two ways in imported protocols). */
export function PersonMergePage(props: {
  view: AdminView
  organisation: Organisation
  persons: Person[]
  form: FormState
  saved?: string
}) {
  const { organisation, persons, form } = props
  const options = [['', 'Välj person'] as const, ...persons.map((p) => [String(p.id), label(p)] as const)]
  const failed = Object.keys(form.errors).length > 0
  return (
    <AdminLayout
      title={`${failed ? 'Fel i formuläret – ' : ''}Slå ihop personer – ${organisation.name}`}
      view={props.view}
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        { href: paths.admin.people(organisation.slug), label: 'Personer' },
        { label: 'Slå ihop personer' },
      ]}
    >
      <h1>Slå ihop personer i {organisation.name}</h1>
      <SavedNotice text={props.saved} />
      <p>
        När samma person finns två gånger i registret (till exempel ett namn som stavats olika i inlästa
        protokoll) flyttas allt om den ena – uppdrag, närvaro, tjänstgöring, yrkanden, reservationer,
        uttalanden, röster, jäv, justeringar och användarkonto – till den andra, som behålls. Den andra tas
        bort. Två personer som båda var närvarande vid samma sammanträde kan inte slås ihop.
      </p>
      <ErrorSummary errors={form.errors} labels={labels} />
      <form method="post" action={personMergePath(organisation.slug)} novalidate>
        <CsrfField token={props.view.csrfToken} />
        <SelectField name="keptPersonId" label={labels.keptPersonId} options={options} form={form} />
        <SelectField name="mergedPersonId" label={labels.mergedPersonId} options={options} form={form} />
        <button type="submit">Slå ihop</button>
      </form>
    </AdminLayout>
  )
}

const label = (p: Person) => `${p.name}${p.title ? `, ${p.title}` : ''} (${p.slug})`
