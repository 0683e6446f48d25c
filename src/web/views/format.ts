// Dates and times as Swedish readers expect them; the formatting itself is shared with the mail
// the domain writes (domain/shared/swedish-date.ts).

export { formatDate, formatLongDate, formatTimeSpan } from '../../domain/shared/swedish-date.ts'

/** Today's date in Sweden, 'YYYY-MM-DD' (the notice board and "upcoming" turn at Swedish midnight). */
export function todayInSweden(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now)
}
