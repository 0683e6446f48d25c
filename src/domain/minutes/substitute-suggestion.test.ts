import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { suggestSubstitutes } from './substitute-suggestion.ts'

const S = 1
const M = 2
const V = 3
const members = [
  { personId: 10, partyId: S },
  { personId: 11, partyId: M },
  { personId: 12, partyId: V },
  { personId: 13, partyId: S },
]
const substitutes = [
  { personId: 20, partyId: M, substituteOrder: 1 },
  { personId: 21, partyId: S, substituteOrder: 2 },
  { personId: 22, partyId: S, substituteOrder: 3 },
  { personId: 23, partyId: null, substituteOrder: null },
]

describe('suggestSubstitutes', () => {
  const table: Array<[string, number[], typeof substitutes, Array<[number, number | undefined]>]> = [
    ['nobody absent', [], substitutes, []],
    ['same party first, in the established order', [10], substitutes, [[10, 21]]],
    [
      'two of one party take the next of that party',
      [10, 13],
      substitutes,
      [
        [10, 21],
        [13, 22],
      ],
    ],
    ['no substitute of the party: the first in order', [12], substitutes, [[12, 20]]],
    [
      'members in their order, each substitute once',
      [12, 11, 10],
      substitutes,
      [
        [10, 21],
        [11, 20],
        [12, 22],
      ],
    ],
    [
      'more absent than substitutes',
      [10, 11],
      [substitutes[0]!],
      [
        [10, 20],
        [11, undefined],
      ],
    ],
    ['an unordered substitute comes last', [12], [substitutes[3]!, substitutes[2]!], [[12, 22]]],
  ]
  for (const [name, absent, available, expected] of table) {
    it(name, () => {
      assert.deepEqual([...suggestSubstitutes(members, available, absent)], expected)
    })
  }
})
