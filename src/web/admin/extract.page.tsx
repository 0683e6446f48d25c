import type { Committee } from '../../domain/committee/committee.ts'
import type { Meeting } from '../../domain/meeting/meeting.ts'
import type { SectionRecord } from '../../domain/minutes/minutes-record.ts'
import { SectionView } from '../portal/minutes.view.tsx'
import { AdminLayout, type AdminView } from '../views/admin-layout.tsx'
import { formatDate, formatLongDate } from '../views/format.ts'
import type { MinutesData } from './minutes-data.ts'
import { minutesPaths } from './minutes-paths.ts'

/**
 * The extract (protokollsutdrag) of one signed-off § that the secretary sends to the matter's
 * recipients. Unlike the portal's, it holds a confidential § in full, marked as such: the person a
 * decision concerns is to have it, and the secrecy travels with it (OSL 26:1, 43 kap.).
 */
export function WorkspaceExtractPage(props: {
  view: AdminView
  committee: Committee
  meeting: Meeting
  data: MinutesData
  entry: SectionRecord
}) {
  const { view, committee, meeting, data, entry } = props
  const date = formatLongDate(meeting.meetsOn)
  const signOff = entry.signOff
  const signatories = signOff?.signatures.length
    ? signOff.signatures.map((s) => s.personId)
    : (data.record?.signatoryIds ?? [])
  const secretaryId = data.record?.minutes.secretaryPersonId ?? null
  const names = { person: data.personName, party: data.partyName }
  const title = `Protokollsutdrag ${entry.section.label}, ${committee.name} ${date}`
  return (
    <AdminLayout
      title={title}
      view={view}
      breadcrumbs={[
        { href: '/admin', label: 'Arbetsrum' },
        { href: minutesPaths.overview(committee.slug, meeting.slug), label: 'Protokoll' },
        { label: `Utdrag ${entry.section.label}` },
      ]}
    >
      <h1>Protokollsutdrag</h1>
      {entry.section.confidential && (
        <p class="warning">
          Sekretess: paragrafen omfattas av sekretess. Utdraget får lämnas till den som beslutet gäller; till
          andra bara efter en sekretessprövning.
        </p>
      )}
      <dl class="facts">
        <dt>Nämnd</dt>
        <dd>{committee.name}</dd>
        <dt>Sammanträdesdatum</dt>
        <dd>{date}</dd>
        <dt>Justerat</dt>
        <dd>{signOff?.signedOffOn ? formatDate(signOff.signedOffOn) : 'Inte justerat'}</dd>
        <dt>Justerare</dt>
        <dd>{signatories.map((id) => data.personName(id)).join(', ')}</dd>
      </dl>
      <SectionView entry={entry} names={names} confidentialShown />
      <section aria-labelledby="bestyrkande" class="attestation">
        <h2 id="bestyrkande">Utdragsbestyrkande</h2>
        <p>Utdraget överensstämmer med originalprotokollet.</p>
        <p>Sekreterare: {secretaryId ? data.personName(secretaryId) : 'inte angiven'}</p>
      </section>
    </AdminLayout>
  )
}
