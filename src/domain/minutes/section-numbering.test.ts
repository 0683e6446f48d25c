import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  firstSectionNumber,
  formatSectionLabel,
  parseSectionLabel,
  type SectionLabel,
  type SectionNumbering,
} from './section-numbering.ts'

describe('firstSectionNumber', () => {
  const cases: Array<[string, SectionNumbering, { previousInYear?: number } | undefined, number]> = [
    ['per meeting starts at 1', { scheme: 'per_meeting' }, undefined, 1],
    ['per meeting ignores the year', { scheme: 'per_meeting' }, { previousInYear: 135 }, 1],
    ['per year continues the year', { scheme: 'per_year', prefix: 'KS' }, { previousInYear: 135 }, 136],
    ['per year, first meeting of the year', { scheme: 'per_year' }, {}, 1],
    ['per year, nothing given', { scheme: 'per_year' }, undefined, 1],
  ]
  for (const [name, numbering, year, expected] of cases) {
    it(name, () => assert.equal(firstSectionNumber(numbering, year), expected))
  }
})

describe('formatSectionLabel', () => {
  const cases: Array<[number, SectionNumbering, string, string]> = [
    [5, { scheme: 'per_meeting' }, '2022-12-14', '§ 5'],
    [136, { scheme: 'per_year', prefix: 'KS' }, '2018-06-11', 'KS § 136'],
    [63, { scheme: 'per_year', yearSuffix: true }, '2020-05-20', '§ 63/20'],
    [7, { scheme: 'per_year', yearSuffix: true }, '2005-02-01', '§ 7/05'],
    [50, { scheme: 'per_year', prefix: 'Sn', yearSuffix: true }, '2017-03-15', 'Sn § 50/17'],
    [1, { scheme: 'per_meeting', prefix: '' }, '2025-01-01', '§ 1'],
  ]
  for (const [number, numbering, meetingOn, expected] of cases) {
    it(`${number} ${JSON.stringify(numbering)} -> ${expected}`, () =>
      assert.equal(formatSectionLabel(number, numbering, meetingOn), expected))
  }
  for (const number of [0, -3, 1.5]) {
    it(`refuses § ${number}`, () =>
      assert.throws(() => formatSectionLabel(number, { scheme: 'per_meeting' }, '2025-01-01'), RangeError))
  }
})

describe('parseSectionLabel', () => {
  const cases: Array<[string, SectionLabel | undefined]> = [
    ['§ 5', { number: 5 }],
    ['§5', { number: 5 }],
    ['§§ 5', { number: 5 }],
    ['  § 18 ', { number: 18 }],
    ['§ 63/20', { number: 63, yearSuffix: '20' }],
    ['§ 7/05', { number: 7, yearSuffix: '05' }],
    ['§ 63/2020', { number: 63, yearSuffix: '2020' }],
    ['KS § 136', { number: 136, prefix: 'KS' }],
    ['KS §136', { number: 136, prefix: 'KS' }],
    ['KS 136', { number: 136, prefix: 'KS' }],
    ['Sn 50', { number: 50, prefix: 'Sn' }],
    ['Sn § 50/17', { number: 50, prefix: 'Sn', yearSuffix: '17' }],
    ['KSAU § 12', { number: 12, prefix: 'KSAU' }],
    ['Bun § 4', { number: 4, prefix: 'Bun' }],
    ['Ks-au 3', { number: 3, prefix: 'Ks-au' }],
    ['ÄN § 9', { number: 9, prefix: 'ÄN' }],
    ['136', undefined], // a bare number could be anything
    ['§', undefined],
    ['§ 0', undefined],
    ['§§ 1-17', undefined], // a range, not one §
    ['§ 18-19', undefined],
    ['KS 2018/124', undefined], // a registry number (diarienummer)
    ['§ 5 a', undefined],
    ['Val av justerare', undefined],
    ['', undefined],
  ]
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} -> ${JSON.stringify(expected)}`, () =>
      assert.deepEqual(parseSectionLabel(text), expected))
  }

  it('reads back what formatSectionLabel writes', () => {
    const numbering: SectionNumbering = { scheme: 'per_year', prefix: 'KS', yearSuffix: true }
    assert.deepEqual(parseSectionLabel(formatSectionLabel(136, numbering, '2018-06-11')), {
      number: 136,
      prefix: 'KS',
      yearSuffix: '18',
    })
  })
})
