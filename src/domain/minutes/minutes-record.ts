import { type Queryable, readOnceAtEdge } from '../../db/database.ts'
import { listConfidentialAgendaItemIds } from '../disclosure/disclosure.predicates.ts'
import { confidentialTitle, sectionDisclosure } from '../disclosure/disclosure.ts'
import type { Notice } from '../notice-board/notice.ts'
import { listAppealDaysOfSections, listNoticesOfMeetings } from '../notice-board/notice-board.reads.ts'
import { maskPersonalIdentityNumbers as mask } from '../publication/personal-identity-number.ts'
import { groupBy } from '../shared/group-by.ts'
import { listSignOffs } from '../sign-off/sign-off.reads.ts'
import type { SignOff } from '../sign-off/sign-off.ts'
import { listVotes } from '../vote/vote.reads.ts'
import type { Vote } from '../vote/vote.ts'
import { listAttendance } from './attendance.repository.ts'
import type { Attendance } from './attendance.ts'
import { listMinutesOfMeetings, listSectionRows, listSignatoryIdsOfMinutes } from './minutes.repository.ts'
import type { Dissent, Minutes, Motion, Recusal, Section, Service, Statement } from './minutes.ts'
import { listRectifications } from './rectification.repository.ts'
import type { Rectification, SectionText } from './rectification.ts'
import {
  listDissents,
  listMotions,
  listRecusals,
  listServices,
  listStatements,
} from './section-record.repository.ts'

export interface SectionRecord {
  section: Section
  motions: Motion[]
  votes: Vote[]
  dissents: Dissent[]
  statements: Statement[]
  recusals: Recusal[]
  services: Service[]
  signOff: SignOff | undefined
  /** Open corrections of the signed-off § (rättelse, FL 36 §), oldest first. */
  rectifications: Rectification[]
  /** The days appeals of the § were received (KL 13:5). */
  appealDays: string[]
  /**
   * Whether the § deals with a confidential agenda item: then the § is secret too, whatever its own
   * flag says (OSL; sectionIsConfidential). Read with the record; absent means no such item.
   */
  agendaItemConfidential?: boolean
}

/** Everything the minutes of a meeting hold, for the portal, the workspace and the archive. */
export interface MinutesRecord {
  minutes: Minutes
  attendance: Attendance[]
  signatoryIds: number[]
  signOffs: SignOff[]
  notices: Notice[]
  sections: SectionRecord[]
}

/** Reads the whole protocol of a meeting in a fixed number of queries, whatever its length. */
export async function readMinutesRecord(
  db: Queryable,
  meetingId: number,
): Promise<MinutesRecord | undefined> {
  return (await readMinutesRecords(db, [meetingId])).get(meetingId)
}

/**
 * Reads the protocols of several meetings at once (a page of an API list), by meeting id, in the
 * same fixed number of queries as one: each list is read for all the meetings and then grouped.
 */
export async function readMinutesRecords(
  db: Queryable,
  meetingIds: readonly number[],
): Promise<Map<number, MinutesRecord>> {
  // At a transaction's edge the search index and the kept public forms both read the minutes.
  return readOnceAtEdge(db, 'minutes-record', meetingIds, (ids) => readMinutesRecordsNow(db, ids))
}

async function readMinutesRecordsNow(
  db: Queryable,
  meetingIds: readonly number[],
): Promise<Map<number, MinutesRecord>> {
  const minutesList = await listMinutesOfMeetings(db, meetingIds)
  const records = new Map<number, MinutesRecord>()
  if (minutesList.length === 0) return records
  const minutesIds = minutesList.map((m) => m.id)
  const withMinutes = minutesList.map((m) => m.meetingId)
  const sections = await listSectionRows(db, minutesIds)
  const ids = sections.map((s) => s.id)
  const [
    motions,
    votes,
    dissents,
    statements,
    recusals,
    services,
    attendance,
    signatories,
    signOffs,
    notices,
    rectifications,
    appealDays,
    confidentialItems,
  ] = await Promise.all([
    listMotions(db, ids),
    listVotes(db, ids),
    listDissents(db, ids),
    listStatements(db, ids),
    listRecusals(db, ids),
    listServices(db, ids),
    listAttendance(db, withMinutes),
    listSignatoryIdsOfMinutes(db, minutesIds),
    listSignOffs(db, minutesIds),
    listNoticesOfMeetings(db, withMinutes),
    listRectifications(db, ids),
    listAppealDaysOfSections(db, ids),
    listConfidentialAgendaItemIds(
      db,
      sections.flatMap((s) => (s.agendaItemId === null ? [] : [s.agendaItemId])),
    ),
  ])
  const bySection = <T extends { sectionId: number }>(list: T[]) => groupBy(list, (x) => x.sectionId)
  const grouped = {
    motions: bySection(motions),
    votes: bySection(votes),
    dissents: bySection(dissents),
    statements: bySection(statements),
    recusals: bySection(recusals),
    services: bySection(services),
  }
  const sectionsOf = groupBy(sections, (s) => s.minutesId)
  const attendanceOf = groupBy(attendance, (a) => a.meetingId)
  const signOffsOf = groupBy(signOffs, (s) => s.minutesId)
  for (const minutes of minutesList) {
    const ownSignOffs = signOffsOf.get(minutes.id) ?? []
    const ownSignOffIds = new Set(ownSignOffs.map((s) => s.id))
    records.set(minutes.meetingId, {
      minutes,
      attendance: attendanceOf.get(minutes.meetingId) ?? [],
      signatoryIds: signatories.get(minutes.id) ?? [],
      signOffs: ownSignOffs,
      // The notice of the meeting itself, and those of its minutes' sign-offs.
      notices: notices.filter(
        (n) => n.meetingId === minutes.meetingId || (n.signOffId !== null && ownSignOffIds.has(n.signOffId)),
      ),
      sections: (sectionsOf.get(minutes.id) ?? []).map((section) => ({
        section,
        motions: grouped.motions.get(section.id) ?? [],
        votes: grouped.votes.get(section.id) ?? [],
        dissents: grouped.dissents.get(section.id) ?? [],
        statements: grouped.statements.get(section.id) ?? [],
        recusals: grouped.recusals.get(section.id) ?? [],
        services: grouped.services.get(section.id) ?? [],
        signOff: ownSignOffs.find((s) => s.sectionIds.includes(section.id)),
        rectifications: rectifications.get(section.id) ?? [],
        appealDays: appealDays.get(section.id) ?? [],
        agendaItemConfidential: section.agendaItemId !== null && confidentialItems.has(section.agendaItemId),
      })),
    })
  }
  return records
}

