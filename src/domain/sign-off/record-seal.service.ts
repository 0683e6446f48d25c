import { randomBytes } from 'node:crypto'
import { inTransaction, type Queryable, type Trx } from '../../db/database.ts'
import { listRectifications } from '../minutes/minutes.reads.ts'
import { type MinutesRecord, readMinutesRecord, readMinutesRecords } from '../minutes/minutes-record.ts'
import type { Rectification } from '../minutes/rectification.ts'
import { groupBy } from '../shared/group-by.ts'
import { insertSeals, lastSealOfCommittee, listSeals, type RecordSeal } from './record-seal.repository.ts'
import { rectificationContent, type SealContent, sealDigests, signOffContent } from './record-seal.ts'

interface MeetingOfMinutes {
  minutesId: number
  meetingId: number
  committeeId: number
  committeeName: string
  meetsOn: string
}

/**
 * Seals what a sign-off made the record, in the same transaction as the sign-off: the content's
 * digests, chained to the committee's previous seal. Called when the last signatory signs and when an
 * imported protocol's sign-off is recorded.
 */
export async function sealSignOff(trx: Trx, signOffId: number): Promise<RecordSeal> {
  const { minutes_id: minutesId } = await trx
    .selectFrom('sign_off')
    .select('minutes_id')
    .where('id', '=', signOffId)
    .executeTakeFirstOrThrow()
  return (await sealSignOffs(trx, minutesId, [signOffId]))[0] as RecordSeal
}

/**
 * Seals sign-offs of one minutes in the order given, each as sealSignOff would one after the other:
 * the record is read once (a sign-off's content is its own §§, so another sign-off of the same
 * minutes changes nothing in it) and the seals are chained in the committee's series in one statement.
 */
export async function sealSignOffs(
  trx: Trx,
  minutesId: number,
  signOffIds: readonly number[],
): Promise<RecordSeal[]> {
  if (signOffIds.length === 0) return []
  const meeting = (await meetingsOfMinutes(trx, [minutesId]))[0] as MeetingOfMinutes
  const record = (await readMinutesRecord(trx, meeting.meetingId)) as MinutesRecord
  const contents = signOffIds.map((signOffId) => {
    const signOff = record.signOffs.find((s) => s.id === signOffId)
    if (!signOff) throw new Error(`sign-off ${signOffId} is not in its minutes`)
    return { of: { signOffId, rectificationId: null }, content: signOffContent(record, meeting, signOff) }
  })
  return seal(trx, meeting, contents)
}

/** Seals a rectification, in its transaction: the open correction becomes part of the series. */
export async function sealRectification(trx: Trx, rectification: Rectification): Promise<RecordSeal> {
  const { minutes_id: minutesId } = await trx
    .selectFrom('section')
    .select('minutes_id')
    .where('id', '=', rectification.sectionId)
    .executeTakeFirstOrThrow()
  const meeting = (await meetingsOfMinutes(trx, [minutesId]))[0] as MeetingOfMinutes
  const record = (await readMinutesRecord(trx, meeting.meetingId)) as MinutesRecord
  const entry = record.sections.find((s) => s.section.id === rectification.sectionId)
  if (!entry) throw new Error(`section ${rectification.sectionId} is not in its minutes`)
  const [sealed] = await seal(trx, meeting, [
    {
      of: { signOffId: null, rectificationId: rectification.id },
      content: rectificationContent(entry, meeting, rectification),
    },
  ])
  return sealed as RecordSeal
}

