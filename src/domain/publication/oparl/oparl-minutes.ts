import type { Queryable } from '../../../db/database.ts'
import { listAttendance } from '../../minutes/attendance.repository.ts'
import { listMinutesOfMeetings, listSectionRows } from '../../minutes/minutes.repository.ts'
import { type MinutesRecord, personIdsOf, publicMinutesRecord } from '../../minutes/minutes-record.ts'
import { listRectifications } from '../../minutes/rectification.repository.ts'
import {
  listDissents,
  listMotions,
  listRecusals,
  listServices,
  listStatements,
} from '../../minutes/section-record.repository.ts'
import { listAppealDaysOfSections } from '../../notice-board/appeal.repository.ts'
import { listNoticesOfMeetings } from '../../notice-board/notice.repository.ts'
import { groupBy } from '../../shared/group-by.ts'
import { listSignOffs } from '../../sign-off/sign-off.repository.ts'
import { listVotes } from '../../vote/vote.repository.ts'
import { listPartyRows, listPersonRows, listPublicPersonIds } from './oparl.repository.ts'
import type { PublicNames } from './oparl-extensions.ts'

// The public minutes of a page of meetings, for the paragraf: extensions. The portal reads one
// meeting with readMinutesRecord; a list page reads the same lists for all its meetings at once
// (a fixed number of queries however long the page) and hands each meeting the same record, then
// applies the same publicMinutesRecord: only signed-off §§, confidential ones reduced, P3 masked.

/** Each meeting's public minutes, when at least one § is signed off (TF 2:10). */
export async function readPublicMinutesOfMeetings(
  db: Queryable,
  meetingIds: readonly number[],
): Promise<Map<number, MinutesRecord>> {
  const minutesList = await listMinutesOfMeetings(db, meetingIds)
  if (minutesList.length === 0) return new Map()
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
    signOffs,
    notices,
    rectifications,
    appealDays,
  ] = await Promise.all([
    listMotions(db, ids),
    listVotes(db, ids),
    listDissents(db, ids),
    listStatements(db, ids),
    listRecusals(db, ids),
    listServices(db, ids),
    listAttendance(db, withMinutes),
    listSignOffs(db, minutesIds),
    listNoticesOfMeetings(db, withMinutes),
    listRectifications(db, ids),
    listAppealDaysOfSections(db, ids),
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
  const records = new Map<number, MinutesRecord>()
  for (const minutes of minutesList) {
    const ownSignOffs = signOffsOf.get(minutes.id) ?? []
    const ownSignOffIds = new Set(ownSignOffs.map((s) => s.id))
    const record: MinutesRecord = {
      minutes,
      attendance: attendanceOf.get(minutes.meetingId) ?? [],
      // The extensions name no signatories; the portal's page reads them with the whole record.
      signatoryIds: [],
      signOffs: ownSignOffs,
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
      })),
    }
    const shown = publicMinutesRecord(record)
    if (shown.sections.length > 0) records.set(minutes.meetingId, shown)
  }
  return records
}

/** The names and parties the public minutes mention, and which persons are OParl Persons. */
export async function readPublicNames(db: Queryable, records: Iterable<MinutesRecord>): Promise<PublicNames> {
  const personIds = new Set<number>()
  const partyIds = new Set<number>()
  for (const record of records) {
    for (const id of personIdsOf(record)) personIds.add(id)
    for (const a of record.attendance) if (a.partyId !== null) partyIds.add(a.partyId)
    for (const { motions, dissents, statements, votes, services } of record.sections) {
      for (const entry of [...motions, ...dissents, ...statements])
        for (const a of entry.authors) if (a.partyId !== null) partyIds.add(a.partyId)
      for (const v of votes) for (const b of v.ballots) if (b.partyId !== null) partyIds.add(b.partyId)
      for (const s of services) {
        personIds.add(s.personId)
        if (s.servingForPersonId !== null) personIds.add(s.servingForPersonId)
        if (s.partyId !== null) partyIds.add(s.partyId)
      }
    }
  }
  const [persons, published, parties] = await Promise.all([
    listPersonRows(db, [...personIds]),
    listPublicPersonIds(db, [...personIds]),
    partyIds.size > 0 ? listPartyRows(db, { ids: [...partyIds] }) : Promise.resolve([]),
  ])
  return {
    persons: new Map(persons.map((p) => [p.id, p.name])),
    published: new Set(published),
    parties: new Map(parties.map((p) => [p.id, p.abbreviation])),
  }
}
