import type { Queryable } from '../../db/database.ts'
import { listNoticesOfMeetings } from '../notice-board/notice.repository.ts'
import type { Notice } from '../notice-board/notice.ts'
import { listSignOffs } from '../sign-off/sign-off.repository.ts'
import type { SignOff } from '../sign-off/sign-off.ts'
import { listVotes } from '../vote/vote.repository.ts'
import type { Vote } from '../vote/vote.ts'
import { listAttendance } from './attendance.repository.ts'
import type { Attendance } from './attendance.ts'
import { findMinutesOfMeeting, listSectionRows, listSignatoryIds } from './minutes.repository.ts'
import type { Dissent, Minutes, Motion, Recusal, Section, Service, Statement } from './minutes.ts'
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
  const minutes = await findMinutesOfMeeting(db, meetingId)
  if (!minutes) return undefined
  const sections = await listSectionRows(db, [minutes.id])
  const ids = sections.map((s) => s.id)
  const [
    motions,
    votes,
    dissents,
    statements,
    recusals,
    services,
    attendance,
    signatoryIds,
    signOffs,
    notices,
  ] = await Promise.all([
    listMotions(db, ids),
    listVotes(db, ids),
    listDissents(db, ids),
    listStatements(db, ids),
    listRecusals(db, ids),
    listServices(db, ids),
    listAttendance(db, [meetingId]),
    listSignatoryIds(db, minutes.id),
    listSignOffs(db, [minutes.id]),
    listNoticesOfMeetings(db, [meetingId]),
  ])
  const of = <T extends { sectionId: number }>(list: T[], id: number) =>
    list.filter((x) => x.sectionId === id)
  return {
    minutes,
    attendance,
    signatoryIds,
    signOffs,
    notices,
    sections: sections.map((section) => ({
      section,
      motions: of(motions, section.id),
      votes: of(votes, section.id),
      dissents: of(dissents, section.id),
      statements: of(statements, section.id),
      recusals: of(recusals, section.id),
      services: of(services, section.id),
      signOff: signOffs.find((s) => s.sectionIds.includes(section.id)),
    })),
  }
}

/** The public version: only signed-off §§, and confidential §§ reduced to their number (OSL; P2). */
export function publicMinutesRecord(record: MinutesRecord): MinutesRecord {
  const signedOff = record.sections.filter((s) => s.signOff?.status === 'signed_off')
  return {
    ...record,
    sections: signedOff.map((s) =>
      s.section.confidential
        ? {
            ...s,
            section: {
              ...s.section,
              title: 'Ärende som omfattas av sekretess',
              summary: null,
              decision: [],
              decisionProcedure: null,
            },
            motions: [],
            votes: [],
            dissents: [],
            statements: [],
            recusals: [],
          }
        : s,
    ),
  }
}
