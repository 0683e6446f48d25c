import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { swedishClockTime, swedishTimeToUtc } from './swedish-time.ts'

describe('swedishTimeToUtc', () => {
  // [local date, local time, UTC instant, why]
  const cases: Array<[string, string, string, string]> = [
    ['2022-12-14', '17:00', '2022-12-14T16:00:00.000Z', 'winter: CET, UTC+1'],
    ['2023-06-14', '17:00', '2023-06-14T15:00:00.000Z', 'summer: CEST, UTC+2'],
    ['2025-03-29', '23:30', '2025-03-29T22:30:00.000Z', 'the evening before summer time starts'],
    ['2025-03-30', '01:59', '2025-03-30T00:59:00.000Z', 'just before the clocks go forward'],
    ['2025-03-30', '03:00', '2025-03-30T01:00:00.000Z', 'just after the clocks go forward'],
    ['2025-03-30', '17:00', '2025-03-30T15:00:00.000Z', 'the first summer-time afternoon'],
    ['2025-10-25', '17:00', '2025-10-25T15:00:00.000Z', 'the last summer-time Saturday'],
    ['2025-10-26', '02:30', '2025-10-26T00:30:00.000Z', 'the repeated hour: its first occurrence'],
    ['2025-10-26', '03:00', '2025-10-26T02:00:00.000Z', 'after the clocks go back'],
    ['2025-10-26', '17:00', '2025-10-26T16:00:00.000Z', 'the first winter-time afternoon'],
    ['2024-02-29', '09:15', '2024-02-29T08:15:00.000Z', 'leap day'],
    ['2026-12-31', '23:45', '2026-12-31T22:45:00.000Z', 'new year in Sweden, still the old year in UTC'],
    ['2027-01-01', '00:15', '2026-12-31T23:15:00.000Z', 'just after midnight: the day before in UTC'],
  ]
  for (const [date, time, expected, why] of cases) {
    it(`${date} ${time} -> ${expected}: ${why}`, () =>
      assert.equal(swedishTimeToUtc(date, time).toISOString(), expected))
  }

  it('agrees with the time-zone database at noon and 17:00 on every day of 2020–2030', () => {
    const format = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      dateStyle: 'short',
      timeStyle: 'short',
    })
    for (let day = Date.UTC(2020, 0, 1); day < Date.UTC(2031, 0, 1); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10)
      for (const time of ['12:00', '17:00']) {
        assert.equal(format.format(swedishTimeToUtc(date, time)), `${date} ${time}`)
      }
    }
  })
})

describe('swedishClockTime', () => {
  it('reads an instant back as the Swedish wall-clock time, in winter and in summer', () => {
    assert.equal(swedishClockTime(new Date('2022-12-14T16:00:00.000Z')), '17:00')
    assert.equal(swedishClockTime(new Date('2023-06-14T15:05:00.000Z')), '17:05')
  })

  it('undoes swedishTimeToUtc outside the repeated October hour', () => {
    for (const [date, time] of [
      ['2025-03-30', '03:00'],
      ['2026-12-31', '23:45'],
      ['2027-01-01', '00:15'],
    ] as const) {
      assert.equal(swedishClockTime(swedishTimeToUtc(date, time)), time)
    }
  })
})
