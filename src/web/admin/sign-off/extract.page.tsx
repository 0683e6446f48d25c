import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import type { SectionRecord } from '../../../domain/minutes/minutes-record.ts'
import { ExtractBody } from '../../portal/extract.view.tsx'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatLongDate } from '../../views/format.ts'
import type { MinutesData } from '../minutes/minutes.data.ts'
import { minutesPaths } from '../minutes/minutes.paths.ts'

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
      <ExtractBody
        committeeName={committee.name}
        meetingDate={date}
        entry={entry}
        names={names}
        appointed={data.record?.signatoryIds ?? []}
        secretaryId={data.record?.minutes.secretaryPersonId ?? null}
        confidentialShown
      />
    </AdminLayout>
  )
}
