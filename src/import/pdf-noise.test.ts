import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cleanPdfText, isPageFurniture } from './pdf-noise.ts'

describe('cleanPdfText', () => {
  it('drops page furniture and running headers, keeping the first header', () => {
    const page = (n: number, body: string) =>
      `Exempelby kommun   Protokoll\n${body}\nJusterandes signatur     Utdragsbestyrkande\nSida ${n} (3)`
    const { lines } = cleanPdfText([page(1, 'Första.'), page(2, 'Andra.'), page(3, 'Tredje.')])
    assert.deepEqual(lines, ['Exempelby kommun   Protokoll', 'Första.', 'Andra.', 'Tredje.'])
  })

  it('joins words hyphenated at line ends, but not "stads- och"', () => {
    const { lines, lineNumbers } = cleanPdfText(['Prog-\nnosen visar\nmindre stads-\noch glesbygdskommuner'])
    assert.deepEqual(lines, ['Prognosen', 'visar', 'mindre stads- och', 'glesbygdskommuner'])
    assert.deepEqual(lineNumbers, [1, 2, 3, 4])
  })

  const furniture: [string, boolean][] = [
    ['Sida 2 (21)', true],
    ['2 (21)', true],
    ['Justerandes signatur', true],
    ['Justerandes sign Utdragsbestyrkande', true],
    ['Sida 3 av 10', true],
    ['Nämnden beslutar enligt förslaget.', false],
  ]
  for (const [line, expected] of furniture)
    it(`sees "${line}" as furniture: ${expected}`, () => assert.equal(isPageFurniture(line), expected))
})
