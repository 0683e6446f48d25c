import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import type { SignOff } from '../../../domain/sign-off/sign-off.ts'
import { AdminLayout, type AdminView } from '../../views/admin-layout.tsx'
import { formatDate, formatLongDate } from '../../views/format.ts'
import { meetingBreadcrumbs, minutesPaths } from '../minutes/minutes.paths.ts'
import { CsrfField } from '../shared/form.view.tsx'

/** The secretary records that the signatories signed on paper, with the scanned signed cover. */
export function PaperSignOffPage(props: {
  view: AdminView
  committee: Committee
  meeting: Meeting
  signOff: SignOff
  signatories: string[]
  action: string
  signedOn: string
  errors: Record<string, string>
}) {
  const { view, committee, meeting, signOff, signatories, errors } = props
  const title = `Justering på papper, ${committee.name} ${formatLongDate(meeting.meetsOn)}`
  return (
    <AdminLayout
      title={title}
      view={view}
      breadcrumbs={[
        ...meetingBreadcrumbs(committee, meeting),
        { href: minutesPaths.sign(signOff.id), label: 'Justering' },
        { label: 'På papper' },
      ]}
    >
      <h1>{title}</h1>
      {signOff.status === 'signed_off' ? (
        <p>Paragraferna justerades {formatDate(signOff.signedOffOn as string)}.</p>
      ) : (
        <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
          <CsrfField token={view.csrfToken} />
          <p>
            Justerarna {signatories.join(' och ')} har skrivit under protokollet på papper. Ange dagen de
            skrev under och ladda upp den skannade, undertecknade försättssidan (PDF, PNG eller JPEG). Den
            sparas som arkivhandling; den visas inte på webbplatsen men lämnas ut på begäran.
          </p>
          <div class="field">
            <label for="signedOn">Justerat den</label>
            {errors.signedOn && (
              <p class="error" id="signedOn-fel">
                {errors.signedOn}
              </p>
            )}
            <input id="signedOn" name="signedOn" type="date" value={props.signedOn} required />
          </div>
          <div class="field">
            <label for="file">Skannad försättssida med underskrifterna</label>
            {errors.file && (
              <p class="error" id="file-fel">
                {errors.file}
              </p>
            )}
            <input id="file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg" required />
          </div>
          <button type="submit">Registrera justeringen</button>
        </form>
      )}
    </AdminLayout>
  )
}
