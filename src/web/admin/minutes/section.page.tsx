import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import type { Section } from '../../../domain/minutes/minutes.ts'
import type { SectionRecord } from '../../../domain/minutes/minutes-record.ts'
import type { Quorum } from '../../../domain/minutes/quorum.ts'
import type { SignatoryComment } from '../../../domain/minutes/signatory-comment.service.ts'
import type { LocalSettings } from '../../../domain/organisation/local-settings.ts'
import { scanSectionsForPersonalIdentityNumbers } from '../../../domain/publication/minutes-identity-number-scan.ts'
import { type Names, SectionView } from '../../portal/minutes.view.tsx'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import type { NextStep } from '../meetings/next-step.ts'
import { NextStepBox } from '../meetings/next-step.view.tsx'
import { CsrfField, SavedNotice } from '../shared/form.view.tsx'
import { SignatoryComments } from '../sign-off/signatory-comments.view.tsx'
import type { MinutesData } from './minutes.data.ts'
import { meetingBreadcrumbs, minutesPaths } from './minutes.paths.ts'
import { DissentForm, MotionForm, RecusalForm, StatementForm, VoteForm } from './section-forms.view.tsx'
import { SectionRecorded } from './section-recorded.view.tsx'

export interface SectionTextForm {
  title: string
  summary: string
  decision: string
  decisionProcedure: string
  outcome: string
  /** 'ja' when the § is confidential (OSL): the public sees only its number and a neutral title. */
  confidential: string
  version: string
}

export const sectionTextForm = (s: Section): SectionTextForm => ({
  title: s.title,
  summary: s.summary ?? '',
  decision: s.decision.join('\n'),
  decisionProcedure: s.decisionProcedure ?? '',
  outcome: s.outcome,
  confidential: s.confidential ? 'ja' : '',
  version: String(s.version),
})

const outcomes: Array<[string, string]> = [
  ['decided', 'Beslutat'],
  ['tabled', 'Bordlagt'],
  ['referred_back', 'Återremitterat'],
  ['noted', 'Antecknat (anmälan)'],
]

type SectionPageProps = Parameters<typeof SectionPage>[0]

