import type { Committee } from '../../../domain/committee/committee.ts'
import { type Meeting, meetingStatusLabels } from '../../../domain/meeting/meeting.ts'
import { paths } from '../../paths.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatLongDate, formatTimeSpan } from '../../views/format.ts'
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SavedNotice,
  TextAreaField,
  TextField,
} from '../shared/form.view.tsx'
import { scheduleLabels } from './meetings.page.tsx'
import type { NextStep } from './next-step.ts'
import { NextStepBox } from './next-step.view.tsx'

export const cancelLabels = { reason: 'Skäl till att sammanträdet ställs in' }

export interface MeetingPageProps {
  view: AdminView
  committee: Committee
  meeting: Meeting
  moveForm: FormState
  cancelForm: FormState
  /** The meeting as someone else saved it while this secretary was typing. */
  conflict?: Meeting | undefined
  saved?: string | undefined
  /** Where the meeting stands in its cycle and what comes next. */
  next?: NextStep | undefined
  /** The minutes in the workspace, for those who keep them once the meeting is under way. */
  minutesHref?: string | undefined
}

const movable = (m: Meeting) => m.status === 'planned' || m.status === 'notice_published'

/** One meeting in the workspace: what it is, where to prepare it, and moving or cancelling it. */
export function MeetingPage({
  view,
  committee,
  meeting,
  moveForm,
  cancelForm,
  conflict,
  saved,
  next,
  minutesHref,
}: MeetingPageProps) {
  const failed = Object.keys(moveForm.errors).length + Object.keys(cancelForm.errors).length > 0 || conflict
  const title = `Sammanträde ${formatLongDate(meeting.meetsOn)}`
  return (
    <AdminLayout
      title={`${failed ? 'Fel i formuläret – ' : ''}${title} – ${committee.name}`}
      view={view}
      breadcrumbs={[
        { href: paths.admin.start(), label: 'Arbetsrum' },
        { href: paths.admin.committee(committee.slug), label: committee.name },
        { href: paths.admin.meetings(committee.slug), label: 'Sammanträden' },
        { label: formatLongDate(meeting.meetsOn) },
      ]}
    >
      <h1>
        {committee.name}: {title}
      </h1>
      <SavedNotice text={saved} />
      <NextStepBox next={next} />
      <dl class="facts">
        <dt>Läge</dt>
        <dd>{meetingStatusLabels[meeting.status]}</dd>
        <dt>Tid</dt>
        <dd>{formatTimeSpan(meeting.startTime, meeting.endTime) || 'Inte angiven'}</dd>
        <dt>Plats</dt>
        <dd>{meeting.location ?? 'Inte angiven'}</dd>
        {meeting.cancellationReason && (
          <>
            <dt>Skäl till att det ställdes in</dt>
            <dd>{meeting.cancellationReason}</dd>
          </>
        )}
      </dl>
      <ul class="actions">
        <li>
          <a href={paths.admin.agenda(committee.slug, meeting.slug)}>Dagordning och handlingar</a>
        </li>
        {meeting.status === 'planned' && (
          <li>
            <a href={paths.admin.notice(committee.slug, meeting.slug)}>Publicera kallelsen</a>
          </li>
        )}
        {minutesHref && (
          <li>
            <a href={minutesHref}>Protokoll</a>
          </li>
        )}
        {meeting.status !== 'planned' && (
          <li>
            <a href={paths.meeting(committee.slug, meeting.slug)}>Sammanträdets publika sida</a>
          </li>
        )}
      </ul>
      {movable(meeting) && (
        <section aria-labelledby="flytta">
          <h2 id="flytta">Flytta sammanträdet</h2>
          {conflict && (
            <div class="error-summary" role="alert">
              <h3>Någon annan har ändrat sammanträdet medan du skrev</h3>
              <p>
                Nu sparat: {formatLongDate(conflict.meetsOn)},{' '}
                {formatTimeSpan(conflict.startTime, conflict.endTime) || 'ingen tid'},{' '}
                {conflict.location ?? 'ingen plats'}. Det du skrev står kvar nedan; spara igen för att ersätta
                det.
              </p>
            </div>
          )}
          <ErrorSummary errors={moveForm.errors} labels={scheduleLabels} />
          <form method="post" action={paths.admin.moveMeeting(committee.slug, meeting.slug)} novalidate>
            <CsrfField token={view.csrfToken} />
            <input
              type="hidden"
              name="version"
              value={String(conflict?.version ?? moveForm.values.version ?? meeting.version)}
            />
            <TextField
              name="meetsOn"
              label={scheduleLabels.meetsOn}
              type="date"
              required
              hint="Som ÅÅÅÅ-MM-DD."
              form={moveForm}
            />
            <TextField
              name="startTime"
              label={scheduleLabels.startTime}
              short
              hint="Som TT:MM."
              form={moveForm}
            />
            <TextField
              name="endTime"
              label={scheduleLabels.endTime}
              short
              hint="Som TT:MM."
              form={moveForm}
            />
            <TextField name="location" label={scheduleLabels.location} form={moveForm} />
            <button type="submit">Spara</button>
          </form>
        </section>
      )}
      {movable(meeting) && (
        <section aria-labelledby="stall-in">
          <h2 id="stall-in">Ställ in sammanträdet</h2>
          <p>Skälet visas på nämndens publika sida.</p>
          <ErrorSummary errors={cancelForm.errors} labels={cancelLabels} />
          <form method="post" action={paths.admin.cancelMeeting(committee.slug, meeting.slug)} novalidate>
            <CsrfField token={view.csrfToken} />
            <input type="hidden" name="cancelVersion" value={String(meeting.version)} />
            <TextAreaField name="reason" label={cancelLabels.reason} rows={2} form={cancelForm} />
            <button type="submit" class="secondary">
              Ställ in sammanträdet
            </button>
          </form>
        </section>
      )}
    </AdminLayout>
  )
}
