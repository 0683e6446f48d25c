import type { Db } from '../../db/database.ts'
import { inTransaction } from '../../db/database.ts'
import type { DocumentStore } from '../../storage/document-store.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import type { UploadedFile, UploadOptions } from '../document/document-upload.service.ts'
import { uploadDocument } from '../document/document-upload.service.ts'
import { getOrganisationIdOfMeeting } from '../meeting/meeting.reads.ts'
import { getMeeting } from '../meeting/meeting.service.ts'
import { getMinutes, listSignatoryIds } from '../minutes/minutes.reads.ts'
import type { Notice } from '../notice-board/notice.ts'
import { postMinutesNotice } from '../notice-board/notice-board.service.ts'
import type { Actor } from '../shared/actor.ts'
import { isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { findSignOff, setPaperDocument } from './sign-off.repository.ts'
import { signSections } from './sign-off.service.ts'
import type { SignOff } from './sign-off.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    paper_sign_off_in_future: undefined
    signed_off_already: undefined
    signing_method_not_paper: undefined
    sign_off_before_meeting: undefined
  }
}

export interface PaperSignOffInput {
  signOffId: number
  /** The day the signatories signed the paper minutes: the sign-off date (justeringsdag). */
  signedOnPaperOn: string
  /** Today, in Swedish time: the notice goes up today (KL 8:12), not on the day signed. */
  today: string
  /** The scanned signed cover (PDF, PNG or JPEG), checked as every upload is. */
  file: UploadedFile
}

/**
 * The secretary records that the appointed signatories signed the minutes on paper on a day, with
 * the scanned signed cover as an archival document (arkivhandling). Each signature goes through the
 * same signing code as a password (signSections): the last one signs the §§ off, seals them and
 * audits; the notice goes up today (KL 8:12) in the same transaction.
 *
 * The scan is an allmän handling and not secret (the names of the signatories are in the public
 * minutes anyway), so it is not marked confidential; but it is not published on the portal: it
 * shows handwritten signatures, which the public minutes do not need (GDPR art. 5.1 c). Anyone may
 * ask for it (TF 2:12); the secretary reaches it from the sign-off page.
 */
export async function recordPaperSignOff(
  db: Db,
  store: DocumentStore,
  actor: Actor,
  input: PaperSignOffInput,
  options: UploadOptions = {},
): Promise<{ signOff: SignOff; notice: Notice | undefined }> {
  if (!isIsoDate(input.signedOnPaperOn))
    throw new InvalidInputError('date_malformed', 'the sign-off date must be YYYY-MM-DD', 'signedOnPaperOn')
  if (input.signedOnPaperOn > input.today)
    throw new InvalidInputError(
      'paper_sign_off_in_future',
      'the minutes cannot be signed on paper after today',
      'signedOnPaperOn',
    )
  const signOff = await findSignOff(db, input.signOffId)
  if (!signOff) throw new InvalidStateError('sign_off_missing', `sign-off ${input.signOffId} not found`)
  if (signOff.status === 'signed_off')
    throw new InvalidStateError('signed_off_already', 'these §§ are signed off already')
  const minutes = await getMinutes(db, signOff.minutesId)
  const meeting = await getMeeting(db, minutes.meetingId)
  const settings = await getCommitteeSettings(db, meeting.committeeId)
  if (settings.signingMethod !== 'paper')
    throw new InvalidStateError(
      'signing_method_not_paper',
      'the committee does not sign its minutes on paper',
    )
  if (input.signedOnPaperOn < meeting.meetsOn)
    throw new InvalidInputError(
      'sign_off_before_meeting',
      'the minutes cannot be signed before the meeting',
      'signedOnPaperOn',
    )
  const document = await uploadDocument(
    db,
    store,
    actor,
    {
      ...input.file,
      organisationId: await getOrganisationIdOfMeeting(db, meeting.id),
      title: `Justerat protokoll, undertecknat på papper ${input.signedOnPaperOn}`,
      kind: 'protokoll',
      confidential: false,
      datedOn: input.signedOnPaperOn,
    },
    options,
  )
  return inTransaction(db, async (trx) => {
    await setPaperDocument(trx, signOff.id, document.id)
    const appointed = await listSignatoryIds(trx, minutes.id)
    const already = new Set(signOff.signatures.map((s) => s.personId))
    let current: SignOff = signOff
    for (const personId of appointed.filter((id) => !already.has(id))) {
      current = await signSections(trx, actor, {
        signOffId: signOff.id,
        personId,
        on: input.signedOnPaperOn,
        method: 'paper',
        evidence: { signedOnPaperOn: input.signedOnPaperOn, documentId: document.id },
        signedAt: `${input.signedOnPaperOn}T12:00:00.000Z`,
      })
    }
    const notice =
      current.status === 'signed_off'
        ? await postMinutesNotice(trx, actor, { signOffId: signOff.id, postedOn: input.today })
        : undefined
    return { signOff: current, notice }
  })
}
