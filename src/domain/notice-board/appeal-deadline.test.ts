import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addDays } from '../shared/calendar-date.ts'
import { isNonWorkingDay } from '../shared/swedish-holidays.ts'
import { lastAppealDay, latestNoticePostingDay, noticeRemovalDay } from './appeal-deadline.ts'

// [posted on, last appeal day, why]
const cases: Array<[string, string, string]> = [
  ['2022-12-19', '2023-01-09', 'Monday to Monday, over Christmas and New Year'],
  ['2022-12-21', '2023-01-11', 'a Wednesday: the holidays in between do not matter'],
  ['2024-12-03', '2024-12-27', 'julafton, juldagen and annandag jul push it to Friday'],
  ['2025-12-04', '2025-12-29', 'juldagen on Thursday, annandag jul, weekend -> Monday'],
  ['2025-12-09', '2025-12-30', 'the Tuesday before nyårsafton is a working day'],
  ['2025-12-10', '2026-01-02', 'nyårsafton, then nyårsdagen -> Friday'],
  ['2025-12-11', '2026-01-02', 'nyårsdagen -> Friday'],
  ['2022-12-10', '2023-01-02', 'posted on a Saturday: nyårsafton Saturday, nyårsdagen Sunday -> Monday'],
  ['2025-12-16', '2026-01-07', 'trettondedag jul on Tuesday -> Wednesday'],
  ['2025-05-08', '2025-05-30', 'Kristi himmelsfärds dag 2025-05-29'],
  ['2024-04-18', '2024-05-10', 'Kristi himmelsfärds dag 2024-05-09'],
  ['2023-04-27', '2023-05-19', 'Kristi himmelsfärds dag 2023-05-18'],
  ['2025-05-30', '2025-06-23', 'midsommarafton, midsommardagen, Sunday'],
  ['2024-05-31', '2024-06-24', 'midsommarafton 2024-06-21'],
  ['2026-05-29', '2026-06-22', 'midsommarafton 2026-06-19'],
  ['2025-05-16', '2025-06-09', 'nationaldagen on a Friday, then the weekend'],
  ['2023-05-16', '2023-06-07', 'nationaldagen on a Tuesday'],
  ['2026-05-16', '2026-06-08', 'posted Saturday; nationaldagen on Saturday'],
  ['2025-03-28', '2025-04-22', 'långfredagen 2025 -> past Easter to Tuesday'],
  ['2025-03-31', '2025-04-22', 'annandag påsk 2025'],
  ['2024-03-08', '2024-04-02', 'långfredagen 2024 (early Easter)'],
  ['2024-03-11', '2024-04-02', 'annandag påsk 2024'],
  ['2038-04-02', '2038-04-27', 'långfredagen 2038 (late Easter)'],
  ['2027-03-05', '2027-03-30', 'långfredagen 2027'],
  ['2025-04-10', '2025-05-02', 'första maj on a Thursday'],
  ['2022-04-11', '2022-05-02', 'första maj on a Sunday: no extra day, Monday is a working day'],
  ['2024-10-11', '2024-11-01', 'the Friday before alla helgons dag is a working day'],
  ['2025-10-11', '2025-11-03', 'posted on a Saturday: alla helgons dag, Sunday -> Monday'],
  ['2025-03-12', '2025-04-02', 'an ordinary Wednesday'],
  ['2024-02-08', '2024-02-29', 'leap day'],
  ['2025-08-02', '2025-08-25', 'posted on a Saturday -> Monday'],
  ['2025-08-03', '2025-08-25', 'posted on a Sunday -> Monday'],
]

describe('lastAppealDay', () => {
  for (const [postedOn, expected, why] of cases) {
    it(`posted ${postedOn} -> ${expected}: ${why}`, () => assert.equal(lastAppealDay(postedOn), expected))
  }
  it('is three weeks later, or the first working day after a run of non-working days', () => {
    for (const [postedOn, expected] of cases) {
      const threeWeeksLater = addDays(postedOn, 21)
      assert.ok(!isNonWorkingDay(expected), postedOn)
      for (let day = threeWeeksLater; day < expected; day = addDays(day, 1))
        assert.ok(isNonWorkingDay(day), day)
    }
  })
})

describe('noticeRemovalDay', () => {
  const removals: Array<[string, string]> = [
    ['2022-12-19', '2023-01-10'],
    ['2024-12-03', '2024-12-28'],
    ['2025-05-30', '2025-06-24'],
    ['2025-12-10', '2026-01-03'],
  ]
  for (const [postedOn, expected] of removals) {
    it(`posted ${postedOn} -> down from ${expected}`, () =>
      assert.equal(noticeRemovalDay(postedOn), expected))
  }
})

describe('latestNoticePostingDay', () => {
  const postings: Array<[string, string]> = [
    ['2022-12-19', '2022-12-21'],
    ['2022-12-14', '2022-12-16'],
    ['2025-06-19', '2025-06-21'], // midsommardagen: calendar days, KL 8:12
    ['2024-12-30', '2025-01-01'],
    ['2024-02-28', '2024-03-01'],
  ]
  for (const [signedOffOn, expected] of postings) {
    it(`signed off ${signedOffOn} -> post by ${expected}`, () =>
      assert.equal(latestNoticePostingDay(signedOffOn), expected))
  }
})
