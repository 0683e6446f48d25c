import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isNameVariant, matchNameVariant } from './name-variants.ts'

describe('isNameVariant', () => {
  const same: Array<[string, string, string]> = [
    ['a short form of the given name', 'Dan Guillou', 'Daniel Guillou'],
    ['an accent', 'María Paniagua Dachner', 'Maria Paniagua Dachner'],
    ['a middle name left out', 'Anna Karin Berg', 'Anna Berg'],
    ['a hyphen for a space', 'Ole-Jörgen Persson', 'Ole Jörgen Persson'],
    ['a double surname with a hyphen', 'Eva Lind-Holm', 'Eva Lind Holm'],
    ['case and spacing', 'PER  holm', 'Per Holm'],
  ]
  for (const [what, a, b] of same)
    it(`takes ${a} and ${b} for one person: ${what}`, () => assert.ok(isNameVariant(a, b)))

  const different: Array<[string, string, string]> = [
    ['another surname', 'Anna Berg', 'Anna Bergh'],
    ['another given name', 'Anna Andersson', 'Maria Andersson'],
    ['a given name that merely starts the same', 'Ann Berg', 'Anna Berg'],
    ['a middle name that differs', 'Anna Karin Berg', 'Anna Lena Berg'],
    ['a surname alone', 'Berg', 'Anna Berg'],
    ['a short form of another name', 'Dan Guillou', 'Daniela Guillou'],
  ]
  for (const [what, a, b] of different)
    it(`keeps ${a} and ${b} apart: ${what}`, () => assert.equal(isNameVariant(a, b), false))
})

describe('matchNameVariant', () => {
  const serving = [
    { name: 'Dan Guillou', party: 'MP' },
    { name: 'María Paniagua Dachner', party: 'C' },
    { name: 'Per Andersson', party: 'S' },
    { name: 'Per Andersson', party: 'M' },
    { name: 'Anna Karin Berg', party: 'V' },
    { name: 'Anna Lena Berg', party: 'V' },
  ]

  it('finds the one who served with the same party', () => {
    assert.equal(matchNameVariant({ name: 'Daniel Guillou', party: 'MP' }, serving)?.name, 'Dan Guillou')
    assert.equal(
      matchNameVariant({ name: 'Maria Paniagua Dachner', party: 'C' }, serving)?.name,
      'María Paniagua Dachner',
    )
  })

  it('never matches across parties', () => {
    assert.equal(matchNameVariant({ name: 'Daniel Guillou', party: 'S' }, serving), undefined)
    assert.equal(matchNameVariant({ name: 'Per Andersson', party: 'S' }, serving)?.party, 'S')
  })

  it('chooses none when two who served fit (two people, not one)', () => {
    assert.equal(matchNameVariant({ name: 'Anna Berg', party: 'V' }, serving), undefined)
    assert.equal(matchNameVariant({ name: 'Per Andersson' }, serving), undefined)
  })
})
