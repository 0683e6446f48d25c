import type { Queryable } from '../../db/database.ts'
import { getAgenda } from '../agenda/agenda.service.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import { listMemberships } from '../membership/membership.service.ts'
import { listPersonEmails, listPersonsByIds } from '../person/person.reads.ts'
import {
  type PersonalIdentityNumberFinding,
  scanForPersonalIdentityNumbers,
} from '../publication/personal-identity-number-scan.ts'
import { getMeeting } from './meeting.service.ts'
import { isNoticeLate, lastDayToPublishNotice } from './notice-period.ts'

/** What the secretary should see before publishing the notice: what publishNotice would check. */
export interface NoticeReadiness {
  lastDayToPublish: string
  /** Publishing today is after the notice period: a reason will be asked for. */
  late: boolean
  /** Personal identity numbers in public texts: publishing is refused until they are gone (P3). */
  findings: PersonalIdentityNumberFinding[]
  /** Members and substitutes summoned who have no e-mail address: they must be sent the notice another way. */
  withoutEmail: string[]
  invitations: number
}

/** Reads, without changing anything, whether the notice of a meeting can be published today. */
export async function checkNoticeReadiness(
  db: Queryable,
  meetingId: number,
  today: string,
): Promise<NoticeReadiness> {
  const meeting = await getMeeting(db, meetingId)
  const { noticePeriodDays } = await getCommitteeSettings(db, meeting.committeeId)
  const agenda = await getAgenda(db, meeting.id)
  const seats = await listMemberships(db, meeting.committeeId, meeting.meetsOn)
  const personIds = seats.map((s) => s.personId)
  const [persons, emails] = await Promise.all([
    listPersonsByIds(db, personIds),
    listPersonEmails(db, personIds),
  ])
  return {
    lastDayToPublish: lastDayToPublishNotice(meeting.meetsOn, noticePeriodDays),
    late: isNoticeLate(meeting.meetsOn, noticePeriodDays, today),
    findings: scanForPersonalIdentityNumbers(agenda, [
      { place: 'Sammanträdets plats', text: meeting.location },
    ]),
    withoutEmail: persons.filter((p) => !emails.has(p.id)).map((p) => p.name),
    invitations: new Set([...emails.values()].map((e) => e.toLowerCase())).size,
  }
}