/** One § at a time: its text and decision (with its version), quorum, and the forms under it. */
export function SectionPage(props: {
  view: AdminView
  committee: Committee
  meeting: Meeting
  data: MinutesData
  entry: SectionRecord
  quorum: Quorum | undefined
  settings: LocalSettings
  form: SectionTextForm
  error?: string | undefined
  /** The other person's text, when they saved first. */
  theirs?: Section | undefined
  saved: boolean
  next?: NextStep | undefined
  /** The signatories' comments on the § before signing. */
  comments?: readonly SignatoryComment[]
}) {
  const { view, committee, meeting, data, entry, theirs } = props
  const { section } = entry
  const title = `${section.label} ${section.title}`
  return (
    <AdminLayout
      title={title}
      view={view}
      breadcrumbs={[
        ...meetingBreadcrumbs(committee, meeting),
        { href: minutesPaths.overview(committee.slug, meeting.slug), label: 'Protokoll' },
        { label: section.label },
      ]}
    >
      <h1>{title}</h1>
      <SavedNotice text={props.saved ? 'Sparat.' : undefined} />
      <NextStepBox next={props.next} />
      {props.error && (
        <div class="error-summary" role="alert">
          <h2>Det gick inte att spara</h2>
          <p>{props.error}</p>
        </div>
      )}
      {theirs && (
        <div class="conflict">
          <h2>Den andra personens text</h2>
          <p>{theirs.title}</p>
          <ol>
            {theirs.decision.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ol>
          {theirs.decisionProcedure && <p>{theirs.decisionProcedure}</p>}
          <p>Din text står kvar i formuläret. Spara igen för att ersätta deras.</p>
        </div>
      )}
      <SignatoryComments entry={entry} comments={props.comments ?? []} personName={data.personName} />
      {entry.signOff?.status === 'signed_off' ? (
        <SignedOffSection {...props} />
      ) : (
        <EditableSection {...props} />
      )}
    </AdminLayout>
  )
}

/**
 * A signed-off § is the record (KL 5:69): shown as it is published, with the way to change it
 * openly (rättelse, FL 36 §) instead of the forms that no longer apply.
 */
function SignedOffSection(props: SectionPageProps) {
  const { committee, meeting, data, entry } = props
  const names: Names = { person: data.personName, party: data.partyName }
  return (
    <>
      <p>
        {entry.section.label} är justerad och kan inte längre ändras här. Ett uppenbart fel rättas öppet genom
        en rättelse.{' '}
        <a
          href={minutesPaths.sectionPart(
            committee.slug,
            meeting.slug,
            entry.section.number,
            'efter-justering',
          )}
        >
          Rättelse och överklagande av {entry.section.label}
        </a>
      </p>
      <SectionView entry={entry} names={names} confidentialShown />
    </>
  )
}

function EditableSection(props: SectionPageProps) {
  const { view, committee, meeting, data, entry, form } = props
  const { section } = entry
  const action = (part: string) =>
    minutesPaths.sectionPart(committee.slug, meeting.slug, section.number, part)
  const formProps = { action, token: view.csrfToken, entry, data }
  const quorum = props.quorum
  return (
    <>
      <IdentityNumberWarning entry={entry} />
      {quorum && (
        <p>
          {quorum.quorate
            ? `Beslutför: ${quorum.present} tjänstgör, ${quorum.required} krävs.`
            : `Inte beslutför: ${quorum.present} tjänstgör, ${quorum.required} krävs. Nämnden får inte fatta beslut i paragrafen förrän mer än hälften av ledamöterna tjänstgör (KL 6:27).`}
        </p>
      )}
      <form method="post" action={minutesPaths.section(committee.slug, meeting.slug, section.number)}>
        <CsrfField token={view.csrfToken} />
        <input type="hidden" name="version" value={form.version} />
        <div class="field">
          <label for="falt-title">Rubrik</label>
          <input id="falt-title" name="title" value={form.title} />
        </div>
        <div class="field">
          <label for="falt-summary">Ärendebeskrivning</label>
          <textarea id="falt-summary" name="summary" rows={3}>
            {form.summary}
          </textarea>
        </div>
        <div class="field">
          <label for="falt-decision">Beslut, en att-sats per rad</label>
          <textarea id="falt-decision" name="decision" rows={4}>
            {form.decision}
          </textarea>
        </div>
        <div class="field">
          <label for="falt-decisionProcedure">Beslutsordning (propositionsordning)</label>
          <textarea id="falt-decisionProcedure" name="decisionProcedure" rows={3}>
            {form.decisionProcedure}
          </textarea>
        </div>
        <div class="field">
          <label for="falt-outcome">Utfall</label>
          <select id="falt-outcome" name="outcome">
            {outcomes.map(([value, label]) => (
              <option key={value} value={value} selected={form.outcome === value}>
                {label}
              </option>
            ))}
          </select>
          <p class="hint">Bordlagda och återremitterade ärenden förs över till nästa sammanträde.</p>
        </div>
        <div class="field field-checkbox">
          <input
            type="checkbox"
            id="falt-confidential"
            name="confidential"
            value="ja"
            checked={form.confidential === 'ja'}
          />{' '}
          <label for="falt-confidential">
            Ärendet omfattas av sekretess: allmänheten ser bara ”Ärende som omfattas av sekretess”
          </label>
        </div>
        <button type="submit">Spara paragrafen</button>
      </form>
      <SectionRecorded entry={entry} data={data} token={view.csrfToken} action={action} />
      <RecusalForm {...formProps} />
      <MotionForm {...formProps} />
      <p>
        Många som röstar?{' '}
        <a href={action('omrostning')}>
          Anteckna omröstningen som alla ja utom …, partigrupp för partigrupp eller sluten med antal
        </a>
      </p>
      <VoteForm {...formProps} chairPersonId={data.record?.minutes.chairPersonId ?? null} />
      <DissentForm {...formProps} />
      <StatementForm {...formProps} settings={props.settings} />
    </>
  )
}

/**
 * Signed-off §§ are published at once, so none is signed while a public text holds a personal
 * identity number (P3): say where now, while the secretary can still change the text.
 */
function IdentityNumberWarning({ entry }: { entry: SectionRecord }) {
  const findings = scanSectionsForPersonalIdentityNumbers([entry])
  if (findings.length === 0) return null
  return (
    <div class="warning" role="status">
      <h2>Paragrafen innehåller personnummer</h2>
      <p>
        Personnummer får inte publiceras. Ta bort numret eller markera ärendet som sekretess; paragrafen kan
        inte justeras förrän dess. Numret finns här:
      </p>
      <ul>
        {findings.map((f) => (
          <li key={f.place}>{f.place}</li>
        ))}
      </ul>
    </div>
  )
}