/**
 * The public version, by the disclosure rule (sectionDisclosure): only signed-off §§ (TF 2:10); a §
 * that is secret itself or through its agenda item reduced to its number and marked confidential
 * (OSL; P2), so every renderer reduces it alike; any personal identity number left in a public text
 * masked (P3). The portal, the extract, the PDF, document JSON, OParl and the search index all read
 * the minutes through here.
 */
export function publicMinutesRecord(record: MinutesRecord): MinutesRecord {
  const disclosureOf = (s: SectionRecord) =>
    sectionDisclosure({
      signedOff: s.signOff?.status === 'signed_off',
      sectionConfidential: s.section.confidential,
      itemConfidential: s.agendaItemConfidential ?? false,
    })
  const shown = record.sections.filter((s) => disclosureOf(s) !== 'withheld')
  return {
    ...record,
    sections: shown.map((s) =>
      disclosureOf(s) === 'number_only'
        ? {
            ...s,
            section: {
              ...s.section,
              confidential: true,
              label: mask(s.section.label),
              title: confidentialTitle,
              summary: null,
              decision: [],
              decisionProcedure: null,
            },
            motions: [],
            votes: [],
            dissents: [],
            statements: [],
            recusals: [],
            rectifications: [],
          }
        : withoutPersonalIdentityNumbers(s),
    ),
  }
}

// Signing is refused while a § holds a personal identity number, but an imported protocol was
// signed elsewhere and a number may still be in it: it must never reach a public page, feed or
// search result all the same (P3; GDPR art. 87). Every text the public record carries is masked.
function withoutPersonalIdentityNumbers(entry: SectionRecord): SectionRecord {
  const { section } = entry
  return {
    ...entry,
    section: {
      ...section,
      label: mask(section.label),
      title: mask(section.title),
      summary: mask(section.summary),
      decision: section.decision.map(mask),
      decisionProcedure: mask(section.decisionProcedure),
    },
    motions: entry.motions.map((m) => ({ ...m, text: mask(m.text), points: m.points.map(mask) })),
    votes: entry.votes.map((v) => ({
      ...v,
      question: mask(v.question),
      yesMeans: mask(v.yesMeans),
      noMeans: mask(v.noMeans),
      result: mask(v.result),
    })),
    dissents: entry.dissents.map((d) => ({ ...d, text: mask(d.text) })),
    statements: entry.statements.map((s) => ({ ...s, kind: mask(s.kind), text: mask(s.text) })),
    recusals: entry.recusals.map((r) => ({ ...r, reason: mask(r.reason) })),
    rectifications: entry.rectifications.map((r) => ({
      ...r,
      reason: mask(r.reason),
      before: maskSectionText(r.before),
      after: maskSectionText(r.after),
    })),
  }
}

function maskSectionText(text: SectionText): SectionText {
  return {
    title: mask(text.title),
    summary: mask(text.summary),
    decision: text.decision.map(mask),
    decisionProcedure: mask(text.decisionProcedure),
  }
}

/** Everyone a protocol names (attendance, signatories, authors, ballots, recusals): whose names to load. */
export function personIdsOf(record: MinutesRecord): Set<number> {
  const ids = new Set<number>(record.signatoryIds)
  const add = (id: number | null) => {
    if (id !== null) ids.add(id)
  }
  for (const a of record.attendance) {
    add(a.personId)
    add(a.servingForPersonId)
  }
  for (const s of record.sections) {
    for (const entry of [...s.motions, ...s.dissents, ...s.statements])
      for (const a of entry.authors) add(a.personId)
    for (const vote of s.votes) for (const b of vote.ballots) add(b.personId)
    for (const r of s.recusals) add(r.personId)
  }
  return ids
}
