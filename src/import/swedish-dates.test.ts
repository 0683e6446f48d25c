import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseSectionList } from './section-numbers.ts'
import { findDate, findTimes } from './swedish-dates.ts'

describe('findDate', () => {
  const cases: [string, string | undefined][] = [
    ['Justering 2022-12-19', '2022-12-19'],
    ['sammanträde onsdag 14 december 2022', '2022-12-14'],
    ['tjänsteutlåtande daterat den 7 dec. 2022', '2022-12-07'],
    ['17.6.2024', '2024-06-17'],
    ['2023-02-30', undefined],
    ['kvartal 2, 2022', undefined],
  ]
  for (const [text, date] of cases) it(`reads "${text}"`, () => assert.equal(findDate(text), date))
})

describe('findTimes', () => {
  const cases: [string, { start?: string; end?: string }][] = [
    ['Kl.17:00 – 17:15', { start: '17:00', end: '17:15' }],
    ['Kommunhuset, kl. 13.00–16.30', { start: '13:00', end: '16:30' }],
    ['kl 9.00-12.00, 13.00-15.30', { start: '09:00', end: '15:30' }],
    ['kl. 18:00', { start: '18:00' }],
    ['2024-02-27', {}],
  ]
  for (const [text, times] of cases) it(`reads "${text}"`, () => assert.deepEqual(findTimes(text), times))
})

describe('parseSectionList', () => {
  const cases: [string, number[]][] = [
    ['§§ 1-3', [1, 2, 3]],
    ['28–30, 51–52', [28, 29, 30, 51, 52]],
    ['71, 73 och 75', [71, 73, 75]],
    ['60/23–62/23', [60, 61, 62]],
  ]
  for (const [text, list] of cases)
    it(`reads "${text}"`, () => assert.deepEqual(parseSectionList(text), list))

  it('caps a misprinted range', () => assert.equal(parseSectionList('1-99999').length, 1))
})
