import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  easterSunday,
  holidayName,
  isNonWorkingDay,
  nextWorkingDay,
  swedishHolidays,
} from './swedish-holidays.ts'

describe('easterSunday', () => {
  const cases: Array<[number, string]> = [
    [1818, '1818-03-22'], // earliest possible
    [1961, '1961-04-02'],
    [2000, '2000-04-23'],
    [2004, '2004-04-11'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible
    [2285, '2285-03-22'],
  ]
  for (const [year, expected] of cases) {
    it(`${year} -> ${expected}`, () => assert.equal(easterSunday(year), expected))
  }
})

describe('holidayName', () => {
  const cases: Array<[string, string | undefined]> = [
    ['2025-01-01', 'nyårsdagen'],
    ['2025-01-06', 'trettondedag jul'],
    ['2025-04-18', 'långfredagen'],
    ['2025-04-20', 'påskdagen'],
    ['2025-04-21', 'annandag påsk'],
    ['2025-05-01', 'första maj'],
    ['2025-05-29', 'Kristi himmelsfärds dag'],
    ['2025-06-08', 'pingstdagen'],
    ['2025-06-06', 'nationaldagen'],
    ['2025-06-20', 'midsommarafton'],
    ['2025-06-21', 'midsommardagen'],
    ['2025-11-01', 'alla helgons dag'],
    ['2025-12-24', 'julafton'],
    ['2025-12-25', 'juldagen'],
    ['2025-12-26', 'annandag jul'],
    ['2025-12-31', 'nyårsafton'],
    ['2024-03-29', 'långfredagen'],
    ['2024-04-01', 'annandag påsk'],
    ['2024-05-09', 'Kristi himmelsfärds dag'],
    ['2024-06-21', 'midsommarafton'],
    ['2024-06-22', 'midsommardagen'],
    ['2024-11-02', 'alla helgons dag'],
    ['2026-06-19', 'midsommarafton'], // midsommardagen on the earliest day, 20 June
    ['2026-06-20', 'midsommardagen'],
    ['2021-06-26', 'midsommardagen'], // and on the latest, 26 June
    ['2020-10-31', 'alla helgons dag'], // earliest
    ['2021-11-06', 'alla helgons dag'], // latest
    ['2004-05-31', 'annandag pingst'], // before lag 2004:1052
    ['2004-06-06', undefined],
    ['2005-06-06', 'nationaldagen'],
    ['2005-05-16', undefined], // annandag pingst no more
    ['2025-06-24', undefined], // the old midsommardagen date
    ['2025-11-02', undefined],
    ['2025-04-19', undefined], // påskafton: a Saturday, but not named by the statutes
    ['2025-06-22', undefined], // an ordinary Sunday
    ['2025-03-12', undefined],
  ]
  for (const [date, expected] of cases) {
    it(`${date} -> ${expected ?? 'undefined'}`, () => assert.equal(holidayName(date), expected))
  }
})

describe('isNonWorkingDay', () => {
  const cases: Array<[string, boolean]> = [
    ['2025-06-21', true], // Saturday
    ['2025-06-22', true], // Sunday
    ['2025-06-23', false], // Monday
    ['2025-06-20', true], // midsommarafton, a Friday
    ['2024-12-24', true], // julafton, a Tuesday
    ['2025-12-31', true], // nyårsafton, a Wednesday
    ['2025-06-06', true], // nationaldagen, a Friday
    ['2025-05-01', true],
    ['2025-05-29', true],
    ['2025-05-30', false], // klämdag: a working day in law
    ['2025-04-17', false], // skärtorsdagen
    ['2025-01-05', true], // trettondagsafton is a Sunday in 2025
    ['2026-01-05', false], // trettondagsafton is not in lag 1930:173
    ['2025-04-30', false], // valborgsmässoafton neither
  ]
  for (const [date, expected] of cases) {
    it(`${date} -> ${expected}`, () => assert.equal(isNonWorkingDay(date), expected))
  }
})

describe('nextWorkingDay', () => {
  const cases: Array<[string, string]> = [
    ['2025-03-11', '2025-03-12'], // Tuesday -> Wednesday
    ['2025-03-14', '2025-03-17'], // Friday -> Monday
    ['2025-03-15', '2025-03-17'],
    ['2025-04-17', '2025-04-22'], // skärtorsdagen -> Tuesday after Easter
    ['2024-12-23', '2024-12-27'], // over julafton, juldagen, annandag jul
    ['2025-12-23', '2025-12-29'],
    ['2025-12-30', '2026-01-02'], // over nyårsafton and nyårsdagen
    ['2025-06-19', '2025-06-23'], // over midsommar
    ['2025-06-05', '2025-06-09'], // nationaldagen on a Friday
    ['2025-05-28', '2025-05-30'],
  ]
  for (const [date, expected] of cases) {
    it(`${date} -> ${expected}`, () => assert.equal(nextWorkingDay(date), expected))
  }
})

describe('swedishHolidays', () => {
  it('lists 16 named days in date order for a year after 2004', () => {
    const days = swedishHolidays(2025)
    assert.equal(days.length, 16)
    assert.deepEqual(
      days.map((day) => day.date),
      days.map((day) => day.date).sort(),
    )
    assert.ok(days.every((day) => day.date.startsWith('2025-')))
  })
})
