import {
  type Committee,
  type CommitteeKind,
  committeeKindLabels,
  committeeKinds,
} from '../../domain/committee/committee.ts'
import type { Meeting } from '../../domain/meeting/meeting.ts'
import { paths } from '../paths.ts'
import { formatLongDate, formatTimeSpan } from '../views/format.ts'
import { Layout } from '../views/layout.tsx'

export interface StartPageProps {
  committees: Committee[]
  upcoming: Meeting[]
  recentMinutes: Meeting[]
}

/** The start page: committees grouped by kind, the next meetings and the latest signed-off minutes. */
export function StartPage({ committees, upcoming, recentMinutes }: StartPageProps) {
  const byId = new Map(committees.map((c) => [c.id, c]))
  const groups = committeeKinds
    .map((kind): [CommitteeKind, Committee[]] => [kind, committees.filter((c) => c.kind === kind)])
    .filter(([, list]) => list.length > 0)
  return (
    <Layout title="Nämnder och sammanträden">
      <h1>Nämnder och sammanträden</h1>
      <p>Kallelser, handlingar, protokoll och anslagstavla för kommunens nämnder.</p>
      <search>
        <form method="get" action={paths.search()} class="search-form">
          <label for="start-sok">Sök i dagordningar, protokoll och handlingar</label>{' '}
          <input type="search" id="start-sok" name="q" maxLength={500} /> <button type="submit">Sök</button>
        </form>
      </search>
      <section aria-labelledby="kommande">
        <h2 id="kommande">Kommande sammanträden</h2>
        {upcoming.length === 0 ? (
          <p>Det finns inga sammanträden att visa än.</p>
        ) : (
          <MeetingList meetings={upcoming} committees={byId} />
        )}
      </section>
      <section aria-labelledby="protokoll">
        <h2 id="protokoll">Senast justerade protokoll</h2>
        {recentMinutes.length === 0 ? (
          <p>Inget protokoll har publicerats.</p>
        ) : (
          <MeetingList meetings={recentMinutes} committees={byId} />
        )}
      </section>
      <section aria-labelledby="namnder">
        <h2 id="namnder">Nämnder och andra organ</h2>
        {groups.length === 0 && <p>Det finns inga nämnder att visa än.</p>}
        {groups.map(([kind, list]) => (
          <section key={kind} aria-labelledby={`grupp-${kind}`}>
            <h3 id={`grupp-${kind}`}>{committeeKindLabels[kind].many}</h3>
            <ul>
              {list.map((committee) => (
                <li key={committee.id}>
                  <a href={paths.committee(committee.slug)}>{committee.name}</a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </Layout>
  )
}

function MeetingList({ meetings, committees }: { meetings: Meeting[]; committees: Map<number, Committee> }) {
  return (
    <ul class="card-list">
      {meetings.map((meeting) => {
        const committee = committees.get(meeting.committeeId)
        if (!committee) return null
        return (
          <li key={meeting.id}>
            <a href={paths.meeting(committee.slug, meeting.slug)}>
              {committee.name}, {formatLongDate(meeting.meetsOn)}
            </a>
            {meeting.startTime && (
              <span class="muted"> {formatTimeSpan(meeting.startTime, meeting.endTime)}</span>
            )}
          </li>
        )
      })}
    </ul>
  )
}
