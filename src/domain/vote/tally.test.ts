import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DomainError } from '../shared/errors.ts'
import { type BallotChoice, type Tally, TallyError, type TallyInput, tallyVote } from './tally.ts'

const ballots = (yes: number, no: number, abstain = 0): BallotChoice[] => [
  ...Array<BallotChoice>(yes).fill('yes'),
  ...Array<BallotChoice>(no).fill('no'),
  ...Array<BallotChoice>(abstain).fill('abstain'),
]
const lot = (result: 'yes' | 'no') => () => result

describe('tallyVote', () => {
  const cases: Array<{ name: string; input: TallyInput; expected: Tally }> = [
    {
      name: 'yes wins by simple majority',
      input: { kind: 'open', ballots: ballots(7, 6) },
      expected: { yes: 7, no: 6, abstain: 0, outcome: 'yes', decidedBy: 'majority' },
    },
    {
      name: 'no wins by simple majority',
      input: { kind: 'open', ballots: ballots(4, 8, 1), chairVote: 'no' },
      expected: { yes: 4, no: 8, abstain: 1, outcome: 'no', decidedBy: 'majority' },
    },
    {
      name: 'abstentions do not count against the majority (KL 4:25)',
      input: { kind: 'open', ballots: ballots(3, 2, 8) },
      expected: { yes: 3, no: 2, abstain: 8, outcome: 'yes', decidedBy: 'majority' },
    },
    {
      name: 'the chair need not vote when the vote is not tied',
      input: { kind: 'open', ballots: ballots(6, 5, 1), chairVote: 'abstain' },
      expected: { yes: 6, no: 5, abstain: 1, outcome: 'yes', decidedBy: 'majority' },
    },
    {
      name: 'gives the chair the casting vote on a tie (KL 5:56)',
      input: { kind: 'open', ballots: ballots(6, 6, 1), chairVote: 'no' },
      expected: { yes: 6, no: 6, abstain: 1, outcome: 'no', decidedBy: 'casting_vote' },
    },
    {
      name: 'casting vote for yes',
      input: { kind: 'open', ballots: ballots(2, 2), chairVote: 'yes' },
      expected: { yes: 2, no: 2, abstain: 0, outcome: 'yes', decidedBy: 'casting_vote' },
    },
    {
      name: 'an election with a majority needs no lot',
      input: { kind: 'election', ballots: ballots(5, 4), drawLot: () => assert.fail('no lot expected') },
      expected: { yes: 5, no: 4, abstain: 0, outcome: 'yes', decidedBy: 'majority' },
    },
    {
      name: 'a tied election is decided by lot, not by the chair (KL 5:56)',
      input: { kind: 'election', ballots: ballots(4, 4, 1), chairVote: 'yes', drawLot: lot('no') },
      expected: { yes: 4, no: 4, abstain: 1, outcome: 'no', decidedBy: 'lot' },
    },
    {
      name: 'a tied appointment is decided by lot',
      input: { kind: 'appointment', ballots: ballots(3, 3), drawLot: lot('yes') },
      expected: { yes: 3, no: 3, abstain: 0, outcome: 'yes', decidedBy: 'lot' },
    },
    {
      name: 'an election where everyone abstained goes to lot',
      input: { kind: 'election', ballots: ballots(0, 0, 5), drawLot: lot('yes') },
      expected: { yes: 0, no: 0, abstain: 5, outcome: 'yes', decidedBy: 'lot' },
    },
  ]
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(tallyVote(c.input), c.expected))
  }

  const invalid: Array<{ name: string; input: TallyInput; message: RegExp }> = [
    {
      name: 'a tied open vote with no chair vote',
      input: { kind: 'open', ballots: ballots(5, 5) },
      message: /chair must vote/,
    },
    {
      name: 'a tied open vote where the chair abstained (KL 4:25)',
      input: { kind: 'open', ballots: ballots(5, 5, 1), chairVote: 'abstain' },
      message: /chair must vote/,
    },
    {
      name: 'an open vote where nobody voted',
      input: { kind: 'open', ballots: [] },
      message: /chair must vote/,
    },
    {
      name: 'a tied election with no lot',
      input: { kind: 'election', ballots: ballots(2, 2) },
      message: /lot/,
    },
    {
      name: 'a tied appointment with no lot',
      input: { kind: 'appointment', ballots: ballots(1, 1) },
      message: /lot/,
    },
    {
      name: "a chair's vote missing from the ballots",
      input: { kind: 'open', ballots: ballots(0, 0, 3), chairVote: 'yes' },
      message: /not among the ballots/,
    },
  ]
  for (const c of invalid) {
    it(`refuses ${c.name}`, () => {
      assert.throws(
        () => tallyVote(c.input),
        (error: unknown) =>
          error instanceof TallyError &&
          error instanceof DomainError &&
          error.code === 'invalid_input' &&
          c.message.test(error.message),
      )
    })
  }
})
