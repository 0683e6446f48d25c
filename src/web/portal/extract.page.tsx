import type { SectionRecord } from '../../domain/minutes/minutes-record.ts'
import type { PublicMeeting } from '../../domain/publication/public-meeting.ts'
import { paths } from '../paths.ts'
import { formatLongDate } from '../views/format.ts'
import { Layout } from '../views/layout.tsx'
import { ExtractBody } from './extract.view.tsx'
import type { Names } from './minutes.view.tsx'

/**
 * A printable extract (protokollsutdrag) of one signed-off, public §: the committee, the meeting,
 * the § as minuted, its sign-off and signatories, and the secretary's attestation that it is a true copy.
 */
export function ExtractPage({
  view,
  entry,
  names,
}: {
  view: PublicMeeting
  entry: SectionRecord
  names: Names
}) {
  const { committee, meeting, minutes } = view
  const date = formatLongDate(meeting.meetsOn)
  const title = `Protokollsutdrag ${entry.section.label}, ${committee.name} ${date}`
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: paths.start(), label: 'Start' },
        { href: paths.committee(committee.slug), label: committee.name },
        { href: paths.meeting(committee.slug, meeting.slug), label: date },
        { href: paths.minutes(committee.slug, meeting.slug), label: 'Protokoll' },
        { label: `Utdrag ${entry.section.label}` },
      ]}
    >
      <h1>Protokollsutdrag</h1>
      <ExtractBody
        committeeName={committee.name}
        meetingDate={date}
        entry={entry}
        names={names}
        appointed={minutes?.signatoryIds ?? []}
        secretaryId={minutes?.minutes.secretaryPersonId ?? null}
      />
      <p>
        <a href={paths.section(committee.slug, meeting.slug, entry.section.number)}>
          Hela protokollet vid {entry.section.label}
        </a>
      </p>
    </Layout>
  )
}
