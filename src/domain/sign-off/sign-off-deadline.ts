// KL 5:69 (for committees via 6:35): "Ett protokoll ska justeras senast fjorton dagar efter
// sammanträdet". Calendar days, counted from the day the meeting was held (its last day).

import { addDays, daysBetween } from '../shared/calendar-date.ts'

/** KL 5:69: the minutes are signed off within this many calendar days of the meeting. */
export const signOffPeriodDays = 14

/** The last day the minutes may be signed off: 14 calendar days after the meeting (KL 5:69). */
export function signOffDeadline(meetingOn: string): string {
  return addDays(meetingOn, signOffPeriodDays)
}

/** True when today is past the sign-off deadline; signing off on the deadline itself is in time. */
export function isSignOffOverdue(meetingOn: string, today: string): boolean {
  return daysLeftToSignOff(meetingOn, today) < 0
}

/** Days from today to the deadline: 0 on the deadline itself, negative once overdue. */
export function daysLeftToSignOff(meetingOn: string, today: string): number {
  return daysBetween(today, signOffDeadline(meetingOn))
}
