import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type QuorumInput, quorumFor } from './quorum.ts'

const persons = (...ids: number[]) => ids.map((personId) => ({ personId }))
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe('quorumFor', () => {
  const cases: Array<{
    name: string
    input: QuorumInput
    expected: { present: number; required: number; quorate: boolean }
  }> = [
    {
      name: '13 seats need 7',
      input: { seats: 13, serving: persons(...range(1, 7)) },
      expected: { present: 7, required: 7, quorate: true },
    },
    {
      name: '13 seats, 6 present',
      input: { seats: 13, serving: persons(...range(1, 6)) },
      expected: { present: 6, required: 7, quorate: false },
    },
    {
      name: '12 seats need 7: half is not enough',
      input: { seats: 12, serving: persons(...range(1, 6)) },
      expected: { present: 6, required: 7, quorate: false },
    },
    {
      name: '12 seats, 7 present',
      input: { seats: 12, serving: persons(...range(1, 7)) },
      expected: { present: 7, required: 7, quorate: true },
    },
    {
      name: '11 seats need 6',
      input: { seats: 11, serving: persons(...range(1, 6)) },
      expected: { present: 6, required: 6, quorate: true },
    },
    {
      name: '1 seat needs 1',
      input: { seats: 1, serving: persons(1) },
      expected: { present: 1, required: 1, quorate: true },
    },
    {
      name: '2 seats need both',
      input: { seats: 2, serving: persons(1) },
      expected: { present: 1, required: 2, quorate: false },
    },
    {
      name: 'nobody there',
      input: { seats: 5, serving: [] },
      expected: { present: 0, required: 3, quorate: false },
    },
    {
      name: 'members at a distance count (KL 6:24)',
      input: {
        seats: 5,
        serving: [{ personId: 1 }, { personId: 2, remote: true }, { personId: 3, remote: true }],
      },
      expected: { present: 3, required: 3, quorate: true },
    },
    {
      name: 'serving substitutes count',
      input: { seats: 5, serving: persons(1, 2, 101) },
      expected: { present: 3, required: 3, quorate: true },
    },
    {
      name: 'jäv breaks quorum: no exception for committees',
      input: { seats: 13, serving: persons(...range(1, 7)), recusedPersonIds: [4] },
      expected: { present: 6, required: 7, quorate: false },
    },
    {
      name: 'a substitute serving for the recused member restores it',
      input: { seats: 13, serving: persons(...range(1, 7), 101), recusedPersonIds: [4] },
      expected: { present: 7, required: 7, quorate: true },
    },
    {
      name: 'recusal of someone not serving changes nothing',
      input: { seats: 5, serving: persons(1, 2, 3), recusedPersonIds: [9] },
      expected: { present: 3, required: 3, quorate: true },
    },
    {
      name: 'a person listed twice counts once',
      input: { seats: 5, serving: [...persons(1, 2), { personId: 2, remote: true }] },
      expected: { present: 2, required: 3, quorate: false },
    },
    {
      name: 'never more present than seats',
      input: { seats: 3, serving: persons(1, 2, 3, 4, 5) },
      expected: { present: 3, required: 2, quorate: true },
    },
  ]
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(quorumFor(c.input), c.expected))
  }

  for (const seats of [0, -1, 2.5, Number.NaN]) {
    it(`refuses ${seats} seats`, () => assert.throws(() => quorumFor({ seats, serving: [] }), RangeError))
  }
})
