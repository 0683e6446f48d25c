import { agendaItemStatusLabels } from '../../domain/agenda/agenda-item.ts'
import { meetingStatusLabels } from '../../domain/meeting/meeting.ts'
import { sectionRange } from '../../domain/notice-board/notice-board.service.ts'
import type { PublicMeeting } from '../../domain/publication/public-meeting.ts'
import { paths } from '../paths.ts'
import { AttachmentLink } from '../views/attachment-link.tsx'
import { formatDate, formatLongDate, formatTimeSpan } from '../views/format.ts'
import { Layout } from '../views/layout.tsx'
import { PointText, StructuredText } from '../views/structured-text.tsx'

/** A meeting: when and where, its agenda with documents and changes, and a link to the minutes once signed off. */
export function MeetingPage({ view }: { view: PublicMeeting }) {
  const { committee, meeting, agenda, minutes } = view
  const numbers = new Map(minutes?.sections.map((s) => [s.section.id, s.section.number]))
  const signedOff = minutes?.signOffs.filter((s) => s.status === 'signed_off' && s.signedOffOn) ?? []
  const title = `${committee.name} ${formatLongDate(meeting.meetsOn)}`
  const changes = agenda.flatMap((e) => e.changes)
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: paths.start(), label: 'Start' },
        { href: paths.committee(committee.slug), label: committee.name },
        { label: formatLongDate(meeting.meetsOn) },
      ]}
      alternates={[
        {
          href: paths.committeeCalendar(committee.slug),
          title: `${committee.name}: kalender`,
          type: 'text/calendar',
        },
        {
          href: paths.committeeFeed(committee.slug),
          title: `${committee.name}: kallelser och protokoll`,
          type: 'application/atom+xml',
        },
        {
          href: paths.agendaJson(committee.slug, meeting.slug),
          title: `${title}: dagordning som öppna data (JSON)`,
          type: 'application/json',
        },
      ]}
    >
      <h1>
        {committee.name}, sammanträde {formatLongDate(meeting.meetsOn)}
      </h1>
      <dl class="facts">
        <dt>Tid</dt>
        <dd>{formatTimeSpan(meeting.startTime, meeting.endTime) || 'Inte bestämd'}</dd>
        <dt>Plats</dt>
        <dd>{meeting.location ?? 'Inte bestämd'}</dd>
        <dt>Status</dt>
        <dd>{meetingStatusLabels[meeting.status]}</dd>
        <dt>Allmänheten</dt>
        <dd>
          {view.openToPublic
            ? 'Sammanträdet är öppet för allmänheten, utom när ärenden om myndighetsutövning mot enskilda eller med sekretess behandlas (KL 6:25).'
            : 'Sammanträdet är inte öppet för allmänheten (KL 6:25).'}
        </dd>
        {meeting.cancellationReason && (
          <>
            <dt>Orsak</dt>
            <dd>{meeting.cancellationReason}</dd>
          </>
        )}
      </dl>
      <p>
        <a href={paths.meetingCalendar(committee.slug, meeting.slug)}>Lägg till i kalendern (iCal)</a>
      </p>
      <section aria-labelledby="dagordning">
        <h2 id="dagordning">Dagordning</h2>
        {agenda.length === 0 ? (
          <p>Det finns ingen information att visa.</p>
        ) : (
          <ol class="agenda">
            {agenda.map(({ item, attachments }) => (
              <li key={item.id} id={`punkt-${item.number ?? item.position}`}>
                {item.heading && <p class="muted">{item.heading}</p>}
                <h3>
                  <span class="number">{item.number ?? item.position}</span>
                  {item.title ?? 'Ärende'}
                  {item.status !== 'active' && (
                    <span class="status"> {agendaItemStatusLabels[item.status]}</span>
                  )}
                </h3>
                {view.registryNumbers.ofItem.has(item.id) && (
                  <p class="muted">
                    <a href={paths.matter(view.registryNumbers.ofItem.get(item.id) as string)}>
                      Dnr {view.registryNumbers.ofItem.get(item.id)}
                    </a>
                  </p>
                )}
                {item.summary && <StructuredText text={item.summary} />}
                {item.proposal.length > 0 && (
                  <>
                    <h4>Förslag till beslut</h4>
                    <ol>
                      {item.proposal.map((point) => (
                        <li key={point}>
                          <PointText point={point} />
                        </li>
                      ))}
                    </ol>
                  </>
                )}
                {attachments.length > 0 && (
                  <>
                    <h4>Bilagor</h4>
                    <ul>
                      {attachments.map((d) => (
                        <li key={d.id}>
                          <AttachmentLink document={d} />
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
        <p>
          <a href={paths.agendaJson(committee.slug, meeting.slug)} type="application/json">
            Hämta som öppna data (JSON)
          </a>
        </p>
        {changes.length > 0 && (
          <>
            <h3>Ändringar sedan kallelsen publicerades</h3>
            <ul>
              {changes.map((c) => (
                <li key={c.id}>{c.description}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="protokoll">
        <h2 id="protokoll">Protokoll</h2>
        {minutes ? (
          <>
            <ul>
              {signedOff.map((s) => (
                <li key={s.id}>
                  {sectionRange(s.sectionIds.map((id) => numbers.get(id) ?? 0).filter(Boolean))} justerade{' '}
                  {formatDate(s.signedOffOn as string)}
                  {s.immediate ? ' (omedelbar justering)' : ''}
                </li>
              ))}
            </ul>
            <p>
              <a href={paths.minutes(committee.slug, meeting.slug)}>
                Läs protokollet från {formatLongDate(meeting.meetsOn)}
              </a>
            </p>
          </>
        ) : (
          <p>Inget protokoll har publicerats.</p>
        )}
      </section>
    </Layout>
  )
}
