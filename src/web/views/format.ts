// Dates and times as Swedish readers expect them; the formatting itself is shared with the mail
// the domain writes (domain/shared/swedish-date.ts).

export {
  formatDate,
  formatLongDate,
  formatTimeSpan,
  todayInSweden,
} from '../../domain/shared/swedish-date.ts'
