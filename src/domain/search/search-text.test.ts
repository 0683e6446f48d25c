import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  excerpt,
  highlight,
  indexedWords,
  matchesTerm,
  queryTerms,
  spellingsWithSwedishLetters,
  stem,
} from './search-text.ts'

const marked = (segments: Array<{ text: string; hit: boolean }>) =>
  segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('')

describe('stem', () => {
  it('gives inflected forms the same stem, as PostgreSQL does', () => {
    const pairs: Array<[string, string]> = [
      ['boende', 'boenden'],
      ['nämnd', 'nämnden'],
      ['nämnd', 'nämnderna'],
      ['beslut', 'besluten'],
      ['plan', 'planer'],
      ['ledsagningsmodell', 'ledsagningsmodellen'],
      ['förvaltning', 'förvaltningens'],
      ['ersättare', 'ersättarna'],
      ['riktlinje', 'riktlinjer'],
      ['tjänsteutlåtande', 'tjänsteutlåtanden'],
    ]
    for (const [a, b] of pairs) assert.equal(stem(a), stem(b), `${a} / ${b}`)
    assert.equal(stem('boenden'), 'boend')
    assert.notEqual(stem('plan'), stem('översiktsplan'))
  })

  it('leaves words with digits as they are', () => {
    assert.equal(stem('covid19'), 'covid19')
    assert.equal(stem('2022'), '2022')
  })
})

describe('indexedWords', () => {
  it('keeps lower-case letters and digits and leaves out stop words', () => {
    assert.deepEqual(indexedWords('Boenden för äldre och LSS-beslut, Dnr 1.2.2-72/2022!'), [
      'boenden',
      'äldre',
      'lss',
      'beslut',
      'dnr',
      '1',
      '2',
      '2',
      '72',
      '2022',
      '1x2x2x72x2022', // the registry number as one word
    ])
  })

  it('composes decomposed letters and drops runs too long to be words', () => {
    assert.deepEqual(indexedWords(`o\u0308versiktsplan ${'x'.repeat(61)} kort`), ['översiktsplan', 'kort'])
  })
})

describe('queryTerms', () => {
  it('reads any text as words: operators and quotes are separators', () => {
    assert.deepEqual(
      queryTerms('"Boende" AND (plan*) -nämnden').map((t) => t.stem),
      ['boend', 'and', 'plan', 'nämnd'],
    )
    assert.deepEqual(queryTerms('och att'), [])
    assert.deepEqual(queryTerms(''), [])
    assert.equal(queryTerms('a b c d e f g h i j k l').length, 8)
  })
})

describe('matchesTerm', () => {
  const [boende] = queryTerms('boende')
  const [ledsagning] = queryTerms('ledsagning')
  const [eu] = queryTerms('EU')
  it('matches inflections and parts of compounds, and short terms only as whole words', () => {
    assert.ok(matchesTerm('Boenden', boende!))
    assert.ok(matchesTerm('ledsagningsmodellen', ledsagning!))
    assert.ok(!matchesTerm('ledsagare', ledsagning!))
    assert.ok(matchesTerm('EU', eu!))
    assert.ok(!matchesTerm('neutral', eu!))
  })
})

describe('excerpt', () => {
  const terms = queryTerms('boende')
  it('marks the matching words of a title', () => {
    assert.equal(
      marked(highlight('Boenden och boendestöd för äldre', terms)),
      '[Boenden] och [boendestöd] för äldre',
    )
  })

  it('shows the words around the first match, with … where text is left out', () => {
    const text = `${'inledning '.repeat(20)}nya boenden byggs ${'avslutning '.repeat(40)}`.trim()
    const shown = marked(excerpt(text, terms))
    assert.match(shown, /^… (inledning ){7}nya \[boenden\] byggs (avslutning ){19}avslutning …$/)
  })

  it('shows the beginning of a text without a match, and nothing for no text', () => {
    assert.equal(marked(excerpt('Kort text.', terms)), 'Kort text.')
    assert.match(marked(excerpt('ord '.repeat(50), terms)), /^(ord ){29}ord …$/)
    assert.deepEqual(excerpt('', terms), [])
  })

  it('keeps markup as text: segments are never HTML', () => {
    assert.deepEqual(excerpt('<b>boende</b>', terms), [
      { text: '<b>', hit: false },
      { text: 'boende', hit: true },
      { text: '</b>', hit: false },
    ])
  })
})

describe('queryTerms with registry numbers and Swedish letters', () => {
  it('reads a registry number as one term, and offers spellings with å, ä and ö for words typed without', () => {
    assert.deepEqual(queryTerms('3.1.1-563/2022'), [{ word: '3x1x1x563x2022', stem: '3x1x1x563x2022' }])
    assert.deepEqual(queryTerms('jonsson')[0]?.variants, ['jönsson', 'jonssön', 'jönssön'])
    assert.equal(queryTerms('jönsson')[0]?.variants, undefined)
    assert.equal(queryTerms('kö')[0]?.variants, undefined)
    assert.equal(spellingsWithSwedishLetters('aaaaaa').length, 8)
  })
})
