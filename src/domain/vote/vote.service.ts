import type { Queryable, Trx } from '../../db/database.ts'
import { listRecusals, listServices, nextPosition } from '../minutes/minutes.reads.ts'
import { auditSection, getEditableSection, sectionQuorum } from '../minutes/section.service.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { type BallotChoice, type Tally, tallyVote, type VoteKind } from './tally.ts'
import { insertVote } from './vote.repository.ts'
import type { Ballot, Vote } from './vote.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    vote_question_missing: undefined
    ballots_and_counts: undefined
    counts_invalid: undefined
    ballots_missing: undefined
    vote_twice: undefined
    counts_exceed_voters: undefined
  }
}

export interface RecordVoteInput {
  sectionId: number
  kind: VoteKind
  question: string
  yesMeans?: string
  noMeans?: string
  /** Every serving member's ballot (open votes). */
  ballots?: Array<{ personId: number; choice: BallotChoice }>
  /** A secret vote (elections, appointments; KL 5:54) or a published result without names: the counts only. */
  counts?: { yes: number; no: number; abstain: number }
  /** The chair at this §, whose vote decides a tie in an open vote (KL 5:56). */
  chairPersonId?: number
  drawLot?: () => 'yes' | 'no'
  result?: string
  /**
   * Taken at the meeting: an open vote then needs every serving member's ballot, ja, nej or avstår,
   * because the minutes must say how each voted (KL 5:67 p. 5). An imported protocol is recorded
   * as printed, and may have the counts only.
   */
  atTheMeeting?: boolean
}

/**
 * Records a vote and its result. Only members serving at the § vote, each once; open votes keep
 * every ballot (KL 5:67 p. 5); a tie goes to the chair's vote, or to lot in elections and
 * appointments (KL 5:56). A § without quorum cannot decide (KL 6:27).
 */
export async function recordVote(trx: Trx, actor: Actor, input: RecordVoteInput): Promise<Vote> {
  const section = await getEditableSection(trx, input.sectionId)
  const question = input.question.trim()
  if (!question)
    throw new InvalidInputError('vote_question_missing', 'state what the vote is about', 'question')
  const quorum = await sectionQuorum(trx, section.id)
  if (quorum && !quorum.quorate) {
    throw new InvalidStateError(
      'no_quorum',
      `no quorum at ${section.label}: ${quorum.present} of ${quorum.required} needed (KL 6:27)`,
    )
  }
  const named = input.ballots ?? []
  let tally: Tally
  let ballots: Ballot[] = []
  if (named.length > 0) {
    if (input.counts)
      throw new InvalidInputError('ballots_and_counts', 'give either ballots or counts', 'ballots')
    ballots = await checkBallots(trx, section.id, named)
    if (input.atTheMeeting && input.kind === 'open') await checkEveryoneVoted(trx, section.id, ballots)
    const chairVote = input.chairPersonId
      ? named.find((b) => b.personId === input.chairPersonId)?.choice
      : undefined
    tally = tallyVote({
      kind: input.kind,
      ballots: named.map((b) => b.choice),
      ...(chairVote ? { chairVote } : {}),
      ...(input.drawLot ? { drawLot: input.drawLot } : {}),
    })
  } else if (input.counts) {
    if (input.atTheMeeting && input.kind === 'open') {
      throw new InvalidInputError(
        'open_vote_ballots_missing',
        'an open vote records how each member voted (KL 5:67 p. 5)',
        'ballots',
      )
    }
    const { yes, no, abstain } = input.counts
    if (![yes, no, abstain].every((n) => Number.isInteger(n) && n >= 0)) {
      throw new InvalidInputError('counts_invalid', 'the counts are whole numbers from 0', 'counts')
    }
    if (input.atTheMeeting) await checkCountsWithinVoters(trx, section.id, yes + no + abstain)
    const ballotsFromCounts = [
      ...Array<BallotChoice>(yes).fill('yes'),
      ...Array<BallotChoice>(no).fill('no'),
      ...Array<BallotChoice>(abstain).fill('abstain'),
    ]
    // A tied election or appointment is decided by the lot drawn (KL 5:56): tallyVote refuses one without.
    tally =
      yes === no && input.kind === 'open'
        ? {
            yes,
            no,
            abstain,
            outcome: input.drawLot?.() ?? 'yes',
            decidedBy: 'casting_vote',
          }
        : tallyVote({
            kind: input.kind,
            ballots: ballotsFromCounts,
            ...(input.drawLot ? { drawLot: input.drawLot } : {}),
          })
  } else {
    throw new InvalidInputError('ballots_missing', 'record the ballots or the counts of the vote', 'ballots')
  }
  const vote = await insertVote(trx, {
    sectionId: section.id,
    position: await nextPosition(trx, 'vote', section.id),
    kind: input.kind,
    question,
    yesMeans: input.yesMeans?.trim() || null,
    noMeans: input.noMeans?.trim() || null,
    yes: tally.yes,
    no: tally.no,
    abstain: tally.abstain,
    outcome: tally.outcome,
    decidedBy: tally.decidedBy,
    result: input.result?.trim() || null,
    ballots,
  })
  await auditSection(trx, actor, 'section.vote_recorded', section.id, { after: vote })
  return vote
}

