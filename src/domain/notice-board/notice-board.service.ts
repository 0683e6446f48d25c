import type { Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import { getMeeting } from '../meeting/meeting.reads.ts'
import { getMinutes, listSectionRows } from '../minutes/minutes.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { addDays, isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { findSignOff } from '../sign-off/sign-off.reads.ts'
import { lastAppealDay, latestNoticePostingDay, noticeRemovalDay } from './appeal-deadline.ts'
import { findMeetingNotice, findNoticeOfSignOff, insertNotice } from './notice.repository.ts'
import type { Notice } from './notice.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    sign_off_missing: undefined
    notice_before_sign_off: undefined
    notice_before_sign_off_day: undefined
    notice_posting_overdue: undefined
    meeting_notice_after_meeting: undefined
  }
}

/**
 * Posts the notice that minutes (or the §§ of one sign-off) were signed off: where they are kept,
 * the posting day and the last appeal day, three weeks on (KL 8:12, 13:5). It must go up within
 * two days after the sign-off; a protocol being imported keeps the dates it states (`asPublished`).
 */
export async function postMinutesNotice(
  trx: Trx,
  actor: Actor,
  input: { signOffId: number; postedOn: string; keptAt?: string; asPublished?: boolean },
): Promise<Notice> {
  if (!isIsoDate(input.postedOn))
    throw new InvalidInputError('date_malformed', 'the posting day must be YYYY-MM-DD', 'postedOn')
  const existing = await findNoticeOfSignOff(trx, input.signOffId)
  if (existing) return existing
  const signOff = await findSignOff(trx, input.signOffId)
  if (!signOff) throw new InvalidInputError('sign_off_missing', 'no such sign-off', 'signOffId')
  const minutes = await getMinutes(trx, signOff.minutesId)
  if (signOff.status !== 'signed_off' || !signOff.signedOffOn) {
    throw new InvalidStateError('notice_before_sign_off', 'only signed-off minutes are announced (KL 8:12)')
  }
  if (input.postedOn < signOff.signedOffOn)
    throw new InvalidInputError(
      'notice_before_sign_off_day',
      'a notice cannot go up before the sign-off',
      'postedOn',
    )
  if (!input.asPublished && input.postedOn > latestNoticePostingDay(signOff.signedOffOn)) {
    throw new InvalidInputError(
      'notice_posting_overdue',
      `the notice must go up by ${latestNoticePostingDay(signOff.signedOffOn)}, two days after the sign-off (KL 8:12)`,
      'postedOn',
    )
  }
  const meeting = await getMeeting(trx, minutes.meetingId)
  const committee = await getCommittee(trx, meeting.committeeId)
  const sections = (await listSectionRows(trx, [minutes.id])).filter((s) => signOff.sectionIds.includes(s.id))
  const range = sectionRange(sections.map((s) => s.number))
  return postNotice(trx, actor, {
    organisationId: committee.organisationId,
    kind: 'minutes',
    meetingId: null,
    signOffId: signOff.id,
    title: `${committee.name}, protokoll från sammanträdet ${meeting.meetsOn}, ${range}`,
    keptAt: input.keptAt?.trim() || minutes.keptAt,
    postedOn: input.postedOn,
    removedOn: noticeRemovalDay(input.postedOn),
    lastAppealDay: lastAppealDay(input.postedOn),
  })
}

/**
 * Announces a meeting on the notice board (KL 8:10–11); the notice comes down the day after the
 * meeting. A notice published after the notice period says so, with the reason given.
 */
export async function postMeetingNotice(
  trx: Trx,
  actor: Actor,
  input: { meetingId: number; postedOn: string; lateReason?: string },
): Promise<Notice> {
  if (!isIsoDate(input.postedOn))
    throw new InvalidInputError('date_malformed', 'the posting day must be YYYY-MM-DD', 'postedOn')
  const existing = await findMeetingNotice(trx, input.meetingId)
  if (existing) return existing
  const meeting = await getMeeting(trx, input.meetingId)
  if (input.postedOn > meeting.meetsOn)
    throw new InvalidInputError(
      'meeting_notice_after_meeting',
      'a meeting is announced before it is held',
      'postedOn',
    )
  const committee = await getCommittee(trx, meeting.committeeId)
  const time = meeting.startTime ? ` kl. ${meeting.startTime}` : ''
  return postNotice(trx, actor, {
    organisationId: committee.organisationId,
    kind: 'meeting',
    meetingId: meeting.id,
    signOffId: null,
    title: `${committee.name} sammanträder ${meeting.meetsOn}${time}${meeting.location ? `, ${meeting.location}` : ''}${input.lateReason ? ` (kallelsen publicerades efter kallelsetiden: ${input.lateReason})` : ''}`,
    keptAt: null,
    postedOn: input.postedOn,
    removedOn: addDays(meeting.meetsOn, 1),
    lastAppealDay: null,
  })
}

type NewNotice = Parameters<typeof insertNotice>[1]

/** Puts a notice up, with its audit row in the same transaction. */
export async function postNotice(trx: Trx, actor: Actor, values: NewNotice): Promise<Notice> {
  const notice = await insertNotice(trx, values)
  await recordAudit(
    trx,
    actor,
    'notice.posted',
    { type: 'notice', id: notice.id, organisationId: notice.organisationId },
    {
      after: notice,
    },
  )
  return notice
}

/** "§ 5", "§§ 1–17" or "§§ 1–3, 5": how a set of §§ is printed. */
export function sectionRange(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b)
  const runs: string[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++
    runs.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`)
    i = j + 1
  }
  return `${sorted.length === 1 ? '§' : '§§'} ${runs.join(', ')}`
}
