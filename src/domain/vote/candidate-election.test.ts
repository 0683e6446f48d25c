import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type CandidateElectionInput, tallyCandidateElection } from './candidate-election.ts'

const three = (a: number, b: number, c: number) => [
  { name: 'Anna Andersson', votes: a },
  { name: 'Bo Berg', votes: b },
  { name: 'Karin Kvist', votes: c },
]

describe('tallyCandidateElection', () => {
  const cases: Array<[string, CandidateElectionInput, Record<string, unknown>]> = [
    [
      'elects the candidate with the most votes, without an absolute majority (KL 5:55)',
      { candidates: three(5, 4, 3), blank: 1 },
      { elected: 'Anna Andersson', decidedBy: 'majority', blank: 1 },
    ],
    [
      'elects the one ahead whatever the order given',
      { candidates: three(2, 3, 7), blank: 0 },
      { elected: 'Karin Kvist', decidedBy: 'majority' },
    ],
    [
      'draws the lot among those tied for the most votes (KL 5:56)',
      { candidates: three(5, 5, 3), blank: 0, drawLot: (tied) => tied[1]! },
      { elected: 'Bo Berg', decidedBy: 'lot' },
    ],
    [
      'a tie further down decides nothing: the first is elected',
      { candidates: [...three(6, 3, 3), { name: 'Lars Lind', votes: 1 }], blank: 0 },
      { elected: 'Anna Andersson', decidedBy: 'majority' },
    ],
    [
      'a tie for the most needs the lot',
      { candidates: three(4, 4, 4), blank: 1 },
      { problem: 'tie_needs_lot', tied: ['Anna Andersson', 'Bo Berg', 'Karin Kvist'] },
    ],
    [
      'the lot cannot name one not tied',
      { candidates: three(4, 4, 1), blank: 0, drawLot: () => 'Karin Kvist' },
      { problem: 'lot_not_tied' },
    ],
    [
      'one candidate is no election',
      { candidates: three(1, 0, 0).slice(0, 1), blank: 0 },
      { problem: 'too_few_candidates' },
    ],
    [
      'each candidate once',
      { candidates: [...three(1, 2, 3), { name: ' anna andersson ', votes: 1 }], blank: 0 },
      { problem: 'name_twice' },
    ],
    [
      'a name for each',
      { candidates: [...three(1, 2, 3), { name: ' ', votes: 1 }], blank: 0 },
      { problem: 'name_missing' },
    ],
    ['whole counts from 0', { candidates: three(1, -1, 3), blank: 0 }, { problem: 'count_invalid' }],
    ['whole blank ballots from 0', { candidates: three(1, 2, 3), blank: 1.5 }, { problem: 'blank_invalid' }],
  ]
  for (const [name, input, expected] of cases)
    it(name, () => {
      const result = tallyCandidateElection(input) as unknown as Record<string, unknown>
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(result[key], value, key)
    })
})
