import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseSavedSearch, savedSearchText } from './saved-search.ts'

describe('savedSearchText', () => {
  it('gives one text per search, whatever the order and spacing it came in', () => {
    const a = savedSearchText({ party: 'S', q: '  budget   uppföljning ', year: 2024, committeeSlug: 'kf' })
    const b = savedSearchText({ q: 'budget uppföljning', committeeSlug: 'kf', year: 2024, party: 'S' })
    assert.equal(a, b)
    assert.equal(a, '{"q":"budget uppföljning","committeeSlug":"kf","year":2024,"party":"S"}')
    assert.equal(
      savedSearchText({ q: 'budget', committeeSlug: undefined, kind: undefined }),
      '{"q":"budget"}',
    )
  })

  it('reads back what it wrote, and nothing from a text it did not write', () => {
    const search = { q: 'budget', committeeSlug: 'kf', year: 2024, kind: 'document' as const, party: 'MP' }
    assert.deepEqual(parseSavedSearch(savedSearchText(search)), search)
    for (const text of [null, '', 'inte json', '[]', '{"q":3}', 'null'])
      assert.equal(parseSavedSearch(text), undefined, String(text))
    assert.equal(parseSavedSearch('{"q":"x","kind":"okänd"}')?.kind, undefined)
  })
})
