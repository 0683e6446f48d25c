import { type Committee, committeeKindLabels, committeeKinds } from '../../../domain/committee/committee.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { CsrfField, ErrorSummary, type FormState, SelectField, TextField } from '../shared/form.view.tsx'

const labels = { name: 'Namn', kind: 'Slag', parentId: 'Hör till (för utskott)', seats: 'Antal ledamöter' }

/** Setting up a nämnd, utskott, styrelse, råd or fullmäktige. */
export function NewCommitteePage({
  view,
  organisation,
  parents,
  form,
}: {
  view: AdminView
  organisation: Organisation
  parents: Committee[]
  form: FormState
}) {
  const failed = Object.keys(form.errors).length > 0
  return (
    <AdminLayout
      title={`${failed ? 'Fel i formuläret – ' : ''}Ny nämnd – ${organisation.name}`}
      view={view}
      breadcrumbs={[{ href: paths.admin.start(), label: 'Arbetsrum' }, { label: 'Ny nämnd eller utskott' }]}
    >
      <h1>Ny nämnd eller utskott i {organisation.name}</h1>
      <ErrorSummary errors={form.errors} labels={labels} />
      <form method="post" action={paths.admin.newCommittee(organisation.slug)} novalidate>
        <CsrfField token={view.csrfToken} />
        <TextField
          name="name"
          label={labels.name}
          required
          form={form}
          hint="Till exempel Socialnämnden eller Socialnämndens arbetsutskott."
        />
        <SelectField
          name="kind"
          label={labels.kind}
          options={committeeKinds.map((k) => [k, committeeKindLabels[k].one] as const)}
          form={form}
        />
        <SelectField
          name="parentId"
          label={labels.parentId}
          options={[
            ['', 'Ingen'],
            ...parents.filter((p) => p.kind !== 'utskott').map((p) => [String(p.id), p.name] as const),
          ]}
          form={form}
        />
        <TextField
          name="seats"
          label={labels.seats}
          short
          hint="Ledamöter, utan ersättare: grunden för beslutsförhet. Lämna tomt om okänt."
          form={form}
        />
        <button type="submit">Skapa</button>
      </form>
    </AdminLayout>
  )
}
