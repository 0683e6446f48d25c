import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import type { MinutesRecord } from '../../../domain/minutes/minutes-record.ts'
import type { SignatoryComment } from '../../../domain/minutes/signatory-comment.service.ts'
import type { SectionFinding } from '../../../domain/publication/minutes-identity-number-scan.ts'
import type { SignOff } from '../../../domain/sign-off/sign-off.ts'
import type { SigningMethod } from '../../../domain/sign-off/signing-method.ts'
import { MinutesCover, type Names, SectionView } from '../../portal/minutes.view.tsx'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatDate, formatLongDate, formatTimeSpan } from '../../views/format.ts'
import { identityNumbersPath } from '../membership/identity-numbers.page.tsx'
import { meetingBreadcrumbs, minutesPaths } from '../minutes/minutes.paths.ts'
import { CsrfField, SavedNotice } from '../shared/form.view.tsx'
import { SignatoryComments } from './signatory-comments.view.tsx'

/**
 * A signatory reads the draft minutes as they will be published (the portal's own cover and §
 * views), may send the secretary a comment on a §, and signs by re-entering their password.
 */
export function SignOffPage(props: {
  view: AdminView
  committee: Committee
  meeting: Meeting
  record: MinutesRecord
  signOff: SignOff
  personName: (id: number | null) => string
  names: Names
  comments: SignatoryComment[]
  /** The user is an appointed signatory and the §§ are not signed off yet. */
  mayComment: boolean
  /** A comment that could not be saved, with what was typed. */
  commentRefused?: { sectionId: number; text: string; error: string } | undefined
  commented?: boolean
  /** Personal identity numbers in public texts of the §§: no one may sign until they are gone (P3). */
  findings: readonly SectionFinding[]
  /** The § editor, for those who keep the minutes; undefined, the places are not links. */
  sectionHref?: ((sectionNumber: number) => string) | undefined
  error?: string | undefined
  /** A signature was just refused because of the findings. */
  refusedForPersonalIdentityNumbers?: boolean
  saved: boolean
  /** How the committee signs (its settings): the password form, a link to the broker, or paper. */
  signingMethod?: SigningMethod
}) {
  const { view, committee, meeting, record, signOff, personName, names, error, findings, sectionHref } = props
  const blocked = signOff.status !== 'signed_off' && findings.length > 0
  const sections = record.sections.filter((s) => signOff.sectionIds.includes(s.section.id))
  const title = `Justering, ${committee.name} ${formatLongDate(meeting.meetsOn)}`
  const signed = new Set(signOff.signatures.map((s) => s.personId))
  return (
    <AdminLayout
      title={title}
      view={view}
      breadcrumbs={
        sectionHref
          ? [
              ...meetingBreadcrumbs(committee, meeting),
              { href: minutesPaths.overview(committee.slug, meeting.slug), label: 'Protokoll' },
              { label: 'Justering' },
            ]
          : [{ href: '/admin', label: 'Arbetsrum' }, { label: 'Justering' }]
      }
    >
      <h1>{title}</h1>
      <SavedNotice
        text={
          props.saved
            ? 'Din justering är registrerad.'
            : props.commented
              ? 'Din synpunkt är skickad till sekreteraren.'
              : undefined
        }
      />
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
      {signOff.status !== 'signed_off' && (
        <p>
          Nedan står protokollet som det publiceras när det är justerat
          {sections.some((s) => s.section.confidential)
            ? '; paragrafer med sekretess visas här i sin helhet men publiceras bara med nummer och rubriken ”Ärende som omfattas av sekretess”'
            : ''}
          . Har du synpunkter på en paragraf, skriv dem till sekreteraren under paragrafen innan du justerar.{' '}
          <a href={minutesPaths.draftPdf(signOff.id)} type="application/pdf">
            Utkastet som PDF
          </a>
        </p>
      )}
      <section aria-labelledby="utkast-rubrik" class="draft-minutes">
        <h2 id="utkast-rubrik">
          {signOff.status === 'signed_off' ? 'Protokollet' : 'Utkast till protokoll'}, {committee.name}
        </h2>
        <dl class="facts">
          <dt>Tid</dt>
          <dd>
            {formatLongDate(meeting.meetsOn)} {formatTimeSpan(meeting.startTime, meeting.endTime)}
          </dd>
          <dt>Plats</dt>
          <dd>{meeting.location ?? 'Inte angiven'}</dd>
        </dl>
        <MinutesCover record={record} names={names} />
        <h2 id="paragrafer">Paragrafer att justera</h2>
        {sections.map((entry) => (
          <SectionView
            key={entry.section.id}
            entry={entry}
            names={names}
            confidentialShown
            after={
              <SignatoryComments
                entry={entry}
                comments={props.comments.filter((c) => c.sectionId === entry.section.id)}
                personName={personName}
                form={
                  props.mayComment
                    ? {
                        action: minutesPaths.comment(signOff.id),
                        token: view.csrfToken,
                        refused:
                          props.commentRefused?.sectionId === entry.section.id
                            ? props.commentRefused
                            : undefined,
                      }
                    : undefined
                }
              />
            }
          />
        ))}
      </section>
      {signOff.status !== 'signed_off' && props.signingMethod === 'oidc' && (
        <p>
          {error && <span class="error-message">{error} </span>}
          <a class="button" href={`${minutesPaths.sign(signOff.id)}/e-legitimation`}>
            Justera med e-legitimation
          </a>
          {sectionHref && (
            <>
              {' '}
              Personnumret i e-legitimationen jämförs med det som är registrerat under{' '}
              <a href={identityNumbersPath(committee.slug)}>Personnummer för e-legitimation</a>.
            </>
          )}
        </p>
      )}
      {signOff.status !== 'signed_off' && props.signingMethod === 'paper' && (
        <p>
          {error && <span class="error-message">{error} </span>}
          Nämnden justerar protokollet på papper. Sekreteraren{' '}
          <a href={`${minutesPaths.sign(signOff.id)}/papper`}>registrerar justeringen på papper</a> med den
          skannade försättssidan.
        </p>
      )}
      {signOff.status !== 'signed_off' && (props.signingMethod ?? 'password') === 'password' && (
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
