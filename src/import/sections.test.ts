import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Block } from './block.ts'
import { sectionLabel } from './section-labels.ts'
import { findSectionHeadings, readSectionHeading } from './sections.ts'

describe('readSectionHeading', () => {
  const cases: [string, unknown][] = [
    ['§ 5', { section: 5, number: '5' }],
    ['§ 63/20 Budget 2021', { section: 63, number: '63/20', title: 'Budget 2021' }],
    ['KS § 136 Motion om cykelvägar', { section: 136, number: 'KS 136', title: 'Motion om cykelvägar' }],
    ['§ 18-19', undefined],
    ['§ 71 Budget ............ 4', undefined],
  ]
  for (const [text, heading] of cases)
    it(`reads "${text}"`, () => assert.deepEqual(readSectionHeading(text), heading))
})

describe('findSectionHeadings', () => {
  const blocks = (texts: string[]): Block[] => texts.map((text, i) => ({ text, line: i + 1, style: 'text' }))

  it('accepts prefixed numbers without "§" when the prefix repeats ("Sn 50")', () => {
    const found = findSectionHeadings(blocks(['Sn 50 Budget', 'Text.', 'Sn 51 Taxa', 'Text.']), () => {})
    assert.deepEqual(
      found.map((h) => h.number),
      ['Sn 50', 'Sn 51'],
    )
  })

  it('replaces a table of contents by the real headings and warns about numbers going back', () => {
    const warnings: string[] = []
    const found = findSectionHeadings(
      blocks(['§ 1 A', '§ 2 B', '§ 1 A', 'Text.', '§ 2 B', 'Text.', '§ 1 Fel', 'Text.']),
      (line, msg) => warnings.push(`${line}: ${msg}`),
    )
    assert.deepEqual(
      found.map((h) => h.index),
      [2, 4],
    )
    assert.equal(warnings.length, 1)
  })
})

describe('sectionLabel', () => {
  const cases: [string, string | undefined][] = [
    ['Socialnämndens beslut', 'decision'],
    ['Bygg- och miljönämndens beslut', 'decision'],
    ['Kommunstyrelsen beslutar', 'decision'],
    ['Förvaltningens förslag till beslut', 'proposal'],
    ['Propositionsordning', 'procedure'],
    ['Omröstningsresultat', 'vote'],
    ['Reservation', 'dissent'],
    ['Protokollsanteckning', 'statement'],
    ['Jäv', 'recusal'],
    ['Skrivelse om kostnad för enkätundersökning', undefined],
  ]
  for (const [text, kind] of cases) it(`reads "${text}"`, () => assert.equal(sectionLabel(text)?.kind, kind))
})
