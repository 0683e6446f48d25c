// Rendering an iCalendar of 10,000 meetings (the whole archive of a large council), on one core:
// the time to turn the rows into the .ics text, with the UTC conversion of every start and end.
// Run: node --import tsx bench/ical.bench.ts
import { performance } from 'node:perf_hooks'
import type { CalendarMeeting } from '../src/domain/publication/feed-entries.ts'
import { addDays } from '../src/domain/shared/calendar-date.ts'
import { renderCalendar } from '../src/web/feeds/calendar.ts'

const COUNT = 10_000
const committees = [
  'Kommunfullmäktige',
  'Kommunstyrelsen',
  'Socialnämnden',
  'Utbildningsnämnden',
  'Kulturnämnden',
]
const meetings: CalendarMeeting[] = Array.from({ length: COUNT }, (_, i) => {
  const meetsOn = addDays('2000-01-05', i)
  const committeeName = committees[i % committees.length] as string
  return {
    id: i + 1,
    slug: `mote-${meetsOn}`,
    meetsOn,
    startTime: i % 50 === 0 ? null : `${String(8 + (i % 10)).padStart(2, '0')}:30`,
    endTime: i % 3 === 0 ? null : `${String(9 + (i % 10)).padStart(2, '0')}:15`,
    location: 'Stadshuset, Ragnar Östbergs plan 1, sammanträdesrum 3',
    status: i % 97 === 0 ? 'cancelled' : 'published',
    cancellationReason: i % 97 === 0 ? 'För få ärenden' : null,
    updatedAt: '2026-01-01T12:00:00.000Z',
    committeeSlug: committeeName.toLowerCase().replace(/[^a-z]/g, ''),
    committeeName,
  }
})

const options = {
  name: 'Sammanträden',
  baseUrl: 'https://paragraf.example.se',
  idAuthority: 'paragraf.example.se,2026',
}
renderCalendar(meetings.slice(0, 200), options) // warm up
const runs: number[] = []
let bytes = 0
for (let run = 0; run < 5; run++) {
  const start = performance.now()
  const text = renderCalendar(meetings, options)
  runs.push(performance.now() - start)
  bytes = Buffer.byteLength(text)
}
runs.sort((a, b) => a - b)
console.log(
  `iCal, ${COUNT.toLocaleString('en')} meetings: median ${runs[2]?.toFixed(0)} ms, best ${runs[0]?.toFixed(0)} ms, worst ${runs[4]?.toFixed(0)} ms (${(bytes / 1024 / 1024).toFixed(1)} MB)`,
)
