import { addDays } from '../shared/calendar-date.ts'

// The notice period (kallelsetid): members and substitutes are summoned at least this many days
// before the meeting. For fullmäktige the law says a week (KL 5:13, 5:15); for committees the
// council's reglemente sets it (KL 6:44), so it is the local setting noticePeriodDays.

/** The last day the notice may be published and keep the period: the meeting day minus the period. */
export function lastDayToPublishNotice(meetsOn: string, noticePeriodDays: number): string {
  return addDays(meetsOn, -noticePeriodDays)
}

/** Whether a notice published on `publishedOn` comes later than the period allows. */
export function isNoticeLate(meetsOn: string, noticePeriodDays: number, publishedOn: string): boolean {
  return publishedOn > lastDayToPublishNotice(meetsOn, noticePeriodDays)
}
