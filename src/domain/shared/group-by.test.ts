import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { groupBy } from './group-by.ts'

describe('groupBy', () => {
  it('groups by key in the order the items come', () => {
    const rows = [
      { section: 2, text: 'b' },
      { section: 1, text: 'a' },
      { section: 2, text: 'c' },
    ]
    const groups = groupBy(rows, (r) => r.section)
    assert.deepEqual([...groups.keys()], [2, 1])
    assert.deepEqual(
      groups.get(2)?.map((r) => r.text),
      ['b', 'c'],
    )
  })

  it('maps the values when asked', () => {
    assert.deepEqual(
      groupBy(
        ['ja', 'nej', 'ja'],
        (v) => v,
        (v) => v.length,
      ).get('ja'),
      [2, 2],
    )
  })
})
