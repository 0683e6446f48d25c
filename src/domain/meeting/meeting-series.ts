import { addDays, isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError } from '../shared/errors.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    series_interval_invalid: undefined
    series_count_invalid: undefined
  }
}

// A committee's year is planned as a series: "every other Wednesday from 14 January, ten times".

export const maxMeetingsInSeries = 52
export const maxWeeksBetweenMeetings = 8

/** The days of a series: the first day, then every `everyWeeks` weeks, `count` days in all. */
export function meetingSeriesDates(firstOn: string, everyWeeks: number, count: number): string[] {
  if (!isIsoDate(firstOn))
    throw new InvalidInputError('date_malformed', 'the first date must be YYYY-MM-DD', 'firstOn')
  if (!Number.isInteger(everyWeeks) || everyWeeks < 1 || everyWeeks > maxWeeksBetweenMeetings)
    throw new InvalidInputError(
      'series_interval_invalid',
      `weeks between meetings must be 1–${maxWeeksBetweenMeetings}`,
      'everyWeeks',
    )
  if (!Number.isInteger(count) || count < 1 || count > maxMeetingsInSeries)
    throw new InvalidInputError(
      'series_count_invalid',
      `a series has 1–${maxMeetingsInSeries} meetings`,
      'count',
    )
  return Array.from({ length: count }, (_, i) => addDays(firstOn, i * 7 * everyWeeks))
}
