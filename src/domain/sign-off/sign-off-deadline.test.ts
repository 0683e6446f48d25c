import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { daysLeftToSignOff, isSignOffOverdue, signOffDeadline } from './sign-off-deadline.ts'

describe('signOffDeadline', () => {
  const cases: Array<[string, string]> = [
    ['2022-12-14', '2022-12-28'], // seed 002: the meeting of 14 December 2022
    ['2022-12-20', '2023-01-03'],
    ['2024-02-20', '2024-03-05'], // leap year
    ['2023-02-20', '2023-03-06'],
    ['2025-06-06', '2025-06-20'], // calendar days: midsommarafton does not move it
  ]
  for (const [meetingOn, expected] of cases) {
    it(`meeting ${meetingOn} -> sign off by ${expected}`, () =>
      assert.equal(signOffDeadline(meetingOn), expected))
  }
})

describe('isSignOffOverdue and daysLeftToSignOff', () => {
  const cases: Array<[string, string, boolean, number]> = [
    ['2022-12-14', '2022-12-14', false, 14], // seed 002: §§ 18–19 signed off at the meeting
    ['2022-12-14', '2022-12-19', false, 9], // §§ 1–17
    ['2022-12-14', '2022-12-28', false, 0],
    ['2022-12-14', '2022-12-29', true, -1],
    ['2022-12-14', '2023-01-14', true, -17],
    ['2022-12-14', '2022-12-10', false, 18], // today before the meeting
  ]
  for (const [meetingOn, today, overdue, daysLeft] of cases) {
    it(`meeting ${meetingOn}, today ${today}: ${overdue ? 'overdue' : 'in time'}, ${daysLeft} days left`, () => {
      assert.equal(isSignOffOverdue(meetingOn, today), overdue)
      assert.equal(daysLeftToSignOff(meetingOn, today), daysLeft)
    })
  }
})
