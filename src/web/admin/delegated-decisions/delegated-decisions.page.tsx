import type { Committee } from '../../../domain/committee/committee.ts'
import type { DelegatedDecision } from '../../../domain/delegated-decision/delegated-decision.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatDate, formatLongDate } from '../../views/format.ts'
import { minutesPaths } from '../minutes/minutes.paths.ts'
import { CheckboxField } from '../shared/checkbox-field.view.tsx'
import { CsrfField, ErrorSummary, type FormState, SavedNotice, TextField } from '../shared/form.view.tsx'

export const delegatedDecisionLabels = {
  title: 'Beslutet gäller',
  decisionMaker: 'Beslutsfattare',
  delegationPoint: 'Punkt i delegationsordningen',
  decidedOn: 'Beslutsdatum',
  registryNumber: 'Diarienummer',
  urgent: 'Ordförandebeslut i ett brådskande ärende (KL 6:39): anmäls vid nästa sammanträde',
}

export type RegisteredDecision = DelegatedDecision & {
  noticePostedOn: string | null
  noticeLastAppealDay: string | null
}

/**
 * The committee's register of delegated decisions: registering one, reporting the unreported to an
 * upcoming meeting (KL 6:40), and the notice of one that is not reported (KL 8:10 p. 3).
 */
export function DelegatedDecisionsPage(props: {
  view: AdminView
  committee: Committee
  decisions: RegisteredDecision[]
  upcoming: Meeting[]
  form: FormState
  /** A refusal of the report or notice buttons. */
  error?: string | undefined
  saved: boolean
}) {
  const { view, committee, decisions, upcoming, form, error } = props
  const title = `Delegationsbeslut, ${committee.name}`
  const base = minutesPaths.delegatedDecisions(committee.slug)
  const unreported = decisions.filter((d) => d.reportedInAgendaItemId === null)
  return (
    <AdminLayout
      title={title}
      view={view}
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        { href: paths.admin.committee(committee.slug), label: committee.name },
        { label: 'Delegationsbeslut' },
      ]}
    >
      <h1>{title}</h1>
      <SavedNotice text={props.saved ? 'Sparat.' : undefined} />
      {error && (
        <div class="error-summary" role="alert">
          <h2>Det gick inte att spara</h2>
          <p>{error}</p>
        </div>
      )}
      <section aria-labelledby="register">
        <h2 id="register">Registrerade beslut</h2>
        {decisions.length === 0 ? (
          <p>Inga delegationsbeslut är registrerade.</p>
        ) : (
          <table>
            <caption>Delegationsbeslut, de senaste först</caption>
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col">Beslut</th>
                <th scope="col">Beslutsfattare</th>
                <th scope="col">Punkt</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d) => (
                <tr key={d.id}>
                  <td>{formatDate(d.decidedOn)}</td>
                  <td>{d.title}</td>
                  <td>{d.decisionMaker}</td>
                  <td>{d.delegationPoint}</td>
                  <td>
                    <DecisionStatus decision={d} action={`${base}/${d.id}/anslag`} token={view.csrfToken} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="anmalan">
        <h2 id="anmalan">Anmälan till nämnden</h2>
        <p>De oanmälda besluten läggs som ett anmälningsärende på sammanträdets dagordning (KL 6:40).</p>
        {upcoming.length === 0 ? (
          <p>Inga kommande sammanträden.</p>
        ) : (
          <ul>
            {upcoming.map((meeting) => {
              const count = unreported.filter((d) => d.decidedOn <= meeting.meetsOn).length
              return (
                <li key={meeting.id}>
                  <form method="post" action={`${base}/anmal`}>
                    <CsrfField token={view.csrfToken} />
                    <input type="hidden" name="meetingId" value={String(meeting.id)} />
                    {formatLongDate(meeting.meetsOn)}: {count} oanmälda beslut.{' '}
                    <button type="submit" class="secondary">
                      Anmäl till sammanträdet {formatLongDate(meeting.meetsOn)}
                    </button>
                  </form>
                </li>
              )
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="nytt">
        <h2 id="nytt">Registrera delegationsbeslut</h2>
        <form method="post" action={base}>
          <CsrfField token={view.csrfToken} />
          <ErrorSummary errors={form.errors} labels={delegatedDecisionLabels} />
          <TextField name="title" label={delegatedDecisionLabels.title} form={form} required />
          <TextField
            name="decisionMaker"
            label={delegatedDecisionLabels.decisionMaker}
            form={form}
            hint="Som registret anger, till exempel Enhetschef Mona Thorin eller Ordföranden"
            required
          />
          <TextField
            name="delegationPoint"
            label={delegatedDecisionLabels.delegationPoint}
            form={form}
            short
            required
          />
          <TextField
            name="decidedOn"
            label={delegatedDecisionLabels.decidedOn}
            form={form}
            type="date"
            hint="ÅÅÅÅ-MM-DD"
            short
            required
          />
          <TextField
            name="registryNumber"
            label={delegatedDecisionLabels.registryNumber}
            form={form}
            hint="Frivilligt"
            short
          />
          <CheckboxField name="urgent" label={delegatedDecisionLabels.urgent} form={form} />
          <button type="submit">Registrera beslutet</button>
        </form>
      </section>
    </AdminLayout>
  )
}

function DecisionStatus({
  decision,
  action,
  token,
}: {
  decision: RegisteredDecision
  action: string
  token: string
}) {
  if (decision.reportedInAgendaItemId !== null) return <>Anmält till nämnden</>
  // KL 6:40: the chair's urgent decisions go to the next meeting, never to a notice of their own.
  if (decision.urgent) return <>Brådskande ordförandebeslut: ska anmälas vid nästa sammanträde (KL 6:40)</>
  if (decision.noticePostedOn)
    return (
      <>
        Anslaget {formatDate(decision.noticePostedOn)}, kan överklagas till och med{' '}
        {formatDate(decision.noticeLastAppealDay ?? '')}
      </>
    )
  return (
    <form method="post" action={action}>
      <CsrfField token={token} />
      Inte anmält.{' '}
      <button type="submit" class="secondary" aria-label={`Anslå beslutet ${decision.title}`}>
        Anslå
      </button>
    </form>
  )
}
