import { type Db, inTransaction, type Queryable } from '../../db/database.ts'
import { type AgendaEntry, getAgenda } from '../agenda/agenda.service.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import type { Committee } from '../committee/committee.ts'
import { queueMail } from '../mail/mail.service.ts'
import type { OutgoingMail } from '../mail/outgoing-mail.ts'
import { listMemberships } from '../membership/membership.service.ts'
import type { Notice } from '../notice-board/notice.ts'
import { postMeetingNotice } from '../notice-board/notice-board.service.ts'
import { listPersonEmails, listPersonsByIds } from '../person/person.reads.ts'
import { assertNoPersonalIdentityNumbers } from '../publication/personal-identity-number-scan.ts'
import { publicAgenda } from '../publication/public-agenda.ts'
import type { Actor } from '../shared/actor.ts'
import { isIsoDate } from '../shared/calendar-date.ts'
import { ConflictError, InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { composeInvitationMail, meetingPageUrl } from './invitation-mail.ts'
import { changeMeetingStatus, getMeeting } from './meeting.service.ts'
import { type Meeting, meetingStatusLabels } from './meeting.ts'
import { lastDayToPublishNotice } from './notice-period.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    notice_not_publishable: undefined
    meeting_day_passed: undefined
    notice_late_reason_missing: undefined
  }
}

export {
  PersonalIdentityNumbersFoundError,
  scanForPersonalIdentityNumbers,
} from '../publication/personal-identity-number-scan.ts'
export { lastDayToPublishNotice } from './notice-period.ts'
export { checkNoticeReadiness, type NoticeReadiness } from './notice-readiness.ts'

export interface PublishNoticeInput {
  meetingId: number
  /** The version of the meeting the secretary saw: a change made since is refused (conflict). */
  version: number
  /** The day of publishing, in Sweden ('YYYY-MM-DD'): the notice's posting day. */
  today: string
  /** The portal's address (PUBLIC_URL), for the link to the meeting page in the mail. */
  publicUrl: string
  /** Publishing after the notice period needs a reason: it goes in the audit log and on the notice. */
  late?: { reason: string }
}

export interface PublishedNotice {
  meeting: Meeting
  notice: Notice
  /** How many members and substitutes were sent the notice by e-mail. */
  invitationsQueued: number
  late: boolean
}

/**
 * Publishes the notice (kallelse) of a planned meeting, all or nothing: the agenda becomes public, a
 * notice goes on the notice board (KL 8:10–11), and every member and substitute with an e-mail
 * address is sent the invitation. Refused after the notice period without a reason, and while any
 * public text holds a personal identity number (P3), with every place named.
 */
export async function publishNotice(
  db: Db,
  actor: Actor,
  input: PublishNoticeInput,
): Promise<PublishedNotice> {
  if (!isIsoDate(input.today))
    throw new InvalidInputError('date_malformed', 'today must be a date YYYY-MM-DD', 'today')
  const lateReason = input.late?.reason.trim() || undefined
  return inTransaction(db, async (trx) => {
    const meeting = await getMeeting(trx, input.meetingId)
    if (meeting.version !== input.version)
      throw new ConflictError('the meeting', input.version, meeting.version)
    if (meeting.status !== 'planned') {
      throw new InvalidStateError(
        'notice_not_publishable',
        `the notice of a meeting that is "${meetingStatusLabels[meeting.status]}" cannot be published`,
      )
    }
    if (input.today > meeting.meetsOn)
      throw new InvalidInputError(
        'meeting_day_passed',
        `the meeting day ${meeting.meetsOn} has passed`,
        'today',
      )
    const { noticePeriodDays } = await getCommitteeSettings(trx, meeting.committeeId)
    const lastDay = lastDayToPublishNotice(meeting.meetsOn, noticePeriodDays)
    const late = input.today > lastDay
    if (late && !lateReason) {
      throw new InvalidInputError(
        'notice_late_reason_missing',
        `the notice period is ${noticePeriodDays} days: the last day to publish the notice was ${lastDay}; give the reason for publishing it late`,
        'lateReason',
      )
    }
    const agenda = await getAgenda(trx, meeting.id)
    assertNoPersonalIdentityNumbers(agenda, [
      { place: 'Sammanträdets plats', text: meeting.location },
      { place: 'Skäl för sen kallelse', text: late ? lateReason : undefined },
    ])

    const published = await changeMeetingStatus(trx, actor, meeting, 'notice_published')
    const notice = await postMeetingNotice(trx, actor, {
      meetingId: meeting.id,
      postedOn: input.today,
      ...(late && lateReason ? { lateReason } : {}),
    })
    const committee = await getCommittee(trx, meeting.committeeId)
    if (late) {
      await recordAudit(
        trx,
        actor,
        'meeting.notice_published_late',
        { type: 'meeting', id: meeting.id, organisationId: committee.organisationId },
        { after: { reason: lateReason, lastDayToPublish: lastDay, publishedOn: input.today } },
      )
    }
    const mails = await invitations(trx, committee, published, agenda, {
      meetingUrl: meetingPageUrl(input.publicUrl, committee.slug, meeting.slug),
      lateReason: late ? lateReason : undefined,
    })
    await queueMail(
      trx,
      mails.map((m) => ({ ...m, meetingId: meeting.id })),
    )
    return { meeting: published, notice, invitationsQueued: mails.length, late }
  })
}

/** One mail to each member and substitute with a seat on the meeting day and an e-mail address. */
async function invitations(
  db: Queryable,
  committee: Committee,
  meeting: Meeting,
  agenda: readonly AgendaEntry[],
  options: { meetingUrl: string; lateReason: string | undefined },
): Promise<OutgoingMail[]> {
  // Summoned are those who sit on the committee the day of the meeting.
  const seats = await listMemberships(db, committee.id, meeting.meetsOn)
  const personIds = seats.map((s) => s.personId)
  const [persons, emails] = await Promise.all([
    listPersonsByIds(db, personIds),
    listPersonEmails(db, personIds),
  ])
  const nameOf = new Map(persons.map((p) => [p.id, p.name]))
  const shown = publicAgenda(agenda)
  const sentTo = new Set<string>()
  const mails: OutgoingMail[] = []
  for (const seat of seats) {
    const email = emails.get(seat.personId)
    if (!email || sentTo.has(email.toLowerCase())) continue
    sentTo.add(email.toLowerCase())
    mails.push(
      composeInvitationMail({
        committeeName: committee.name,
        meeting,
        publicAgenda: shown,
        meetingUrl: options.meetingUrl,
        recipient: { name: nameOf.get(seat.personId) ?? '', email, role: seat.role },
        lateReason: options.lateReason,
      }),
    )
  }
  return mails
}
