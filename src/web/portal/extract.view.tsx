import type { SectionRecord } from '../../domain/minutes/minutes-record.ts'
import { formatDate } from '../views/format.ts'
import { type Names, SectionView } from './minutes.view.tsx'

/**
 * The body of an extract (protokollsutdrag): the committee, the meeting day, the § as minuted with
 * its sign-off and signatories, and the secretary's attestation that it is a true copy. The portal
 * and the workspace print the same extract; only the workspace's may hold a confidential §.
 */
export function ExtractBody(props: {
  committeeName: string
  meetingDate: string
  entry: SectionRecord
  names: Names
  /** The appointed signatories, for a § whose sign-off has no signatures recorded. */
  appointed: readonly number[]
  secretaryId: number | null
  confidentialShown?: boolean
}) {
  const { entry, names } = props
  const signOff = entry.signOff
  // The signatories of this §'s sign-off: with immediate sign-off, §§ of one meeting may differ.
  const signatories = signOff?.signatures.length ? signOff.signatures.map((s) => s.personId) : props.appointed
  return (
    <>
      <dl class="facts">
        <dt>Nämnd</dt>
        <dd>{props.committeeName}</dd>
        <dt>Sammanträdesdatum</dt>
        <dd>{props.meetingDate}</dd>
        <dt>Justerat</dt>
        <dd>{signOff?.signedOffOn ? formatDate(signOff.signedOffOn) : 'Inte justerat'}</dd>
        <dt>Justerare</dt>
        <dd>{signatories.map((id) => names.person(id)).join(', ')}</dd>
      </dl>
      <SectionView entry={entry} names={names} confidentialShown={props.confidentialShown ?? false} />
      <section aria-labelledby="bestyrkande" class="attestation">
        <h2 id="bestyrkande">Utdragsbestyrkande</h2>
        <p>Utdraget överensstämmer med originalprotokollet.</p>
        <p>Sekreterare: {props.secretaryId ? names.person(props.secretaryId) : 'inte angiven'}</p>
      </section>
    </>
  )
}
