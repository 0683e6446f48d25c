// Meetings are kept as a local Swedish date and an HH:MM time. Calendars and feeds need the
// instant in UTC. Sweden follows the EU rule (since 1996): summer time (CEST, UTC+2) from 01:00 UTC
// on the last Sunday of March to 01:00 UTC on the last Sunday of October; otherwise CET, UTC+1.
// Computed here rather than through Intl so the result does not depend on the ICU data installed.

const hour = 3_600_000

/** The last Sunday of a month (1–12) at 01:00 UTC, as epoch milliseconds. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0))
  const day = lastDay.getUTCDate() - lastDay.getUTCDay()
  return Date.UTC(year, month - 1, day, 1)
}

/** Whether Swedish summer time is in force at a UTC instant. */
export function isSwedishSummerTime(instant: number): boolean {
  const year = new Date(instant).getUTCFullYear()
  return instant >= lastSundayAtOneUtc(year, 3) && instant < lastSundayAtOneUtc(year, 10)
}

/** Sweden's offset from UTC at an instant, in hours: 1 in winter, 2 in summer. */
export const swedishUtcOffsetHours = (instant: number) => (isSwedishSummerTime(instant) ? 2 : 1)

/**
 * The UTC instant of a Swedish wall-clock time, e.g. ('2022-12-14', '17:00') -> 16:00Z and
 * ('2023-06-14', '17:00') -> 15:00Z. A time skipped when the clocks go forward counts as summer
 * time; one that occurs twice in October is read as the first (summer-time) occurrence.
 */
export function swedishTimeToUtc(date: string, time = '00:00'): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const [hours, minutes] = time.split(':').map(Number) as [number, number]
  const wall = Date.UTC(year, month - 1, day, hours, minutes)
  const summer = wall - 2 * hour
  return new Date(isSwedishSummerTime(summer) ? summer : wall - hour)
}

/** The Swedish wall-clock time 'HH:MM' of an instant: 16:00Z on 2022-12-14 -> '17:00'. */
export function swedishClockTime(instant: Date): string {
  const local = new Date(instant.getTime() + swedishUtcOffsetHours(instant.getTime()) * hour)
  return local.toISOString().slice(11, 16)
}
