import { inTransaction, type Queryable, type Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import { getOrganisationIdOfMeeting } from '../meeting/meeting.reads.ts'
import { changeMeetingStatus, getMeeting } from '../meeting/meeting.service.ts'
import { getMinutes, listSectionRows, listSignatoryIds } from '../minutes/minutes.reads.ts'
import { setMinutesStatus } from '../minutes/minutes.service.ts'
import type { Minutes } from '../minutes/minutes.ts'
import { readMinutesRecord } from '../minutes/minutes-record.ts'
import { assertNoPersonalIdentityNumbersInSections } from '../publication/minutes-identity-number-scan.ts'
import { reindexMeeting } from '../search/search.service.ts'
import type { Actor } from '../shared/actor.ts'
import { isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError, InvalidStateError, type RefusalReason } from '../shared/errors.ts'
import { sealSignOff } from './record-seal.service.ts'
import {
  getSignOffForUpdate,
  insertSignature,
  insertSignOff,
  listSectionsInSignOffs,
  markSignedOff,
} from './sign-off.repository.ts'
import { allHaveSigned, type SignOff } from './sign-off.ts'
import type { SignatureEvidence, SigningMethod } from './signing-method.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    signing_method_not_password: undefined
    signatories_missing: undefined
    signing_by_non_signatory: undefined
    signed_already: undefined
    sign_off_sections_missing: undefined
    section_not_in_minutes: undefined
    sections_in_sign_off: undefined
  }
}

/**
 * Puts §§ up for sign-off by the appointed signatories: all the remaining §§ after the meeting, or
 * chosen §§ at the meeting (omedelbar justering, where the committee allows it).
 */
export async function prepareSignOff(
  trx: Trx,
  actor: Actor,
  input: { minutesId: number; sectionNumbers: number[]; immediate?: boolean },
): Promise<SignOff> {
  const minutes = await getMinutes(trx, input.minutesId)
  const meeting = await getMeeting(trx, minutes.meetingId)
  const settings = await getCommitteeSettings(trx, meeting.committeeId)
  if (input.immediate && !settings.immediateSignOffAllowed) {
    throw new InvalidInputError(
      'immediate_sign_off_not_allowed',
      'the committee does not sign off single §§ at the meeting',
      'immediate',
    )
  }
  if ((await listSignatoryIds(trx, minutes.id)).length === 0)
    throw new InvalidStateError('signatories_missing', 'appoint the signatories first')
  const sectionIds = await sectionIdsFor(trx, minutes, input.sectionNumbers)
  const id = await insertSignOff(trx, {
    minutesId: minutes.id,
    sectionIds,
    immediate: input.immediate ?? false,
    status: 'pending',
    signedOffOn: null,
  })
  if (minutes.status === 'draft') await setMinutesStatus(trx, minutes, 'awaiting_sign_off')
  await audit(trx, actor, 'minutes.sign_off_prepared', minutes, {
    sectionNumbers: input.sectionNumbers,
    immediate: input.immediate,
  })
  return getSignOffForUpdate(trx, id)
}

/** One signature: by whom, on which day, and how (a password unless said). */
export interface SignInput {
  signOffId: number
  personId: number
  on: string
  method?: SigningMethod
  evidence?: SignatureEvidence
  /** When it was signed, if not now (a paper signature: noon of the day signed on paper). */
  signedAt?: string
}

/**
 * A signatory signs. When the last appointed signatory has signed, the §§ are signed off on that
 * day and locked; when every § is, the minutes are. The sign-off row is locked while this runs, so
 * two signatories signing at the same moment cannot both miss being the last. Every signature is
 * refused while a public text of the §§ holds a personal identity number (P3), with the places.
 */
export async function signSections(db: Queryable, actor: Actor, input: SignInput): Promise<SignOff> {
  if (!isIsoDate(input.on))
    throw new InvalidInputError('date_malformed', 'the sign-off date must be YYYY-MM-DD', 'on')
  return inTransaction(db, async (trx) => {
    const signOff = await getSignOffForUpdate(trx, input.signOffId)
    if (signOff.status === 'signed_off')
      throw new InvalidStateError('signed_off_already', 'these §§ are signed off already')
    const minutes = await getMinutes(trx, signOff.minutesId)
    const method = input.method ?? 'password'
    await assertCommitteeSignsWith(trx, minutes, method)
    const appointed = await listSignatoryIds(trx, minutes.id)
    if (!appointed.includes(input.personId))
      throw new InvalidStateError(
        'signing_by_non_signatory',
        'only the appointed signatories sign the minutes',
      )
    if (signOff.signatures.some((s) => s.personId === input.personId))
      throw new InvalidStateError('signed_already', 'you have signed already')
    await assertPublishable(trx, minutes, signOff)
    await insertSignature(trx, signOff.id, input.personId, input.signedAt ?? new Date().toISOString(), {
      method,
      ...(input.evidence ? { evidence: input.evidence } : {}),
    })
    const signedBy = [...signOff.signatures.map((s) => s.personId), input.personId]
    await audit(trx, actor, 'minutes.signed', minutes, {
      signOffId: signOff.id,
      personId: input.personId,
      method,
    })
    if (allHaveSigned(appointed, signedBy)) await completeSignOff(trx, actor, minutes, signOff.id, input.on)
    return getSignOffForUpdate(trx, signOff.id)
  })
}

