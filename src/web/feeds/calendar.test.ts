import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { foldLines as libraryFoldLines } from 'ical-generator'
import { foldLines, renderCalendar } from './calendar.ts'

describe('foldLines', () => {
  it('folds exactly as ical-generator does, never inside a character', () => {
    const lines = [
      '',
      'SUMMARY:kort',
      `DESCRIPTION:${'a'.repeat(200)}`,
      `LOCATION:${'Östbergs plan, sammanträdesrum Å '.repeat(8)}`,
      `X-TEXT:${'€'.repeat(60)}`,
      `X-EMOJI:${'🏛️ Stadshuset '.repeat(10)}`,
      `X-EDGE:${'b'.repeat(66)}é${'c'.repeat(20)}`,
    ]
    const text = `${lines.join('\r\n')}\r\n`
    assert.equal(foldLines(text), libraryFoldLines(text))
    for (const line of foldLines(text).split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line)
  })
})

describe('renderCalendar', () => {
  const meeting = {
    id: 7,
    slug: 'mote-2023-06-14',
    meetsOn: '2023-06-14',
    startTime: '17:00',
    endTime: '18:30',
    location: 'Stadshuset',
    status: 'notice_published' as const,
    cancellationReason: null,
    updatedAt: '2023-06-01T08:00:00.000Z',
    committeeSlug: 'socialnamnden',
    committeeName: 'Socialnämnden',
  }
  it('writes summer-time meetings in UTC and links back to the meeting page', () => {
    const text = renderCalendar([meeting], {
      name: 'Test',
      baseUrl: 'https://example.se',
      idAuthority: 'example.se,2026',
    })
    assert.match(text, /DTSTART:20230614T150000Z/)
    assert.match(text, /DTEND:20230614T163000Z/)
    assert.match(
      text.replace(/\r\n /g, ''),
      /URL;VALUE=URI:https:\/\/example\.se\/committees\/socialnamnden\/mote-2023-06-14/,
    )
    assert.match(text, /UID:meeting-7@example\.se/)
    assert.match(text, /^BEGIN:VCALENDAR\r\n[\s\S]*END:VEVENT\r\nEND:VCALENDAR$/)
  })
  it('makes a meeting without a start time an all-day event, and marks a cancelled one', () => {
    const text = renderCalendar(
      [{ ...meeting, startTime: null, endTime: null, status: 'cancelled', cancellationReason: 'Få ärenden' }],
      { name: 'Test', baseUrl: 'https://example.se', idAuthority: 'example.se,2026' },
    )
    assert.match(text, /DTSTART;VALUE=DATE:20230614/)
    assert.match(text, /STATUS:CANCELLED/)
    assert.match(text, /SUMMARY:Inställt: Socialnämnden/)
  })
})
