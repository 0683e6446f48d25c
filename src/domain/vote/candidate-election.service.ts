import type { Trx } from '../../db/database.ts'
import { listRecusals, listServices, nextPosition } from '../minutes/minutes.reads.ts'
import { auditSection, getEditableSection, sectionQuorum } from '../minutes/section.service.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { type CandidateVotes, isDecided, tallyCandidateElection } from './candidate-election.ts'
import { insertVote } from './vote.repository.ts'
import type { Vote } from './vote.ts'

export interface RecordCandidateElectionInput {
  sectionId: number
  /** An election, or an appointment of staff (KL 5:56 decides a tie of either by lot). */
  kind: 'election' | 'appointment'
  question: string
  candidates: CandidateVotes[]
  blank: number
  drawLot?: (tied: readonly string[]) => string
  result?: string
  /** Counted at the meeting: no more ballots than members voting at the § (KL 4:24). */
  atTheMeeting?: boolean
}

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    candidates_too_few: undefined
    candidate_name_missing: undefined
    candidate_named_twice: undefined
    candidate_votes_invalid: undefined
    blank_ballots_invalid: undefined
    lot_not_among_tied: undefined
  }
}

/** The refusal of each problem the count may have: its reason and its words for developers. */
const problemRefusals = {
  too_few_candidates: ['candidates_too_few', 'an election between candidates names at least two'],
  name_missing: ['candidate_name_missing', 'each candidate has a name'],
  name_twice: ['candidate_named_twice', 'each candidate is named once'],
  count_invalid: ['candidate_votes_invalid', 'the votes of each candidate are a whole number from 0'],
  blank_invalid: ['blank_ballots_invalid', 'the blank ballots are a whole number from 0'],
  tie_needs_lot: ['tie_needs_lot', 'the election is tied and must be decided by lot (KL 5:56)'],
  lot_not_tied: [
    'lot_not_among_tied',
    'the lot is drawn among the candidates tied for the most votes (KL 5:56)',
  ],
} as const

/**
 * Records a secret election between candidates by the votes each received and the blank ballots
 * (KL 5:54): the one with the most votes is elected, a tie for the most decided by lot (KL 5:55–56).
 * Only at a § that may decide (quorum, KL 6:27) and is not signed off; counted at the meeting, no
 * more ballots than members voting there. Published like every vote: no ballots, only the counts.
 */
export async function recordCandidateElection(
  trx: Trx,
  actor: Actor,
  input: RecordCandidateElectionInput,
): Promise<Vote> {
  const section = await getEditableSection(trx, input.sectionId)
  const question = input.question.trim()
  if (!question)
    throw new InvalidInputError('vote_question_missing', 'state what the vote is about', 'question')
  const quorum = await sectionQuorum(trx, section.id)
  if (quorum && !quorum.quorate)
    throw new InvalidStateError(
      'no_quorum',
      `no quorum at ${section.label}: ${quorum.present} of ${quorum.required} needed (KL 6:27)`,
    )
  const tally = tallyCandidateElection({
    candidates: input.candidates,
    blank: input.blank,
    ...(input.drawLot ? { drawLot: input.drawLot } : {}),
  })
  if (!isDecided(tally)) {
    const [reason, message] = problemRefusals[tally.problem]
    throw new InvalidInputError(reason, message, tally.field)
  }
  if (input.atTheMeeting) {
    const [services, recusals] = await Promise.all([
      listServices(trx, [section.id]),
      listRecusals(trx, [section.id]),
    ])
    if (services.length === 0)
      throw new InvalidStateError(
        'service_missing_before_vote',
        'record who served at the § before its votes',
      )
    const voters = services.filter((s) => !recusals.some((r) => r.personId === s.personId)).length
    const counted = tally.candidates.reduce((sum, c) => sum + c.votes, tally.blank)
    if (counted > voters)
      throw new InvalidInputError(
        'counts_exceed_voters',
        `${counted} ballots counted but only ${voters} members vote at the § (KL 4:24)`,
        'candidates',
      )
  }
  const elected = tally.candidates.find((c) => c.name === tally.elected)!
  const vote = await insertVote(trx, {
    sectionId: section.id,
    position: await nextPosition(trx, 'vote', section.id),
    kind: input.kind,
    question,
    yesMeans: elected.name,
    noMeans: null,
    yes: elected.votes,
    no: tally.candidates.reduce((sum, c) => sum + (c === elected ? 0 : c.votes), 0),
    abstain: tally.blank,
    outcome: 'yes',
    decidedBy: tally.decidedBy,
    result: input.result?.trim() || null,
    ballots: [],
    candidates: tally.candidates,
  })
  await auditSection(trx, actor, 'section.vote_recorded', section.id, { after: vote })
  return vote
}
