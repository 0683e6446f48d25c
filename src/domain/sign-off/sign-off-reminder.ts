import type { Queryable } from '../../db/database.ts'
import { daysLeftToSignOff, signOffDeadline } from './sign-off-deadline.ts'

export interface SignOffReminder {
  minutesId: number
  meetingId: number
  meetsOn: string
  committeeId: number
  committeeName: string
  deadline: string
  /** 0 on the last day, negative when overdue. */
  daysLeft: number
}

/**
 * The minutes not yet signed off whose 14-day deadline (KL 5:69) is at most `withinDays` away, or
 * passed: whom to remind, most urgent first. The workspace shows them; mail can be sent from them.
 */
export async function listSignOffReminders(
  db: Queryable,
  today: string,
  withinDays = 3,
): Promise<SignOffReminder[]> {
  const rows = await db
    .selectFrom('minutes')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'minutes.id as minutesId',
      'meeting.id as meetingId',
      'meeting.meets_on as meetsOn',
      'committee.id as committeeId',
      'committee.name as committeeName',
    ])
    .where('minutes.status', '!=', 'signed_off')
    .execute()
  return rows
    .map((row) => ({
      ...row,
      deadline: signOffDeadline(row.meetsOn),
      daysLeft: daysLeftToSignOff(row.meetsOn, today),
    }))
    .filter((r) => r.daysLeft <= withinDays)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.minutesId - b.minutesId)
}
