// Counting a vote (omröstning) in a committee: KL 4:24–25 and 5:53–56, for committees via 6:33.

import { InvalidInputError } from '../shared/errors.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    chair_vote_not_cast: undefined
    tie_needs_casting_vote: undefined
    tie_needs_lot: undefined
  }
}

export type BallotChoice = 'yes' | 'no' | 'abstain'
export type VoteKind = 'open' | 'election' | 'appointment'

export type TallyInput = {
  kind: VoteKind
  /** Every serving member's ballot, the chair's included. */
  ballots: BallotChoice[]
  /** The chair's own ballot (one of `ballots`): it decides a tie in an open vote. */
  chairVote?: BallotChoice
  /** Draws the lot on a tie in an election or appointment of staff. */
  drawLot?: () => 'yes' | 'no'
}

export type Tally = {
  yes: number
  no: number
  abstain: number
  outcome: 'yes' | 'no'
  decidedBy: 'majority' | 'casting_vote' | 'lot'
}

/** A vote that cannot be decided from what was given (code 'invalid_input', field names the gap). */
export class TallyError extends InvalidInputError {
  override name = 'TallyError'
}

/**
 * The result of a vote. KL 4:24: one vote per member; 4:25: members may abstain; 5:55: simple
 * majority of yes against no. 5:56: on a tie the chair's vote decides, but elections and
 * appointments of staff are decided by lot.
 */
export function tallyVote(input: TallyInput): Tally {
  const { kind, ballots, chairVote, drawLot } = input
  const count = (choice: BallotChoice) => ballots.filter((ballot) => ballot === choice).length
  const counts = { yes: count('yes'), no: count('no'), abstain: count('abstain') }
  if (chairVote && count(chairVote) === 0) {
    throw new TallyError(
      'chair_vote_not_cast',
      `The chair's vote '${chairVote}' is not among the ballots`,
      'chairVote',
    )
  }
  if (counts.yes !== counts.no) {
    return { ...counts, outcome: counts.yes > counts.no ? 'yes' : 'no', decidedBy: 'majority' }
  }
  if (kind === 'open') {
    // KL 4:25: the chair must vote when it is needed for the matter to be decided.
    if (chairVote !== 'yes' && chairVote !== 'no') {
      throw new TallyError(
        'tie_needs_casting_vote',
        'The vote is tied: the chair must vote yes or no to decide it (KL 4:25, 5:56)',
        'chairVote',
      )
    }
    return { ...counts, outcome: chairVote, decidedBy: 'casting_vote' }
  }
  if (!drawLot)
    throw new TallyError(
      'tie_needs_lot',
      `The ${kind} is tied and must be decided by lot (KL 5:56): give drawLot`,
      'drawLot',
    )
  return { ...counts, outcome: drawLot(), decidedBy: 'lot' }
}
