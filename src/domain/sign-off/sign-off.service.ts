import { inTransaction, type Queryable, type Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import { getOrganisationIdOfMeeting } from '../meeting/meeting.reads.ts'
import { changeMeetingStatus, getMeeting } from '../meeting/meeting.service.ts'
import { getMinutes, listSectionRows, listSignatoryIds } from '../minutes/minutes.reads.ts'
import { setMinutesStatus } from '../minutes/minutes.service.ts'
import type { Minutes, Section } from '../minutes/minutes.ts'
import { readMinutesRecord } from '../minutes/minutes-record.ts'
import { assertNoPersonalIdentityNumbersInSections } from '../publication/minutes-identity-number-scan.ts'
import { reindexMeeting } from '../search/search.service.ts'
import type { Actor } from '../shared/actor.ts'
import { isIsoDate } from '../shared/calendar-date.ts'
import { DomainError, InvalidInputError, InvalidStateError, type RefusalReason } from '../shared/errors.ts'
import { sealSignOffs } from './record-seal.service.ts'
import {
  getSignOffForUpdate,
  insertSignature,
  insertSignatures,
  insertSignOff,
  insertSignOffSections,
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
    if (allHaveSigned(appointed, signedBy)) {
      await markSignedOff(trx, signOff.id, input.on)
      await completeSignOffs(trx, actor, minutes, [{ id: signOff.id, on: input.on }])
    }
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

export interface RecordedSignOffInput {
  sectionNumbers: number[]
  signedOffOn: string
  immediate: boolean
  signatoryPersonIds: number[]
}

/**
 * Records a sign-off that has already happened, as a published protocol states it (imports): the
 * §§, the day and who signed. Not scanned for personal identity numbers: the protocol is public
 * already and is imported as published; publicMinutesRecord masks any number it holds (P3).
 */
export async function recordSignOff(
  trx: Trx,
  actor: Actor,
  input: RecordedSignOffInput & { minutesId: number },
): Promise<SignOff> {
  const { minutesId, ...signOff } = input
  return (await recordSignOffs(trx, actor, { minutesId, signOffs: [signOff] }))[0] as SignOff
}

/**
 * Records the sign-offs of one minutes at once, each held to the rules of recordSignOff, which
 * records one through here: the minutes and their §§ are read once, the §§ of one sign-off can be
 * in no other, each sign-off is sealed in the order given from one reading of the record, and the
 * minutes become signed off when every § is. Returns each in order; a refused one undefined.
 */
export async function recordSignOffs(
  trx: Trx,
  actor: Actor,
  input: { minutesId: number; signOffs: readonly RecordedSignOffInput[] },
  options: { onRefused?: (index: number, error: DomainError) => void } = {},
): Promise<Array<SignOff | undefined>> {
  const minutes = await getMinutes(trx, input.minutesId)
  const sections = await listSectionRows(trx, [minutes.id])
  const taken = new Set(
    (
      await listSectionsInSignOffs(
        trx,
        sections.map((s) => s.id),
      )
    ).map((t) => t.sectionId),
  )
  const accepted: Array<(RecordedSignOffInput & { sectionIds: number[] }) | undefined> = []
  for (const [index, wanted] of input.signOffs.entries()) {
    try {
      if (!isIsoDate(wanted.signedOffOn))
        throw new InvalidInputError('date_malformed', 'the sign-off date must be YYYY-MM-DD', 'signedOffOn')
      const sectionIds = sectionIdsOf(sections, taken, wanted.sectionNumbers)
      for (const id of sectionIds) taken.add(id)
      accepted.push({ ...wanted, sectionIds })
    } catch (error) {
      if (!(error instanceof DomainError) || !options.onRefused) throw error
      options.onRefused(index, error)
      accepted.push(undefined)
    }
  }
  // Written signed off at once: the signatures the protocol states are all there are.
  const recorded: SignOff[] = []
  for (const signOff of accepted.filter((s) => s !== undefined)) {
    const id = await insertSignOff(trx, {
      minutesId: minutes.id,
      sectionIds: [],
      immediate: signOff.immediate,
      status: 'signed_off',
      signedOffOn: signOff.signedOffOn,
    })
    const signedAt = `${signOff.signedOffOn}T12:00:00.000Z`
    recorded.push({
      id,
      minutesId: minutes.id,
      // In § order, as a sign-off is read.
      sectionIds: sections.filter((s) => signOff.sectionIds.includes(s.id)).map((s) => s.id),
      signedOffOn: signOff.signedOffOn,
      immediate: signOff.immediate,
      status: 'signed_off',
      signatures: [...new Set(signOff.signatoryPersonIds)].map((personId) => ({
        personId,
        signedAt,
        method: 'as_published' as const,
      })),
    })
  }
  await insertSignOffSections(
    trx,
    recorded.map((r, i) => ({
      signOffId: r.id,
      sectionIds: (accepted.filter((s) => s !== undefined)[i] as { sectionIds: number[] }).sectionIds,
    })),
  )
  await insertSignatures(
    trx,
    recorded.flatMap((r) => r.signatures.map((s) => ({ signOffId: r.id, ...s }))),
  )
  const seals = await completeSignOffs(
    trx,
    actor,
    minutes,
    recorded.map((r) => ({ id: r.id, on: r.signedOffOn as string })),
  )
  let next = 0
  return accepted.map((s) => {
    if (s === undefined) return undefined
    const signOff = recorded[next] as SignOff
    const seal = seals[next++] as { hash: string }
    return { ...signOff, sealHash: seal.hash }
  })
}

/**
 * What follows once sign-offs of the minutes are complete: each is sealed and audited in order,
 * and when every § of the minutes is signed off the minutes and the meeting are; search is told.
 */
async function completeSignOffs(
  trx: Trx,
  actor: Actor,
  minutes: Minutes,
  signOffs: ReadonlyArray<{ id: number; on: string }>,
) {
  if (signOffs.length === 0) return []
  // Tamper evidence: what was signed off is sealed and chained in the committee's series.
  const seals = await sealSignOffs(
    trx,
    minutes.id,
    signOffs.map((s) => s.id),
  )
  const organisationId = await getOrganisationIdOfMeeting(trx, minutes.meetingId)
  for (const [i, { id, on }] of signOffs.entries())
    await audit(
      trx,
      actor,
      'minutes.sections_signed_off',
      minutes,
      { signOffId: id, on, seal: seals[i]?.hash },
      organisationId,
    )
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
  return seals
}

async function sectionIdsFor(db: Queryable, minutes: Minutes, numbers: number[]): Promise<number[]> {
  if (numbers.length === 0)
    throw new InvalidInputError('sign_off_sections_missing', 'choose the §§ to sign off', 'sectionNumbers')
  const sections = await listSectionRows(db, [minutes.id])
  const taken = (
    await listSectionsInSignOffs(
      db,
      sections.filter((s) => numbers.includes(s.number)).map((s) => s.id),
    )
  ).map((t) => t.sectionId)
  return sectionIdsOf(sections, new Set(taken), numbers)
}

/** The ids of the §§ numbered, none of them in a sign-off (`taken`) already. */
function sectionIdsOf(sections: readonly Section[], taken: ReadonlySet<number>, numbers: number[]): number[] {
  if (numbers.length === 0)
    throw new InvalidInputError('sign_off_sections_missing', 'choose the §§ to sign off', 'sectionNumbers')
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
  if (ids.some((id) => taken.has(id))) {
    const numbersTaken = sections.filter((s) => ids.includes(s.id) && taken.has(s.id)).map((s) => s.number)
    throw new InvalidStateError('sections_in_sign_off', `§ ${numbersTaken.join(', ')} already in a sign-off`)
  }
  return ids
}

async function audit(
  trx: Trx,
  actor: Actor,
  action: string,
  minutes: Minutes,
  after: unknown,
  /** The minutes' organisation, when the caller read it already. */
  known?: number,
) {
  const organisationId = known ?? (await getOrganisationIdOfMeeting(trx, minutes.meetingId))
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
