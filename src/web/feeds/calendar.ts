import ical, { ICalEventStatus } from 'ical-generator'
import type { CalendarMeeting } from '../../domain/publication/feed-entries.ts'
import { addDays } from '../../domain/shared/calendar-date.ts'
import { swedishTimeToUtc } from '../../domain/shared/swedish-time.ts'
import { paths } from '../paths.ts'

const hour = 3_600_000

/**
 * An iCalendar of meetings. Times are written in UTC (…Z), converted from the Swedish wall-clock
 * date and time with summer time taken into account, so every calendar program shows the right
 * hour whatever its time zone. A meeting without a start time is an all-day event. Each event links
 * back to its meeting page.
 */
export function renderCalendar(
  meetings: readonly CalendarMeeting[],
  options: {
    name: string
    baseUrl: string
    idAuthority: string
    /** The calendar's own address (its URL property); the site-wide calendar unless given. */
    path?: string
  },
): string {
  // RFC 5545 3.8.4.7: a UID unique everywhere and forever, so not the address the site has today.
  const uidDomain = (options.idAuthority.split(',')[0] ?? '').replace(/^.*@/, '')
  const settings = {
    name: options.name,
    prodId: { company: 'Paragraf', product: 'Sammanträden', language: 'SV' },
    url: options.baseUrl + (options.path ?? paths.calendar()),
    ttl: hour / 1000,
  }
  const calendar = ical(settings)
  for (const meeting of meetings) {
    const url = options.baseUrl + paths.meeting(meeting.committeeSlug, meeting.slug)
    const summary = `${meeting.committeeName}, sammanträde`
    const cancelled = meeting.status === 'cancelled'
    const description = [
      cancelled
        ? `Inställt${meeting.cancellationReason ? `: ${meeting.cancellationReason}` : ''}.`
        : undefined,
      `Kallelse, dagordning och protokoll: ${url}`,
    ]
      .filter(Boolean)
      .join('\n')
    const common = {
      id: `meeting-${meeting.id}@${uidDomain}`,
      summary: cancelled ? `Inställt: ${summary}` : summary,
      description,
      location: meeting.location,
      url,
      stamp: new Date(meeting.updatedAt),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    }
    if (meeting.startTime) {
      const start = swedishTimeToUtc(meeting.meetsOn, meeting.startTime)
      const end =
        meeting.endTime && meeting.endTime > meeting.startTime
          ? swedishTimeToUtc(meeting.meetsOn, meeting.endTime)
          : new Date(start.getTime() + 2 * hour)
      calendar.createEvent({ ...common, start, end })
    } else {
      // All-day: a floating date, which ical-generator writes as VALUE=DATE.
      calendar.createEvent({
        ...common,
        start: dateOnly(meeting.meetsOn),
        end: dateOnly(addDays(meeting.meetsOn, 1)),
        allDay: true,
      })
    }
  }
  // ical-generator folds the whole text at the end with a TextEncoder per character (2.3 s for
  // 10,000 events). Print the empty calendar with it, and the events folded the same way, faster.
  const shell = ical(settings).toString()
  const end = 'END:VCALENDAR'
  const events = calendar
    .events()
    .map((event) => event.toString())
    .join('')
  return shell.slice(0, shell.length - end.length) + foldLines(events) + end
}

/**
 * RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and a space, never inside a
 * UTF-8 character (the same rule and output as ical-generator's foldLines).
 */
export function foldLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (line.length <= 24) return line // at most 3 octets a character: cannot exceed 74
      const parts: string[] = []
      let from = 0
      let octets = 0
      for (let i = 0; i < line.length; i++) {
        const code = line.charCodeAt(i)
        const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length
        const size = pair ? 4 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3
        octets += size
        if (octets > 74) {
          parts.push(line.slice(from, i))
          from = i
          octets = size
        }
        if (pair) i++
      }
      parts.push(line.slice(from))
      return parts.join('\r\n ')
    })
    .join('\r\n')
}

/** A calendar date as a Date at UTC midnight; ical-generator prints all-day dates from it. */
function dateOnly(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`)
}
