import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { substitutesPassedOver, suggestSubstitutes } from './substitute-suggestion.ts'

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

describe('substitutesPassedOver (B3: substitutes serve in the established order)', () => {
  // [why, serving for (member → substitute), substitutes present, passed over (member, serving, passed over)]
  const table: Array<[string, Array<[number, number]>, number[], Array<[number, number, number]>]> = [
    ['the suggested substitute serves', [[10, 21]], [20, 21, 22], []],
    ['the second of the party serves while the first sits idle', [[10, 22]], [21, 22], [[10, 22, 21]]],
    [
      'another party’s substitute serves while one of the party sits idle',
      [[10, 20]],
      [20, 21],
      [[10, 20, 21]],
    ],
    ['the one passed over is absent', [[10, 22]], [22], []],
    [
      'the one passed over serves for another member',
      [
        [10, 22],
        [13, 21],
      ],
      [21, 22],
      [],
    ],
    ['no one of the party: the lower number in the order first', [[12, 23]], [20, 23], [[12, 23, 20]]],
  ]
  for (const [why, serving, present, expected] of table) {
    it(why, () => {
      const found = substitutesPassedOver(
        members,
        substitutes.filter((s) => present.includes(s.personId)),
        new Map(serving),
      )
      assert.deepEqual(
        found.map((f) => [f.memberId, f.servingId, f.passedOverId]),
        expected,
      )
    })
  }
})