/** Seals contents of one meeting in order, each chained to the one before it in the committee's series. */
async function seal(
  trx: Trx,
  meeting: MeetingOfMinutes,
  contents: ReadonlyArray<{
    of: { signOffId: number | null; rectificationId: number | null }
    content: SealContent
  }>,
): Promise<RecordSeal[]> {
  let previous: { hash: string; position: number } | undefined = await lastSealOfCommittee(
    trx,
    meeting.committeeId,
  )
  const seals = contents.map(({ of, content }) => {
    const salt = randomBytes(16).toString('hex')
    const previousHash = previous?.hash ?? null
    const digests = sealDigests(content, salt, previousHash)
    const position = (previous?.position ?? 0) + 1
    previous = { hash: digests.hash, position }
    return {
      committeeId: meeting.committeeId,
      position,
      minutesId: meeting.minutesId,
      ...of,
      salt,
      previousHash,
      ...digests,
    }
  })
  return insertSeals(trx, seals)
}

/**
 * Seals the sign-offs and rectifications that have no seal (recorded before migration 0016, or
 * written by bulk insert), in the order they happened. It seals the record as it is now: from then
 * on a change shows, but nothing is proved about the time before. Returns how many were sealed.
 */
export async function sealUnsealed(db: Queryable): Promise<number> {
  return inTransaction(db, async (trx) => {
    const signOffs = await trx
      .selectFrom('sign_off')
      .select('id')
      .where('status', '=', 'signed_off')
      .where(
        'id',
        'not in',
        trx.selectFrom('record_seal').select('sign_off_id').where('sign_off_id', 'is not', null),
      )
      .orderBy('signed_off_on')
      .orderBy('id')
      .execute()
    for (const { id } of signOffs) await sealSignOff(trx, id)
    const rectifications = await trx
      .selectFrom('rectification')
      .select(['id', 'section_id'])
      .where(
        'id',
        'not in',
        trx.selectFrom('record_seal').select('rectification_id').where('rectification_id', 'is not', null),
      )
      .orderBy('id')
      .execute()
    for (const r of rectifications) {
      const rectification = (await listRectifications(trx, [r.section_id]))
        .get(r.section_id)
        ?.find((x) => x.id === r.id)
      if (rectification) await sealRectification(trx, rectification)
    }
    return signOffs.length + rectifications.length
  })
}

/** Something `paragraf verify` found: where, and what, in Swedish. */
export interface SealFinding {
  committee: string
  meetsOn: string
  problem: string
}

/**
 * Recomputes every seal from the database as it is now and walks each committee's series: a
 * signed-off § changed, a seal changed, removed or out of order, a sign-off or a rectification
 * without its seal, or a rectified § whose text is no longer what its last rectification made it.
 */
