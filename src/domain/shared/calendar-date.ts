// ISO calendar dates ('YYYY-MM-DD') as plain strings: no time of day, no time zone.
// Arithmetic runs on UTC midnights, so a date never shifts with the server's zone or summer time.

export type CalendarDate = { year: number; month: number; day: number }

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const msPerDay = 86_400_000

/** True when value is a 'YYYY-MM-DD' string naming a real day (rejects 2023-02-29). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && toCalendarDate(value) !== undefined
}

/** Splits an ISO date into numbers; throws RangeError unless it is a real 'YYYY-MM-DD' day. */
export function parseIsoDate(value: string): CalendarDate {
  const date = toCalendarDate(value)
  if (!date) throw new RangeError(`Expected a date as YYYY-MM-DD, got '${value}'`)
  return date
}

/** Formats a calendar date as 'YYYY-MM-DD'; month and day out of range roll over (Jan 32 = Feb 1). */
export function formatIsoDate(date: CalendarDate): string {
  return fromDayNumber(toDayNumber(date))
}

/** The date `days` later (earlier when negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Expected whole days, got ${days}`)
  return fromDayNumber(toDayNumber(parseIsoDate(date)) + days)
}

/** Day of the week: 0 = Sunday, 1 = Monday, ... 6 = Saturday (as Date#getUTCDay). */
export function weekday(date: string): number {
  return new Date(toDayNumber(parseIsoDate(date)) * msPerDay).getUTCDay()
}

/** -1, 0 or 1 as a is before, on or after b; usable with Array#sort. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  return Math.sign(daysBetween(b, a)) as -1 | 0 | 1
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(parseIsoDate(to)) - toDayNumber(parseIsoDate(from))
}

function toCalendarDate(value: string): CalendarDate | undefined {
  const match = isoDatePattern.exec(value)
  if (!match) return undefined
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
  return fromDayNumber(toDayNumber(date)) === value ? date : undefined
}

// Days since 1970-01-01; setUTCFullYear avoids Date.UTC's mapping of years 0–99 to 1900–1999.
function toDayNumber({ year, month, day }: CalendarDate): number {
  const utc = new Date(0)
  utc.setUTCFullYear(year, month - 1, day)
  return Math.round(utc.getTime() / msPerDay)
}

function fromDayNumber(dayNumber: number): string {
  const utc = new Date(dayNumber * msPerDay)
  const pad = (n: number, width: number) => String(n).padStart(width, '0')
  return `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1, 2)}-${pad(utc.getUTCDate(), 2)}`
}
