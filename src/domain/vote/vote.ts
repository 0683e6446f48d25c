import type { CandidateVotes } from './candidate-election.ts'
import type { BallotChoice, VoteKind } from './tally.ts'

export const ballotChoiceLabels: Record<BallotChoice, string> = { yes: 'ja', no: 'nej', abstain: 'avstår' }

/** A vote (omröstning) at a §, with every member's ballot in an open vote (KL 5:67 p. 5). */
export interface Vote {
  id: number
  sectionId: number
  position: number
  kind: VoteKind
  question: string
  yesMeans: string | null
  noMeans: string | null
  yes: number
  no: number
  abstain: number
  outcome: 'yes' | 'no'
  decidedBy: 'majority' | 'casting_vote' | 'lot'
  result: string | null
  ballots: Ballot[]
  /**
   * A secret election between more than two candidates: each candidate's votes, in the order given.
   * The vote then says yes = the elected's votes (yesMeans their name), no = the others' together,
   * abstain = the blank ballots, so a reader of the two-sided counts is not misled about who won.
   */
  candidates?: CandidateVotes[]
}

export interface Ballot {
  personId: number
  partyId: number | null
  choice: BallotChoice
}
