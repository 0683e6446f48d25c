import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { forMetadata } from './minutes-pdf.ts'

describe('forMetadata', () => {
  const cases: Array<[string, string]> = [
    ['Socialnämnden', 'Socialnämnden'],
    ['Kultur- & fritidsnämnden', 'Kultur- och fritidsnämnden'],
    ['Nämnd <test>', 'Nämnd test'],
  ]
  for (const [name, expected] of cases) {
    it(`writes ${JSON.stringify(name)} into the XMP metadata as ${JSON.stringify(expected)}`, () =>
      assert.equal(forMetadata(name), expected))
  }
})
