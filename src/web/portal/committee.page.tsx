import type { Committee } from '../../domain/committee/committee.ts'
import type { Meeting } from '../../domain/meeting/meeting.ts'
import { meetingStatusLabels } from '../../domain/meeting/meeting.ts'
import { type Membership, membershipRoleLabels } from '../../domain/membership/membership.ts'
import type { Party, Person } from '../../domain/person/person.ts'
import { paths } from '../paths.ts'
import { formatLongDate, formatTimeSpan } from '../views/format.ts'
import { Layout } from '../views/layout.tsx'
import { subscribePaths } from './subscription.page.tsx'

export interface CommitteePageProps {
  committee: Committee
  memberships: Membership[]
  persons: Map<number, Person>
  parties: Map<number, Party>
  upcoming: Meeting[]
  /** The year whose past meetings are shown, and the years up to this one with meetings. */
  year: number
  years: number[]
  past: Meeting[]
}

/** A committee: its members and substitutes today, its upcoming meetings and one year's past meetings. */
export function CommitteePage({
  committee,
  memberships,
  persons,
  parties,
  upcoming,
  year,
  years,
  past,
}: CommitteePageProps) {
  const members = memberships.filter((m) => m.role !== 'substitute')
  const substitutes = memberships.filter((m) => m.role === 'substitute')
  const who = (m: Membership) => {
    const party = m.partyId ? parties.get(m.partyId)?.abbreviation : undefined
    return `${persons.get(m.personId)?.name ?? 'Okänd'}${party ? ` (${party})` : ''}`
  }
  return (
    <Layout
      title={committee.name}
      breadcrumbs={[{ href: paths.start(), label: 'Start' }, { label: committee.name }]}
    >
      <h1>{committee.name}</h1>
      <p>
        <a href={subscribePaths.committee(committee.slug)}>Bevaka {committee.name} via e-post</a>: kallelser
        och justerade protokoll.
      </p>
      <ul class="feed-links">
        <li>
          <a href={paths.committeeCalendar(committee.slug)}>Sammanträden i kalendern (iCal)</a>
        </li>
        <li>
          <a href={paths.committeeFeed(committee.slug)}>Flöde med kallelser och protokoll (Atom)</a>
        </li>
        <li>
          <a href={paths.committeeVotes(committee.slug)}>Alla omröstningar som tabell (CSV)</a>
        </li>
      </ul>
      <section aria-labelledby="kommande">
        <h2 id="kommande">Kommande sammanträden</h2>
        {upcoming.length === 0 ? (
          <p>Det finns inga sammanträden att visa än.</p>
        ) : (
          <Meetings committee={committee} list={upcoming} />
        )}
      </section>
      <section aria-labelledby="tidigare">
        <h2 id="tidigare">Tidigare sammanträden</h2>
        {years.length > 0 && (
          <nav aria-label="Sammanträden per år">
            <ul class="year-links">
              {years.map((y) => (
                <li key={y}>
                  {y === year ? (
                    <a href={`${paths.committee(committee.slug)}?ar=${y}`} aria-current="page">
                      {y}
                    </a>
                  ) : (
                    <a href={`${paths.committee(committee.slug)}?ar=${y}`}>{y}</a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        )}
        <section aria-labelledby={`ar-${year}`}>
          <h3 id={`ar-${year}`}>{year}</h3>
          {past.length === 0 ? (
            <p>Det finns inga tidigare sammanträden att visa för {year}.</p>
          ) : (
            <Meetings committee={committee} list={past} />
          )}
        </section>
      </section>
      <section aria-labelledby="ledamoter">
        <h2 id="ledamoter">Ledamöter</h2>
        {members.length === 0 ? (
          <p>Det finns inga ledamöter registrerade.</p>
        ) : (
          <ul>
            {members.map((m) => (
              <li key={m.id}>
                {who(m)}
                {m.role !== 'member' && `, ${membershipRoleLabels[m.role]}`}
              </li>
            ))}
          </ul>
        )}
        <h2>Ersättare</h2>
        {substitutes.length === 0 ? (
          <p>Det finns inga ersättare registrerade.</p>
        ) : (
          <ol>
            {substitutes.map((m) => (
              <li key={m.id}>{who(m)}</li>
            ))}
          </ol>
        )}
      </section>
    </Layout>
  )
}

function Meetings({ committee, list }: { committee: Committee; list: Meeting[] }) {
  return (
    <ul class="card-list">
      {list.map((meeting) => (
        <li key={meeting.id}>
          <a href={paths.meeting(committee.slug, meeting.slug)}>{formatLongDate(meeting.meetsOn)}</a>{' '}
          <span class="muted">{formatTimeSpan(meeting.startTime, meeting.endTime)}</span>{' '}
          <span class="status">{meetingStatusLabels[meeting.status]}</span>
        </li>
      ))}
    </ul>
  )
}
