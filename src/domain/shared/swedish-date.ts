// Dates as Swedish readers expect them, for pages and for mail. Calendar dates are 'YYYY-MM-DD'
// strings and are formatted without time zones, so a date never shifts by a day.

const weekdays = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag']
const months = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
]

function parts(date: string) {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() }
}

/** "14 december 2022" */
export function formatDate(date: string): string {
  const { year, month, day } = parts(date)
  return `${day} ${months[month - 1]} ${year}`
}

/** "onsdag 14 december 2022" */
export function formatLongDate(date: string): string {
  return `${weekdays[parts(date).weekday]} ${formatDate(date)}`
}

/** "kl. 17:00–17:15" */
export function formatTimeSpan(start: string | null, end: string | null): string {
  if (!start) return ''
  return end ? `kl. ${start}–${end}` : `kl. ${start}`
}

// Made once: building a DateTimeFormat costs far more than formatting with it, and every request
// asks for today's date.
const swedishCalendar = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' })

/** Today's date in Sweden, 'YYYY-MM-DD': notice boards, deadlines and "upcoming" turn at Swedish midnight. */
export function todayInSweden(now = new Date()): string {
  return swedishCalendar.format(now)
}
