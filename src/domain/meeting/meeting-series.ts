import { addDays, isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError } from '../shared/errors.ts'

// A committee's year is planned as a series: "every other Wednesday from 14 January, ten times".

export const maxMeetingsInSeries = 52
export const maxWeeksBetweenMeetings = 8

/** The days of a series: the first day, then every `everyWeeks` weeks, `count` days in all. */
export function meetingSeriesDates(firstOn: string, everyWeeks: number, count: number): string[] {
  if (!isIsoDate(firstOn)) throw new InvalidInputError('the first date must be YYYY-MM-DD', 'firstOn')
  if (!Number.isInteger(everyWeeks) || everyWeeks < 1 || everyWeeks > maxWeeksBetweenMeetings)
    throw new InvalidInputError(`weeks between meetings must be 1–${maxWeeksBetweenMeetings}`, 'everyWeeks')
  if (!Number.isInteger(count) || count < 1 || count > maxMeetingsInSeries)
    throw new InvalidInputError(`a series has 1–${maxMeetingsInSeries} meetings`, 'count')
  return Array.from({ length: count }, (_, i) => addDays(firstOn, i * 7 * everyWeeks))
}
