import { meetingStatusLabels } from '../../domain/meeting/meeting.ts'
import type { PublicMeeting } from '../../domain/publication/public-meeting.ts'
import { paths } from '../paths.ts'
import { formatLongDate, formatTimeSpan } from '../views/format.ts'
import { Layout } from '../views/layout.tsx'
import { MinutesCover, MinutesSections, type Names } from './minutes.view.tsx'

/** The whole public protocol of a meeting: the cover, then every signed-off § with its own anchor. */
export function MinutesPage({ view, names, today }: { view: PublicMeeting; names: Names; today?: string }) {
  const { committee, meeting, minutes } = view
  const date = formatLongDate(meeting.meetsOn)
  return (
    <Layout
      title={`Protokoll ${committee.name} ${date}`}
      breadcrumbs={[
        { href: paths.start(), label: 'Start' },
        { href: paths.committee(committee.slug), label: committee.name },
        { href: paths.meeting(committee.slug, meeting.slug), label: date },
        { label: 'Protokoll' },
      ]}
      alternates={[
        {
          href: paths.committeeFeed(committee.slug),
          title: `${committee.name}: kallelser och protokoll`,
          type: 'application/atom+xml',
        },
        // Only signed-off minutes have a JSON version (it answers 404 before).
        ...(minutes
          ? [
              {
                href: paths.minutesJson(committee.slug, meeting.slug),
                title: `Protokoll ${committee.name} ${date}: öppna data (JSON)`,
                type: 'application/json' as const,
              },
              {
                href: paths.minutesPdf(committee.slug, meeting.slug),
                title: `Protokoll ${committee.name} ${date} (PDF/A)`,
                type: 'application/pdf' as const,
              },
            ]
          : []),
      ]}
    >
      <h1>
        Protokoll, {committee.name}, {date}
      </h1>
      <dl class="facts">
        <dt>Tid</dt>
        <dd>
          {date} {formatTimeSpan(meeting.startTime, meeting.endTime)}
        </dd>
        <dt>Plats</dt>
        <dd>{meeting.location ?? 'Inte angiven'}</dd>
        <dt>Status</dt>
        <dd>{meetingStatusLabels[meeting.status]}</dd>
      </dl>
      {minutes ? (
        <>
          <p>
            <a href={paths.minutesJson(committee.slug, meeting.slug)} type="application/json">
              Hämta som öppna data (JSON)
            </a>
          </p>
          <p>
            <a href={paths.minutesPdf(committee.slug, meeting.slug)} type="application/pdf">
              Protokollet som PDF/A
            </a>
          </p>
          <MinutesCover record={minutes} names={names} />
          <MinutesSections
            record={minutes}
            names={names}
            {...(today ? { today } : {})}
            extractHref={(n) => paths.extract(committee.slug, meeting.slug, n)}
          />
        </>
      ) : (
        <p>Inget protokoll har publicerats.</p>
      )}
      <p>
        <a href={paths.meeting(committee.slug, meeting.slug)}>Till sammanträdet och dagordningen</a>
      </p>
    </Layout>
  )
}
