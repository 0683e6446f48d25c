import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type Finality, finalityOf } from './finality.ts'

describe('finalityOf', () => {
  const cases: Array<[string, string | null, string[], string, Finality]> = [
    ['not announced yet', null, [], '2023-01-01', { state: 'not_announced' }],
    [
      'open to appeal on the last day',
      '2023-01-09',
      [],
      '2023-01-09',
      { state: 'appealable', lastAppealDay: '2023-01-09' },
    ],
    [
      'final the day after the last day',
      '2023-01-09',
      [],
      '2023-01-10',
      { state: 'final', since: '2023-01-10' },
    ],
    ['appealed in time', '2023-01-09', ['2023-01-05'], '2023-02-01', { state: 'appealed', appeals: 1 }],
    [
      'appealed on the last day',
      '2023-01-09',
      ['2023-01-09'],
      '2023-01-20',
      { state: 'appealed', appeals: 1 },
    ],
    [
      'an appeal too late does not stop it',
      '2023-01-09',
      ['2023-01-10'],
      '2023-01-20',
      { state: 'final', since: '2023-01-10' },
    ],
  ]
  for (const [what, lastAppealDay, appealsReceivedOn, today, expected] of cases) {
    it(`is ${expected.state} when ${what}`, () => {
      assert.deepEqual(finalityOf({ lastAppealDay, appealsReceivedOn }, today), expected)
    })
  }
})
