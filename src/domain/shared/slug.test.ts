import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cappedSlug, maxSlugLength, slugify, uniqueSlug } from './slug.ts'

describe('slugify', () => {
  const cases: Array<[string, string]> = [
    ['Socialnämnden', 'socialnamnden'],
    ['Kommunstyrelsens arbetsutskott', 'kommunstyrelsens-arbetsutskott'],
    ['Äldre- och omsorgsnämnden', 'aldre-och-omsorgsnamnden'],
    ['  Öster/Malm  ', 'oster-malm'],
    ['María Paniagua Dachner', 'maria-paniagua-dachner'],
  ]
  for (const [name, slug] of cases)
    it(`turns "${name}" into "${slug}"`, () => assert.equal(slugify(name), slug))
})

describe('uniqueSlug', () => {
  it('numbers a slug that is taken', () => {
    assert.equal(uniqueSlug('mote-2022-12-14', new Set()), 'mote-2022-12-14')
    assert.equal(uniqueSlug('mote-2022-12-14', new Set(['mote-2022-12-14'])), 'mote-2022-12-14-2')
    assert.equal(uniqueSlug('a', new Set(['a', 'a-2'])), 'a-3')
  })
})

describe('cappedSlug', () => {
  it('keeps a short name whole', () => assert.equal(cappedSlug('Socialnämnden'), 'socialnamnden'))

  it('cuts a long name at the end of a word, within 60 characters', () => {
    const slug = cappedSlug(
      'Nämnden för arbetsmarknad, vuxenutbildning, integration och samhällsorientering för nyanlända i Stockholms stad',
    )
    assert.equal(slug, 'namnden-for-arbetsmarknad-vuxenutbildning-integration-och')
    assert.ok(slug.length <= maxSlugLength)
  })

  it('cuts inside a word only when the first word alone is too long', () => {
    assert.equal(cappedSlug('a'.repeat(200)), 'a'.repeat(60))
    assert.equal(cappedSlug(`${'b'.repeat(59)} c`), 'b'.repeat(59))
    assert.equal(cappedSlug(`${'b'.repeat(60)} c`), 'b'.repeat(60))
  })
})
