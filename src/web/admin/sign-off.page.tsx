import type { Committee } from '../../domain/committee/committee.ts'
import type { Meeting } from '../../domain/meeting/meeting.ts'
import type { MinutesRecord } from '../../domain/minutes/minutes-record.ts'
import type { SectionFinding } from '../../domain/publication/minutes-identity-number-scan.ts'
import type { SignOff } from '../../domain/sign-off/sign-off.ts'
import { AdminLayout, type AdminView } from '../views/admin-layout.tsx'
import { formatDate, formatLongDate } from '../views/format.ts'
import { CsrfField, SavedNotice } from './form.tsx'
import { minutesPaths } from './minutes-paths.ts'

/** A signatory reads the §§ of a sign-off and signs them by re-entering their password. */
export function SignOffPage(props: {
  view: AdminView
  committee: Committee
  meeting: Meeting
  record: MinutesRecord
  signOff: SignOff
  personName: (id: number | null) => string
  /** Personal identity numbers in public texts of the §§: no one may sign until they are gone (P3). */
  findings: readonly SectionFinding[]
  /** The § editor, for those who keep the minutes; undefined, the places are not links. */
  sectionHref?: ((sectionNumber: number) => string) | undefined
  error?: string | undefined
  /** A signature was just refused because of the findings. */
  refusedForPersonalIdentityNumbers?: boolean
  saved: boolean
}) {
  const { view, committee, meeting, record, signOff, personName, error, findings, sectionHref } = props
  const blocked = signOff.status !== 'signed_off' && findings.length > 0
  const sections = record.sections.filter((s) => signOff.sectionIds.includes(s.section.id))
  const title = `Justering, ${committee.name} ${formatLongDate(meeting.meetsOn)}`
  const signed = new Set(signOff.signatures.map((s) => s.personId))
  return (
    <AdminLayout
      title={title}
      view={view}
      breadcrumbs={[{ href: '/admin', label: 'Arbetsrum' }, { label: 'Justering' }]}
    >
      <h1>{title}</h1>
      <SavedNotice text={props.saved ? 'Din justering är registrerad.' : undefined} />
      {blocked && (
        <div class="error-summary" role={props.refusedForPersonalIdentityNumbers ? 'alert' : undefined}>
          <h2 id="personnummer-rubrik">
            {props.refusedForPersonalIdentityNumbers
              ? 'Paragraferna kunde inte justeras: de innehåller personnummer'
              : 'Paragraferna innehåller personnummer'}
          </h2>
          <p>
            Justerade paragrafer publiceras direkt, och personnummer får inte publiceras. Sekreteraren tar
            bort personnumren eller markerar paragrafen som sekretessbelagd innan någon kan justera.
            Personnummer finns här:
          </p>
          <ul>
            {findings.map((f) => (
              <li key={`${f.place}-${f.column}`}>
                {sectionHref ? <a href={sectionHref(f.sectionNumber)}>{f.place}</a> : f.place}
              </li>
            ))}
          </ul>
        </div>
      )}
      {signOff.status === 'signed_off' ? (
        <p>Paragraferna justerades {formatDate(signOff.signedOffOn ?? '')} och anslaget har satts upp.</p>
      ) : (
        <p>{signOff.immediate ? 'Omedelbar justering vid sammanträdet.' : 'Justering efter sammanträdet.'}</p>
      )}
      <h2>Justerare</h2>
      <ul>
        {record.signatoryIds.map((id) => (
          <li key={id}>
            {personName(id)}: {signed.has(id) ? 'har justerat' : 'har inte justerat'}
          </li>
        ))}
      </ul>
      <h2>Paragrafer</h2>
      {sections.map((s) => (
        <section key={s.section.id} aria-labelledby={`p-${s.section.number}`}>
          <h3 id={`p-${s.section.number}`}>
            {s.section.label} {s.section.title}
          </h3>
          <ol>
            {s.section.decision.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ol>
        </section>
      ))}
      {signOff.status !== 'signed_off' && (
        <form method="post" action={minutesPaths.sign(signOff.id)}>
          <CsrfField token={view.csrfToken} />
          <div class={error ? 'field field-error' : 'field'}>
            <label for="falt-password">Ditt lösenord</label>
            <p id="falt-password-hjalp" class="hint">
              Skriv ditt lösenord igen för att justera paragraferna.
            </p>
            {error && (
              <p id="falt-password-fel" class="error-message">
                <span class="visually-hidden">Fel: </span>
                {error}
              </p>
            )}
            <input
              id="falt-password"
              name="password"
              type="password"
              autocomplete="current-password"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'falt-password-hjalp falt-password-fel' : 'falt-password-hjalp'}
            />
          </div>
          <button type="submit">Justera</button>
        </form>
      )}
    </AdminLayout>
  )
}
