import type { Committee } from '../../../domain/committee/committee.ts'
import { type Meeting, meetingStatusLabels } from '../../../domain/meeting/meeting.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import type { SignOffReminder } from '../../../domain/sign-off/sign-off-reminder.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatLongDate, formatTimeSpan } from '../../views/format.ts'
import { usersPaths } from '../accounts/users.paths.ts'
import { feedbackPaths } from '../feedback/accessibility-feedback.page.tsx'
import { webhooksPaths } from '../webhooks/webhooks.paths.ts'
import { SignOffReminders } from './sign-off-reminders.view.tsx'

export interface StartPageProps {
  view: AdminView
  committees: Committee[]
  upcoming: Meeting[]
  /** Protocols not yet signed off, with their 14-day deadline (KL 5:69). */
  reminders?: Array<SignOffReminder & { href: string | undefined }>
  /** Where a meeting is worked on, for those who prepare it; undefined, the date is plain text. */
  meetingHref?: (committee: Committee, meeting: Meeting) => string | undefined
  /** The sign-offs waiting for my signature, as an appointed signatory (KL 5:69). */
  toSign?: Array<{ label: string; href: string }>
  organisations: Array<{
    organisation: Organisation
    manage: boolean
    createCommittee: boolean
    register: boolean
    /** Unhandled accessibility feedback, for its administrators (lag 2018:1937, 13 §). */
    unhandledFeedback?: number | undefined
  }>
}

/** The workspace start: my committees with their next meetings, and the organisations I keep. */
export function StartPage({
  view,
  committees,
  upcoming,
  reminders = [],
  organisations,
  meetingHref = () => undefined,
  toSign = [],
}: StartPageProps) {
  return (
    <AdminLayout title="Arbetsrum" view={view} section="start">
      <h1>Arbetsrum</h1>
      {toSign.length > 0 && (
        <section aria-labelledby="att-justera">
          <h2 id="att-justera">Att justera</h2>
          <p>Du är utsedd att justera de här protokollen. Läs protokollet och justera det.</p>
          <ul>
            {toSign.map((s) => (
              <li key={s.href}>
                <a href={s.href}>{s.label}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <SignOffReminders reminders={reminders} />
      <section aria-labelledby="mina-namnder">
        <h2 id="mina-namnder">Mina nämnder</h2>
        {committees.length === 0 ? (
          <p>Du har ingen behörighet för någon nämnd än. Kontakta din administratör.</p>
        ) : (
          <ul class="card-list">
            {committees.map((committee) => {
              const next = upcoming
                .filter((m) => m.committeeId === committee.id && m.status !== 'cancelled')
                .slice(0, 3)
              return (
                <li key={committee.id}>
                  <h3>
                    <a href={paths.admin.committee(committee.slug)}>{committee.name}</a>
                  </h3>
                  {next.length === 0 ? (
                    <p class="muted">Inga kommande sammanträden.</p>
                  ) : (
                    <ul>
                      {next.map((meeting) => (
                        <li key={meeting.id}>
                          {meetingHref(committee, meeting) ? (
                            <a href={meetingHref(committee, meeting)}>{formatLongDate(meeting.meetsOn)}</a>
                          ) : (
                            formatLongDate(meeting.meetsOn)
                          )}{' '}
                          {formatTimeSpan(meeting.startTime, meeting.endTime)}{' '}
                          <span class="status">{meetingStatusLabels[meeting.status]}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              )
            })}
          </ul>
        )}
      </section>
      {organisations.map(({ organisation, manage, createCommittee, register, unhandledFeedback }) => (
        <section key={organisation.id} aria-labelledby={`org-${organisation.id}`}>
          <h2 id={`org-${organisation.id}`}>{organisation.name}</h2>
          <ul class="actions">
            {manage && (
              <li>
                <a href={paths.admin.organisationSettings(organisation.slug)}>Lokala inställningar</a>
              </li>
            )}
            {createCommittee && (
              <li>
                <a href={paths.admin.newCommittee(organisation.slug)}>Ny nämnd eller utskott</a>
              </li>
            )}
            {register && (
              <>
                <li>
                  <a href={paths.admin.terms(organisation.slug)}>Mandatperioder</a>
                </li>
                <li>
                  <a href={paths.admin.parties(organisation.slug)}>Partier</a>
                </li>
                <li>
                  <a href={paths.admin.people(organisation.slug)}>Personer</a>
                </li>
              </>
            )}
            {manage && (
              <li>
                <a href={usersPaths.list(organisation.slug)}>Användare och roller</a>
              </li>
            )}
            {manage && (
              <li>
                <a href={paths.admin.auditLog('organisation', organisation.id)}>Ändringslogg</a>
              </li>
            )}
            {manage && (
              <li>
                <a href={webhooksPaths.list(organisation.slug)}>Webhooks</a>
              </li>
            )}
            {unhandledFeedback !== undefined && (
              <li>
                <a href={feedbackPaths.list()}>Synpunkter på tillgänglighet</a> ({unhandledFeedback}{' '}
                {unhandledFeedback === 1 ? 'obehandlad' : 'obehandlade'})
              </li>
            )}
          </ul>
        </section>
      ))}
    </AdminLayout>
  )
}
