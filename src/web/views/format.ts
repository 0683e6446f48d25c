// Dates and times as Swedish readers expect them; the formatting itself is shared with the mail
// the domain writes (domain/shared/swedish-date.ts).

export {
  formatDate,
  formatLongDate,
  formatTimeSpan,
  todayInSweden,
} from '../../domain/shared/swedish-date.ts'

const swedishDateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
})

/** A UTC timestamp as Swedish local time (CET/CEST), "2026-12-05 23:14": what a clerk's clock said. */
export function formatDateTime(iso: string): string {
  return swedishDateTime.format(new Date(iso))
}
