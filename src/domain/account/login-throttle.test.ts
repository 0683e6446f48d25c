import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { maxPairDelaySeconds, pairDelaySeconds, pairFailuresCounted, pairRetryAt } from './login-throttle.ts'

describe('pairDelaySeconds', () => {
  const cases: Array<[number, number]> = [
    [0, 0],
    [2, 0],
    [3, 1],
    [4, 2],
    [5, 4],
    [10, 128],
    [13, 900],
    [50, 900],
  ]
  for (const [failures, seconds] of cases)
    it(`waits ${seconds} s after ${failures} failures`, () =>
      assert.equal(pairDelaySeconds(failures), seconds))

  it('counts enough failures to reach the ceiling', () =>
    assert.equal(pairDelaySeconds(pairFailuresCounted), maxPairDelaySeconds))
})

describe('pairRetryAt', () => {
  it('counts the wait from the latest failure', () => {
    const failures = ['2026-03-02T09:00:10.000Z', '2026-03-02T09:00:05.000Z', '2026-03-02T09:00:00.000Z']
    assert.equal(pairRetryAt(failures)?.toISOString(), '2026-03-02T09:00:11.000Z')
    assert.equal(pairRetryAt(failures.slice(1)), undefined)
  })
})
