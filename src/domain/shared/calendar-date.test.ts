import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  addDays,
  compareDates,
  daysBetween,
  formatIsoDate,
  isIsoDate,
  parseIsoDate,
  weekday,
} from './calendar-date.ts'

describe('isIsoDate', () => {
  const cases: Array<[unknown, boolean]> = [
    ['2024-02-29', true],
    ['2023-02-28', true],
    ['2000-02-29', true],
    ['0045-06-01', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2023-04-31', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-01-00', false],
    ['2023-1-5', false],
    ['20230105', false],
    ['2023-01-05T00:00:00Z', false],
    [' 2023-01-05', false],
    ['', false],
    [20230105, false],
    [undefined, false],
  ]
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} -> ${expected}`, () => assert.equal(isIsoDate(value), expected))
  }
})

describe('parseIsoDate and formatIsoDate', () => {
  it('splits a date into numbers', () => {
    assert.deepEqual(parseIsoDate('2022-12-19'), { year: 2022, month: 12, day: 19 })
  })
  it('throws a RangeError on a date that does not exist', () => {
    assert.throws(() => parseIsoDate('2023-02-29'), RangeError)
  })
  const formats: Array<[{ year: number; month: number; day: number }, string]> = [
    [{ year: 2022, month: 12, day: 19 }, '2022-12-19'],
    [{ year: 45, month: 6, day: 1 }, '0045-06-01'],
    [{ year: 2023, month: 1, day: 32 }, '2023-02-01'],
    [{ year: 2023, month: 13, day: 1 }, '2024-01-01'],
  ]
  for (const [date, expected] of formats) {
    it(`formats ${JSON.stringify(date)} as ${expected}`, () => assert.equal(formatIsoDate(date), expected))
  }
})

describe('addDays', () => {
  const cases: Array<[string, number, string]> = [
    ['2022-12-19', 21, '2023-01-09'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-03-30', 1, '2024-03-31'], // summer time starts in Sweden that night
    ['2024-10-26', 2, '2024-10-28'], // and ends here
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-06-15', 0, '2025-06-15'],
    ['2000-01-01', 366, '2001-01-01'],
  ]
  for (const [date, days, expected] of cases) {
    it(`${date} ${days >= 0 ? '+' : ''}${days} -> ${expected}`, () =>
      assert.equal(addDays(date, days), expected))
  }
  it('refuses fractions of a day', () => assert.throws(() => addDays('2025-01-01', 0.5), RangeError))
  it('refuses an invalid date', () => assert.throws(() => addDays('2025-02-30', 1), RangeError))
})

describe('weekday', () => {
  const cases: Array<[string, number]> = [
    ['1970-01-01', 4],
    ['2022-12-19', 1],
    ['2024-12-24', 2],
    ['2025-06-20', 5],
    ['2025-06-21', 6],
    ['2025-06-22', 0],
    ['1969-12-31', 3],
    ['2100-01-01', 5],
  ]
  for (const [date, expected] of cases) {
    it(`${date} is day ${expected}`, () => assert.equal(weekday(date), expected))
  }
})

describe('compareDates and daysBetween', () => {
  const cases: Array<[string, string, -1 | 0 | 1, number]> = [
    ['2022-12-05', '2022-12-19', -1, 14],
    ['2022-12-19', '2022-12-05', 1, -14],
    ['2024-02-29', '2024-02-29', 0, 0],
    ['2024-01-01', '2025-01-01', -1, 366],
    ['2024-03-30', '2024-04-01', -1, 2],
  ]
  for (const [a, b, order, days] of cases) {
    it(`${a} vs ${b}: ${order}, ${days} days`, () => {
      assert.equal(compareDates(a, b), order)
      assert.equal(daysBetween(a, b), days)
    })
  }
  it('sorts dates', () => {
    assert.deepEqual(['2023-01-09', '2022-12-19', '2022-12-31'].sort(compareDates), [
      '2022-12-19',
      '2022-12-31',
      '2023-01-09',
    ])
  })
})