const otherMethodRefusals: Record<SigningMethod, [RefusalReason, string]> = {
  password: ['signing_method_not_password', 'the committee does not sign with a password'],
  oidc: ['signing_method_not_oidc', 'the committee does not sign with e-legitimation'],
  paper: ['signing_method_not_paper', 'the committee does not sign its minutes on paper'],
}

// The committee decides how its minutes are signed (its reglemente): a signature made any other way
// is refused, so a password cannot stand in where the committee requires an e-legitimation.
async function assertCommitteeSignsWith(db: Queryable, minutes: Minutes, method: SigningMethod) {
  const meeting = await getMeeting(db, minutes.meetingId)
  const settings = await getCommitteeSettings(db, meeting.committeeId)
  if (settings.signingMethod !== method) throw new InvalidStateError(...otherMethodRefusals[method])
}

// Signed-off §§ are public at once (TF 2:10) and on the portal the same moment, so no signatory
// signs what could not be published (P3; GDPR art. 87): the secretary removes the number or marks
// the § confidential first. Checked at every signature, not only the last, inside the transaction.
async function assertPublishable(db: Queryable, minutes: Minutes, signOff: SignOff): Promise<void> {
  const record = await readMinutesRecord(db, minutes.meetingId)
  assertNoPersonalIdentityNumbersInSections(
    (record?.sections ?? []).filter((s) => signOff.sectionIds.includes(s.section.id)),
  )
}

/**
 * Records a sign-off that has already happened, as a published protocol states it (imports): the
 * §§, the day and who signed. Not scanned for personal identity numbers: the protocol is public
 * already and is imported as published; publicMinutesRecord masks any number it holds (P3).
 */
export async function recordSignOff(
  trx: Trx,
  actor: Actor,
  input: {
    minutesId: number
    sectionNumbers: number[]
    signedOffOn: string
    immediate: boolean
    signatoryPersonIds: number[]
  },
): Promise<SignOff> {
  if (!isIsoDate(input.signedOffOn))
    throw new InvalidInputError('date_malformed', 'the sign-off date must be YYYY-MM-DD', 'signedOffOn')
  const minutes = await getMinutes(trx, input.minutesId)
  const sectionIds = await sectionIdsFor(trx, minutes, input.sectionNumbers)
  const id = await insertSignOff(trx, {
    minutesId: minutes.id,
    sectionIds,
    immediate: input.immediate,
    status: 'pending',
    signedOffOn: null,
  })
  const signedAt = `${input.signedOffOn}T12:00:00.000Z`
  for (const personId of new Set(input.signatoryPersonIds))
    await insertSignature(trx, id, personId, signedAt, { method: 'as_published' })
  await completeSignOff(trx, actor, minutes, id, input.signedOffOn)
  return getSignOffForUpdate(trx, id)
}

async function completeSignOff(trx: Trx, actor: Actor, minutes: Minutes, signOffId: number, on: string) {
  await markSignedOff(trx, signOffId, on)
  // Tamper evidence: what was signed off is sealed and chained in the committee's series.
  const seal = await sealSignOff(trx, signOffId)
  await audit(trx, actor, 'minutes.sections_signed_off', minutes, { signOffId, on, seal: seal.hash })
  const sections = await listSectionRows(trx, [minutes.id])
  const done = (
    await listSectionsInSignOffs(
      trx,
      sections.map((s) => s.id),
    )
  ).filter((s) => s.status === 'signed_off')
  if (sections.length > 0 && done.length === sections.length) {
    const current = await getMinutes(trx, minutes.id)
    await setMinutesStatus(trx, current, 'signed_off')
    const meeting = await getMeeting(trx, minutes.meetingId)
    if (meeting.status === 'minutes_draft') await changeMeetingStatus(trx, actor, meeting, 'signed_off')
  }
  await reindexMeeting(trx, minutes.meetingId) // signed-off §§ are public (TF 2:10)
}

async function sectionIdsFor(db: Queryable, minutes: Minutes, numbers: number[]): Promise<number[]> {
  if (numbers.length === 0)
    throw new InvalidInputError('sign_off_sections_missing', 'choose the §§ to sign off', 'sectionNumbers')
  const sections = await listSectionRows(db, [minutes.id])
  const ids = numbers.map((n) => {
    const section = sections.find((s) => s.number === n)
    if (!section)
      throw new InvalidInputError(
        'section_not_in_minutes',
        `§ ${n} is not in these minutes`,
        'sectionNumbers',
      )
    return section.id
  })
  const taken = await listSectionsInSignOffs(db, ids)
  if (taken.length > 0) {
    const numbersTaken = sections.filter((s) => taken.some((t) => t.sectionId === s.id)).map((s) => s.number)
    throw new InvalidStateError('sections_in_sign_off', `§ ${numbersTaken.join(', ')} already in a sign-off`)
  }
  return ids
}

async function audit(trx: Trx, actor: Actor, action: string, minutes: Minutes, after: unknown) {
  const organisationId = await getOrganisationIdOfMeeting(trx, minutes.meetingId)
  await recordAudit(
    trx,
    actor,
    action,
    { type: 'minutes', id: minutes.id, organisationId },
    {
      after,
    },
  )
}
