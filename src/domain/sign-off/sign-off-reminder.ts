import type { Queryable } from '../../db/database.ts'
import { addDays } from '../shared/calendar-date.ts'
import { daysLeftToSignOff, signOffDeadline, signOffPeriodDays } from './sign-off-deadline.ts'

export interface SignOffReminder {
  minutesId: number
  meetingId: number
  meetsOn: string
  meetingSlug: string
  committeeId: number
  committeeName: string
  committeeSlug: string
  deadline: string
  /** 0 on the last day, negative when overdue. */
  daysLeft: number
}

/**
 * The minutes not yet signed off whose 14-day deadline (KL 5:69) is at most `withinDays` away, or
 * passed (by at most `overdueAtMostDays`, when given): whom to remind, most urgent first. The
 * workspace shows them; the reminder mails are sent from them.
 */
export async function listSignOffReminders(
  db: Queryable,
  today: string,
  withinDays = 3,
  options: { overdueAtMostDays?: number } = {},
): Promise<SignOffReminder[]> {
  // The window in meeting days, so the database skips the minutes far from their deadline: daysLeft
  // = meetsOn + 14 - today, hence daysLeft <= withinDays exactly when meetsOn <= today + withinDays - 14.
  let query = db
    .selectFrom('minutes')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'minutes.id as minutesId',
      'meeting.id as meetingId',
      'meeting.meets_on as meetsOn',
      'meeting.slug as meetingSlug',
      'committee.id as committeeId',
      'committee.name as committeeName',
      'committee.slug as committeeSlug',
    ])
    .where('minutes.status', '!=', 'signed_off')
    .where('meeting.meets_on', '<=', addDays(today, withinDays - signOffPeriodDays))
  if (options.overdueAtMostDays !== undefined)
    query = query.where(
      'meeting.meets_on',
      '>=',
      addDays(today, -options.overdueAtMostDays - signOffPeriodDays),
    )
  const rows = await query.execute()
  return rows
    .map((row) => ({
      ...row,
      deadline: signOffDeadline(row.meetsOn),
      daysLeft: daysLeftToSignOff(row.meetsOn, today),
    }))
    .filter((r) => r.daysLeft <= withinDays)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.minutesId - b.minutesId)
}
