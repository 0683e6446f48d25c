import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { slugify, uniqueSlug } from './slug.ts'

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
