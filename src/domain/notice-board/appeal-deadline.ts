// When a notice of signed-off minutes must go up on the anslagstavla, when the appeal period
// ends and when the notice may come down (KL 8:12, 13:5, lag 1930:173).

import { addDays } from '../shared/calendar-date.ts'
import { isNonWorkingDay, nextWorkingDay } from '../shared/swedish-holidays.ts'

/**
 * The last day to appeal (laglighetsprövning) a decision whose sign-off was announced on postedOn.
 * KL 13:5: three weeks from the posting day; lag 1930:173: a period in weeks ends on the same
 * weekday, and when that is a Saturday, Sunday, holiday or one of the eves, on the next working day.
 */
export function lastAppealDay(postedOn: string): string {
  const sameWeekdayThreeWeeksLater = addDays(postedOn, 21)
  return isNonWorkingDay(sameWeekdayThreeWeeksLater)
    ? nextWorkingDay(sameWeekdayThreeWeeksLater)
    : sameWeekdayThreeWeeksLater
}

/**
 * The first day the notice may come down: the day after the last appeal day.
 * KL 8:12: the notice may not be removed before the appeal period under 13:5 has run out.
 */
export function noticeRemovalDay(postedOn: string): string {
  return addDays(lastAppealDay(postedOn), 1)
}

/**
 * The last day to post the notice of signed-off minutes. KL 8:12: "senast andra dagen efter det att
 * protokollet har justerats". Calendar days: the statute has no working-day rule, and although lag
 * 1930:173 could move a deadline on a non-working day, the digital anslagstavla can be posted any day.
 */
export function latestNoticePostingDay(signedOffOn: string): string {
  return addDays(signedOffOn, 2)
}
