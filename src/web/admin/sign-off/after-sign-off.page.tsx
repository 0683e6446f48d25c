import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import type { SectionRecord } from '../../../domain/minutes/minutes-record.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatDate } from '../../views/format.ts'
import { meetingBreadcrumbs, minutesPaths } from '../minutes/minutes.paths.ts'
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SavedNotice,
  TextAreaField,
  TextField,
} from '../shared/form.view.tsx'

export const rectifyLabels = {
  reason: 'Vad var fel och varför rättas det',
  title: 'Rättad rubrik',
  decision: 'Rättat beslut, en att-sats per rad',
}
export const appealLabels = {
  receivedOn: 'Överklagandet kom in',
  court: 'Domstol',
  caseNumber: 'Domstolens målnummer',
}

/** The rectify form as the § stands now, with the version the clerk reads. */
export const rectifyFormOf = (entry: SectionRecord): FormState => ({
  values: {
    reason: '',
    title: entry.section.title,
    decision: entry.section.decision.join('\n'),
    version: String(entry.section.version),
  },
  errors: {},
})

/**
 * A signed-off §, after the sign-off: an open correction of an obvious slip (rättelse, FL 36 §)
 * and the appeals received against it (laglighetsprövning, KL 13:1).
 */
export function AfterSignOffPage(props: {
  view: AdminView
  committee: Committee
  meeting: Meeting
  entry: SectionRecord
  rectify: FormState
  appeal: FormState
  /** A refusal that belongs to no single field. */
  error?: string | undefined
  saved: boolean
}) {
  const { view, committee, meeting, entry, rectify, appeal, error } = props
  const { section, signOff } = entry
  const part = (name: string) => minutesPaths.sectionPart(committee.slug, meeting.slug, section.number, name)
  const title = `Rättelse och överklagande, ${section.label}`
  const signedOff = signOff?.status === 'signed_off'
  return (
    <AdminLayout
      title={title}
      view={view}
      breadcrumbs={[
        ...meetingBreadcrumbs(committee, meeting),
        { href: minutesPaths.overview(committee.slug, meeting.slug), label: 'Protokoll' },
        { href: minutesPaths.section(committee.slug, meeting.slug, section.number), label: section.label },
        { label: 'Efter justeringen' },
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
      <p>
        {section.label} {section.title}.{' '}
        {signedOff
          ? `Justerad ${formatDate(signOff.signedOffOn ?? '')}.`
          : 'Paragrafen är inte justerad än: ändra den i paragrafen i stället.'}
      </p>
      {entry.rectifications.length > 0 && (
        <section aria-labelledby="rattelser">
          <h2 id="rattelser">Rättelser</h2>
          <ul>
            {entry.rectifications.map((r) => (
              <li key={r.id}>
                {formatDate(r.rectifiedOn)}: {r.reason} ({r.actor})
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="rattelse">
        <h2 id="rattelse">Rätta paragrafen</h2>
        <p class="hint">
          Bara uppenbara skriv- eller räknefel (FL 36 §). Rättelsen visas öppet bredvid paragrafen, med dag
          och skäl.
        </p>
        <form method="post" action={part('rattelse')}>
          <CsrfField token={view.csrfToken} />
          <input type="hidden" name="version" value={rectify.values.version ?? ''} />
          <ErrorSummary errors={rectify.errors} labels={rectifyLabels} />
          <TextAreaField name="reason" label={rectifyLabels.reason} form={rectify} rows={2} />
          <TextField name="title" label={rectifyLabels.title} form={rectify} />
          <TextAreaField name="decision" label={rectifyLabels.decision} form={rectify} />
          <button type="submit">Spara rättelsen</button>
        </form>
      </section>
      <section aria-labelledby="overklagande">
        <h2 id="overklagande">Registrera överklagande</h2>
        {entry.appealDays.length > 0 && (
          <p>Överklaganden har kommit in: {entry.appealDays.map(formatDate).join(', ')}.</p>
        )}
        <form method="post" action={part('overklagande')}>
          <CsrfField token={view.csrfToken} />
          <ErrorSummary errors={appeal.errors} labels={appealLabels} />
          <TextField
            name="receivedOn"
            label={appealLabels.receivedOn}
            form={appeal}
            type="date"
            short
            hint="ÅÅÅÅ-MM-DD"
          />
          <TextField
            name="court"
            label={appealLabels.court}
            form={appeal}
            hint="Förvaltningsrätten om inget anges"
          />
          <TextField name="caseNumber" label={appealLabels.caseNumber} form={appeal} short />
          <button type="submit">Registrera överklagandet</button>
        </form>
      </section>
    </AdminLayout>
  )
}
