import { mayReadAuditLog } from '../../../domain/account/access.policy.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import {
  type Membership,
  membershipRoleLabels,
  membershipRoles,
} from '../../../domain/membership/membership.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatDate } from '../../views/format.ts'
import { TableScroll } from '../../views/table-scroll.tsx'
import { identityNumbersPath } from '../membership/identity-numbers.page.tsx'
import { minutesPaths } from '../minutes/minutes.paths.ts'
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SavedNotice,
  SelectField,
  TextField,
} from '../shared/form.view.tsx'
import type { CommitteeData } from './committee.data.ts'

export const membershipLabels = {
  personId: 'Person',
  role: 'Uppdrag',
  partyId: 'Parti',
  termId: 'Mandatperiod',
  startsOn: 'Från och med',
  endsOn: 'Till och med (frivilligt)',
  substituteOrder: 'Plats i ersättarordningen (för ersättare)',
}

export interface CommitteePageProps {
  view: AdminView
  committee: Committee
  data: CommitteeData
  addForm: FormState
  /** A seat that could not be ended, with what was typed and why. */
  endState?: { membershipId: number; value: string; error: string }
  /** The substitutes' order as typed, when it could not be saved. */
  orderState?: { values: Record<string, string>; error: string }
  saved?: boolean
}

/** A committee in the workspace: who sits on it, in which order substitutes are called, and adding a seat. */
export function CommitteePage({
  view,
  committee,
  data,
  addForm,
  endState,
  orderState,
  saved,
}: CommitteePageProps) {
  const person = (id: number) => data.persons.find((p) => p.id === id)?.name ?? 'Okänd'
  const party = (id: number | null) => data.parties.find((p) => p.id === id)?.abbreviation ?? ''
  const substitutes = data.memberships.filter((m) => m.role === 'substitute')
  const failed = Object.keys(addForm.errors).length > 0 || endState || orderState
  return (
    <AdminLayout
      title={`${failed ? 'Fel i formuläret – ' : ''}${committee.name}`}
      view={view}
      breadcrumbs={[{ href: paths.admin.start(), label: 'Arbetsrum' }, { label: committee.name }]}
    >
      <h1>{committee.name}</h1>
      <ul class="actions">
        <li>
          <a href={paths.admin.meetings(committee.slug)}>Sammanträden</a>
        </li>
        <li>
          <a href={`${paths.admin.meetings(committee.slug)}#nytt-mote`}>Lägg in ett sammanträde</a>
        </li>
        <li>
          <a href={paths.admin.committeeSettings(committee.slug)}>Lokala inställningar</a>
        </li>
        <li>
          <a href={identityNumbersPath(committee.slug)}>Personnummer för e-legitimation</a>
        </li>
        <li>
          <a href={paths.admin.memberImport(committee.slug)}>Importera medlemslista (CSV)</a>
        </li>
        <li>
          <a href={minutesPaths.delegatedDecisions(committee.slug)}>Delegationsbeslut</a>
        </li>
        <li>
          <a href={paths.committee(committee.slug)}>Nämndens publika sida</a>
        </li>
        {mayReadAuditLog(view.user, committee.organisationId) && (
          <li>
            <a href={paths.admin.auditLog('committee', committee.id)}>Ändringslogg</a>
          </li>
        )}
      </ul>
      <SavedNotice text={saved ? 'Ändringen är sparad.' : undefined} />
      <section aria-labelledby="platser">
        <h2 id="platser">Ledamöter och ersättare</h2>
        {endState && (
          <p class="error-message" role="alert">
            {person(data.memberships.find((m) => m.id === endState.membershipId)?.personId ?? 0)}:{' '}
            {endState.error}
          </p>
        )}
        {data.memberships.length === 0 ? (
          <p>Nämnden har inga ledamöter eller ersättare registrerade.</p>
        ) : (
          <TableScroll label="Platser i kraft">
            <table>
              <caption class="visually-hidden">Platser i kraft i dag eller senare</caption>
              <thead>
                <tr>
                  <th scope="col">Namn</th>
                  <th scope="col">Parti</th>
                  <th scope="col">Uppdrag</th>
                  <th scope="col">Period</th>
                  <th scope="col">Avsluta</th>
                </tr>
              </thead>
              <tbody>
                {data.memberships.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{person(m.personId)}</th>
                    <td>{party(m.partyId)}</td>
                    <td>
                      {membershipRoleLabels[m.role]}
                      {m.substituteOrder !== null && ` nr ${m.substituteOrder}`}
                    </td>
                    <td>
                      {formatDate(m.startsOn)} – {m.endsOn ? formatDate(m.endsOn) : 'tills vidare'}
                    </td>
                    <td>
                      <EndForm
                        committee={committee}
                        membership={m}
                        name={person(m.personId)}
                        token={view.csrfToken}
                        state={endState?.membershipId === m.id ? endState : undefined}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      {substitutes.length > 1 && (
        <section aria-labelledby="ordning">
          <h2 id="ordning">Ersättarordning</h2>
          <p>Ersättarna kallas in i den här ordningen (KL 5:18). Ändra numren och spara.</p>
          {orderState && (
            <p class="error-message" role="alert">
              {orderState.error}
            </p>
          )}
          <form
            method="post"
            action={paths.admin.substituteOrder(committee.slug)}
            class="inline-form"
            novalidate
          >
            <CsrfField token={view.csrfToken} />
            {substitutes.map((m, i) => (
              <div class="field" key={m.id}>
                <label for={`ordning-${m.id}`}>{person(m.personId)}</label>
                <input
                  id={`ordning-${m.id}`}
                  name={`order-${m.id}`}
                  type="text"
                  inputMode="numeric"
                  class="short"
                  value={orderState?.values[`order-${m.id}`] ?? String(m.substituteOrder ?? i + 1)}
                />
              </div>
            ))}
            <button type="submit">Spara ordningen</button>
          </form>
        </section>
      )}
      <section aria-labelledby="ny-plats">
        <h2 id="ny-plats">Lägg till ledamot eller ersättare</h2>
        <p>
          Finns personen inte i listan?{' '}
          <a href={paths.admin.people(data.organisation.slug)}>Lägg till personen</a> först.
        </p>
        <ErrorSummary errors={addForm.errors} labels={membershipLabels} />
        <form method="post" action={paths.admin.memberships(committee.slug)} novalidate>
          <CsrfField token={view.csrfToken} />
          <SelectField
            name="personId"
            label={membershipLabels.personId}
            options={[['', 'Välj person'], ...data.persons.map((p) => [String(p.id), p.name] as const)]}
            form={addForm}
          />
          <SelectField
            name="role"
            label={membershipLabels.role}
            options={membershipRoles.map((r) => [r, membershipRoleLabels[r]] as const)}
            form={addForm}
          />
          <SelectField
            name="partyId"
            label={membershipLabels.partyId}
            options={[
              ['', 'Inget parti'],
              ...data.parties.map(
                (p) => [String(p.id), p.name ? `${p.abbreviation} – ${p.name}` : p.abbreviation] as const,
              ),
            ]}
            form={addForm}
          />
          <SelectField
            name="termId"
            label={membershipLabels.termId}
            options={[
              ['', 'Den som gäller från startdagen'],
              ...data.terms.map((t) => [String(t.id), t.name] as const),
            ]}
            form={addForm}
          />
          <TextField
            name="startsOn"
            label={membershipLabels.startsOn}
            type="date"
            required
            form={addForm}
            hint="Som ÅÅÅÅ-MM-DD."
          />
          <TextField
            name="endsOn"
            label={membershipLabels.endsOn}
            type="date"
            form={addForm}
            hint="Som ÅÅÅÅ-MM-DD. Lämna tomt om uppdraget gäller tills vidare."
          />
          <TextField name="substituteOrder" label={membershipLabels.substituteOrder} short form={addForm} />
          <button type="submit">Lägg till</button>
        </form>
      </section>
    </AdminLayout>
  )
}

function EndForm({
  committee,
  membership,
  name,
  token,
  state,
}: {
  committee: Committee
  membership: Membership
  name: string
  token: string
  state: { value: string; error: string } | undefined
}) {
  const id = `slut-${membership.id}`
  return (
    <form
      method="post"
      action={paths.admin.endMembership(committee.slug, membership.id)}
      class="inline-form"
      novalidate
    >
      <CsrfField token={token} />
      <div class={state ? 'field field-error' : 'field'}>
        <label for={id}>
          Sista dag<span class="visually-hidden"> för {name}</span>
        </label>
        <input
          id={id}
          name="endsOn"
          type="date"
          value={state?.value ?? ''}
          aria-invalid={state ? 'true' : undefined}
        />
      </div>
      <button type="submit" class="secondary">
        Avsluta<span class="visually-hidden"> uppdraget för {name}</span>
      </button>
    </form>
  )
}
