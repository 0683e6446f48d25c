import type { SectionRecord } from '../../domain/minutes/minutes-record.ts'
import type { PublicMeeting } from '../../domain/publication/public-meeting.ts'
import { paths } from '../paths.ts'
import { formatDate, formatLongDate } from '../views/format.ts'
import { Layout } from '../views/layout.tsx'
import { type Names, SectionView } from './minutes.view.tsx'

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
  const signOff = entry.signOff
  // The signatories of this §'s sign-off: with immediate sign-off, §§ of one meeting may differ.
  const signatories = signOff?.signatures.length
    ? signOff.signatures.map((s) => s.personId)
    : (minutes?.signatoryIds ?? [])
  const secretaryId = minutes?.minutes.secretaryPersonId ?? null
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
      <dl class="facts">
        <dt>Nämnd</dt>
        <dd>{committee.name}</dd>
        <dt>Sammanträdesdatum</dt>
        <dd>{date}</dd>
        <dt>Justerat</dt>
        <dd>{signOff?.signedOffOn ? formatDate(signOff.signedOffOn) : 'Inte justerat'}</dd>
        <dt>Justerare</dt>
        <dd>{signatories.map((id) => names.person(id)).join(', ')}</dd>
      </dl>
      <SectionView entry={entry} names={names} />
      <section aria-labelledby="bestyrkande" class="attestation">
        <h2 id="bestyrkande">Utdragsbestyrkande</h2>
        <p>Utdraget överensstämmer med originalprotokollet.</p>
        <p>Sekreterare: {secretaryId ? names.person(secretaryId) : 'inte angiven'}</p>
      </section>
      <p>
        <a href={paths.section(committee.slug, meeting.slug, entry.section.number)}>
          Hela protokollet vid {entry.section.label}
        </a>
      </p>
    </Layout>
  )
}
