import type { ComponentChildren } from 'preact'
import type { Term } from '../../../domain/membership/membership.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import type { Party, Person } from '../../../domain/person/person.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatDate } from '../../views/format.ts'
import { CsrfField, ErrorSummary, type FormState, SavedNotice, TextField } from '../shared/form.view.tsx'

interface RegisterPageProps<T> {
  view: AdminView
  organisation: Organisation
  items: T[]
  form: FormState
  saved: boolean
}

/** A list of the register with a form to add to it; the same frame for terms, parties and people. */
function RegisterFrame({
  title,
  props,
  action,
  labels,
  table,
  fields,
}: {
  title: string
  props: RegisterPageProps<unknown>
  action: string
  labels: Record<string, string>
  table: ComponentChildren
  fields: ComponentChildren
}) {
  const failed = Object.keys(props.form.errors).length > 0
  return (
    <AdminLayout
      title={`${failed ? 'Fel i formuläret – ' : ''}${title} – ${props.organisation.name}`}
      view={props.view}
      breadcrumbs={[{ href: paths.admin.start(), label: 'Arbetsrum' }, { label: title }]}
    >
      <h1>
        {title} i {props.organisation.name}
      </h1>
      <SavedNotice text={props.saved ? 'Tillagt.' : undefined} />
      {props.items.length === 0 ? <p>Inga registrerade än.</p> : table}
      <section aria-labelledby="lagg-till">
        <h2 id="lagg-till">Lägg till</h2>
        <ErrorSummary errors={props.form.errors} labels={labels} />
        <form method="post" action={action} novalidate>
          <CsrfField token={props.view.csrfToken} />
          {fields}
          <button type="submit">Lägg till</button>
        </form>
      </section>
    </AdminLayout>
  )
}

const termLabels = { name: 'Namn', startsOn: 'Första dag', endsOn: 'Sista dag' }

export function TermsPage(props: RegisterPageProps<Term>) {
  return (
    <RegisterFrame
      title="Mandatperioder"
      props={props}
      action={paths.admin.terms(props.organisation.slug)}
      labels={termLabels}
      table={
        <ul>
          {props.items.map((t) => (
            <li key={t.id}>
              {t.name}: {formatDate(t.startsOn)} – {formatDate(t.endsOn)}
            </li>
          ))}
        </ul>
      }
      fields={
        <>
          <TextField
            name="name"
            label={termLabels.name}
            required
            hint="Till exempel 2027–2030."
            form={props.form}
          />
          <TextField
            name="startsOn"
            label={termLabels.startsOn}
            type="date"
            required
            hint="Som ÅÅÅÅ-MM-DD."
            form={props.form}
          />
          <TextField
            name="endsOn"
            label={termLabels.endsOn}
            type="date"
            required
            hint="Som ÅÅÅÅ-MM-DD."
            form={props.form}
          />
        </>
      }
    />
  )
}

const partyLabels = { abbreviation: 'Förkortning', name: 'Namn (frivilligt)' }

export function PartiesPage(props: RegisterPageProps<Party>) {
  return (
    <RegisterFrame
      title="Partier"
      props={props}
      action={paths.admin.parties(props.organisation.slug)}
      labels={partyLabels}
      table={
        <ul>
          {props.items.map((p) => (
            <li key={p.id}>
              {p.abbreviation}
              {p.name && ` – ${p.name}`}
            </li>
          ))}
        </ul>
      }
      fields={
        <>
          <TextField
            name="abbreviation"
            label={partyLabels.abbreviation}
            required
            short
            hint="Som den skrivs i protokollen: S, M, F!."
            form={props.form}
          />
          <TextField name="name" label={partyLabels.name} form={props.form} />
        </>
      }
    />
  )
}

const personLabels = { name: 'Namn', title: 'Titel (för tjänstepersoner, frivilligt)' }

export function PeoplePage(props: RegisterPageProps<Person>) {
  return (
    <RegisterFrame
      title="Personer"
      props={props}
      action={paths.admin.people(props.organisation.slug)}
      labels={personLabels}
      table={
        <>
          <ul>
            {props.items.map((p) => (
              <li key={p.id}>
                {p.name}
                {p.title && `, ${p.title}`}
              </li>
            ))}
          </ul>
          <p>
            <a href={`${paths.admin.people(props.organisation.slug)}/sla-ihop`}>Slå ihop två personer</a> som
            är samma person.
          </p>
        </>
      }
      fields={
        <>
          <TextField name="name" label={personLabels.name} required autocomplete="off" form={props.form} />
          <TextField
            name="title"
            label={personLabels.title}
            hint="Till exempel nämndsekreterare."
            form={props.form}
          />
        </>
      }
    />
  )
}