export async function verifySeals(db: Queryable): Promise<{ checked: number; findings: SealFinding[] }> {
  const seals = await listSeals(db)
  const signOffs = await db
    .selectFrom('sign_off')
    .select(['id', 'minutes_id'])
    .where('status', '=', 'signed_off')
    .execute()
  const minutesIds = [...new Set([...seals.map((s) => s.minutesId), ...signOffs.map((s) => s.minutes_id)])]
  const meetings = new Map((await meetingsOfMinutes(db, minutesIds)).map((m) => [m.minutesId, m]))
  const records = await readMinutesRecords(
    db,
    [...meetings.values()].map((m) => m.meetingId),
  )
  const recordOf = (minutesId: number) => {
    const meeting = meetings.get(minutesId) as MeetingOfMinutes
    return { meeting, record: records.get(meeting.meetingId) }
  }
  const findings: SealFinding[] = []
  const found = (meeting: MeetingOfMinutes, problem: string) =>
    findings.push({ committee: meeting.committeeName, meetsOn: meeting.meetsOn, problem })

  for (const series of groupBy(seals, (s) => s.committeeId).values()) {
    let previous: RecordSeal | undefined
    for (const seal of series) {
      const { meeting, record } = recordOf(seal.minutesId)
      const what = describeSeal(seal, record)
      if (seal.position !== (previous?.position ?? 0) + 1 || seal.previousHash !== (previous?.hash ?? null)) {
        found(meeting, `${what}: kedjan av kontrollsummor är bruten före försegling nr ${seal.position}.`)
      }
      previous = seal
      const content = record && contentOf(seal, record, meeting)
      if (!content) {
        found(meeting, `${what}: det förseglade finns inte längre i databasen.`)
        continue
      }
      const now = sealDigests(content, seal.salt, seal.previousHash)
      if (now.publicDigest !== seal.publicDigest)
        found(meeting, `${what}: det som offentliggjordes har ändrats efter förseglingen.`)
      else if (now.sealedDigest !== seal.sealedDigest)
        found(meeting, `${what}: innehållet (även sekretessbelagt) har ändrats efter förseglingen.`)
      else if (now.hash !== seal.hash) found(meeting, `${what}: förseglingens kontrollsumma har ändrats.`)
    }
  }

  const sealedSignOffs = new Set(seals.map((s) => s.signOffId))
  for (const signOff of signOffs) {
    if (sealedSignOffs.has(signOff.id)) continue
    const { meeting, record } = recordOf(signOff.minutes_id)
    found(meeting, `${signOffLabel(signOff.id, record)}: justeringen saknar försegling.`)
  }
  const sealedRectifications = new Set(seals.map((s) => s.rectificationId))
  for (const minutesId of minutesIds) {
    const { meeting, record } = recordOf(minutesId)
    for (const entry of record?.sections ?? []) {
      for (const r of entry.rectifications) {
        if (!sealedRectifications.has(r.id))
          found(meeting, `Rättelsen av ${entry.section.label} ${r.rectifiedOn} saknar försegling.`)
      }
      const last = entry.rectifications.at(-1)
      if (!last) continue
      const { title, summary, decision, decisionProcedure } = entry.section
      if (JSON.stringify({ title, summary, decision, decisionProcedure }) !== JSON.stringify(last.after))
        found(meeting, `${entry.section.label} har ändrats efter rättelsen ${last.rectifiedOn}.`)
    }
  }
  return { checked: seals.length, findings }
}

function contentOf(
  seal: RecordSeal,
  record: MinutesRecord,
  meeting: MeetingOfMinutes,
): SealContent | undefined {
  if (seal.signOffId !== null) {
    const signOff = record.signOffs.find((s) => s.id === seal.signOffId)
    return signOff && signOffContent(record, meeting, signOff)
  }
  for (const entry of record.sections) {
    const rectification = entry.rectifications.find((r) => r.id === seal.rectificationId)
    if (rectification) return rectificationContent(entry, meeting, rectification)
  }
  return undefined
}

function describeSeal(seal: RecordSeal, record: MinutesRecord | undefined): string {
  if (seal.signOffId !== null) return signOffLabel(seal.signOffId, record)
  for (const entry of record?.sections ?? []) {
    const r = entry.rectifications.find((x) => x.id === seal.rectificationId)
    if (r) return `Rättelsen av ${entry.section.label} ${r.rectifiedOn}`
  }
  return `Rättelse nr ${seal.rectificationId}`
}

function signOffLabel(signOffId: number, record: MinutesRecord | undefined): string {
  const signOff = record?.signOffs.find((s) => s.id === signOffId)
  const labels = (record?.sections ?? []).filter((s) => signOff?.sectionIds.includes(s.section.id))
  const which = labels.length > 0 ? ` (${labels[0]?.section.label}–${labels.at(-1)?.section.label})` : ''
  return `Justeringen ${signOff?.signedOffOn ?? `nr ${signOffId}`}${which}`
}

async function meetingsOfMinutes(db: Queryable, minutesIds: readonly number[]): Promise<MeetingOfMinutes[]> {
  if (minutesIds.length === 0) return []
  return db
    .selectFrom('minutes')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'minutes.id as minutesId',
      'meeting.id as meetingId',
      'committee.id as committeeId',
      'committee.name as committeeName',
      'meeting.meets_on as meetsOn',
    ])
    .where('minutes.id', 'in', [...minutesIds])
    .execute()
}
