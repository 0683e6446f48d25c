import type { Trx } from '../../db/database.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import type { Committee } from '../committee/committee.ts'
import type { Recusal, Section, Service } from '../minutes/minutes.ts'
import { quorumFor } from '../minutes/quorum.ts'
import { auditRecord } from '../minutes/section-record.service.ts'
import {
  checkEach,
  nextPositions,
  type RecordBatchOptions,
  readEditableSections,
  readServiceAndRecusals,
} from '../minutes/section-records-batch.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { type BallotChoice, type Tally, tallyVote, type VoteKind } from './tally.ts'
import { insertVotes } from './vote.repository.ts'
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
  return (await recordVotes(trx, actor, { votes: [input] }))[0] as Vote
}

/**
 * Records votes, each held to the rules of recordVote, which records one through here: their §§,
 * committees, who served and who had jäv are read once, the votes written in one statement and
 * their ballots in another. Returns each in order; a refused one undefined (see RecordBatchOptions).
 */
export async function recordVotes(
  trx: Trx,
  actor: Actor,
  input: { votes: readonly RecordVoteInput[] },
  options: RecordBatchOptions<RecordVoteInput> = {},
): Promise<Array<Vote | undefined>> {
  const sections = await readEditableSections(
    trx,
    input.votes.map((v) => v.sectionId),
  )
  const committees = new Map<number, Committee>()
  for (const id of sections.ids) {
    const committeeId = ownerOf(() => sections.owners(id).committeeId)
    if (committeeId !== undefined && !committees.has(committeeId))
      committees.set(committeeId, await getCommittee(trx, committeeId))
  }
  const served = await readServiceAndRecusals(trx, sections.ids)
  const positions = await nextPositions(trx, 'vote', sections.ids)
  const accepted = checkEach(
    input.votes,
    (wanted) => {
      const section = sections.get(wanted.sectionId)
      const vote = checkVote(wanted, section, {
        seats: committees.get(sections.owners(section.id).committeeId)?.seats ?? null,
        services: served.services(section.id),
        recusals: served.recusals(section.id),
      })
      return { ...vote, position: positions.take(section.id) }
    },
    options,
  )
  const votes = accepted.filter((v) => v !== undefined)
  const inserted = await insertVotes(
    trx,
    votes.map(({ position, sectionId, ...rest }) => ({ sectionId, position, ...rest })),
  )
  for (const vote of inserted)
    await auditRecord(trx, actor, 'section.vote_recorded', sections.owners(vote.sectionId), vote)
  let next = 0
  return accepted.map((v) => (v === undefined ? undefined : inserted[next++]))
}

interface AtTheSection {
  seats: number | null
  services: readonly Service[]
  recusals: readonly Recusal[]
}

/** One vote held to the rules, with what was read of its §: the vote to write but its position. */
function checkVote(
  input: RecordVoteInput,
  section: Section,
  at: AtTheSection,
): Omit<Vote, 'id' | 'position'> {
  const question = input.question.trim()
  if (!question)
    throw new InvalidInputError('vote_question_missing', 'state what the vote is about', 'question')
  const quorum = at.seats
    ? quorumFor({
        seats: at.seats,
        serving: [...at.services],
        recusedPersonIds: at.recusals.map((r) => r.personId),
      })
    : undefined
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
    ballots = checkBallots(at, named)
    if (input.atTheMeeting && input.kind === 'open') checkEveryoneVoted(at, ballots)
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
    if (input.atTheMeeting) checkCountsWithinVoters(at, yes + no + abstain)
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
  return {
    sectionId: section.id,
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
  }
}

/** The committee of a § of the batch, or nothing when the § does not exist (its votes are refused one by one). */
function ownerOf(read: () => number): number | undefined {
  try {
    return read()
  } catch {
    return undefined
  }
}

/** Ballots only from members serving at the §, none with jäv, each person once (KL 4:24). */
function checkBallots(
  { services, recusals }: AtTheSection,
  ballots: ReadonlyArray<{ personId: number; choice: BallotChoice }>,
): Ballot[] {
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
function checkEveryoneVoted({ services, recusals }: AtTheSection, ballots: readonly Ballot[]) {
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
function checkCountsWithinVoters({ services, recusals }: AtTheSection, counted: number) {
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