/** Ballots only from members serving at the §, none with jäv, each person once (KL 4:24). */
async function checkBallots(
  db: Queryable,
  sectionId: number,
  ballots: Array<{ personId: number; choice: BallotChoice }>,
): Promise<Ballot[]> {
  const [services, recusals] = await Promise.all([
    listServices(db, [sectionId]),
    listRecusals(db, [sectionId]),
  ])
  if (services.length === 0)
    throw new InvalidStateError('service_missing_before_vote', 'record who served at the § before its votes')
  const seen = new Set<number>()
  return ballots.map((b) => {
    if (!['yes', 'no', 'abstain'].includes(b.choice))
      throw new InvalidInputError('ballot_choice_invalid', 'a ballot is ja, nej or avstår', 'ballots')
    if (seen.has(b.personId))
      throw new InvalidInputError('vote_twice', 'each member votes once (KL 4:24)', 'ballots')
    seen.add(b.personId)
    if (recusals.some((r) => r.personId === b.personId)) {
      throw new InvalidStateError(
        'recused_may_not_take_part',
        'a member with jäv may not vote on the matter (KL 6:28)',
      )
    }
    const service = services.find((s) => s.personId === b.personId)
    if (!service) throw new InvalidStateError('vote_by_non_serving', 'only members serving at the § may vote')
    return { personId: b.personId, partyId: service.partyId, choice: b.choice }
  })
}

/** In an open vote at the meeting, every member serving at the § and without jäv casts a ballot. */
async function checkEveryoneVoted(db: Queryable, sectionId: number, ballots: readonly Ballot[]) {
  const [services, recusals] = await Promise.all([
    listServices(db, [sectionId]),
    listRecusals(db, [sectionId]),
  ])
  const voted = new Set(ballots.map((b) => b.personId))
  const recused = new Set(recusals.map((r) => r.personId))
  if (services.some((s) => !voted.has(s.personId) && !recused.has(s.personId))) {
    throw new InvalidInputError(
      'open_vote_ballots_missing',
      'every serving member’s ballot is needed in an open vote (KL 5:67 p. 5)',
      'ballots',
    )
  }
}

/**
 * A secret vote at the meeting has at most one ballot per member serving at the § without jäv
 * (KL 4:24, 6:28): more counted ballots than voters is a counting or typing mistake.
 */
async function checkCountsWithinVoters(db: Queryable, sectionId: number, counted: number) {
  const [services, recusals] = await Promise.all([
    listServices(db, [sectionId]),
    listRecusals(db, [sectionId]),
  ])
  if (services.length === 0)
    throw new InvalidStateError('service_missing_before_vote', 'record who served at the § before its votes')
  const voters = services.filter((s) => !recusals.some((r) => r.personId === s.personId)).length
  if (counted > voters) {
    throw new InvalidInputError(
      'counts_exceed_voters',
      `${counted} ballots counted but only ${voters} members vote at the § (KL 4:24)`,
      'counts',
    )
  }
}
