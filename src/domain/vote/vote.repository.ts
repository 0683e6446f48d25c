import type { Queryable, Trx } from '../../db/database.ts'
import type { BallotChoice, VoteKind } from './tally.ts'
import type { Ballot, Vote } from './vote.ts'

export async function insertVote(trx: Trx, vote: Omit<Vote, 'id'>): Promise<Vote> {
  const row = await trx
    .insertInto('vote')
    .values({
      section_id: vote.sectionId,
      position: vote.position,
      kind: vote.kind,
      question: vote.question,
      yes_means: vote.yesMeans,
      no_means: vote.noMeans,
      yes_count: vote.yes,
      no_count: vote.no,
      abstain_count: vote.abstain,
      outcome: vote.outcome,
      decided_by: vote.decidedBy,
      result: vote.result,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (vote.ballots.length > 0) {
    await trx
      .insertInto('ballot')
      .values(
        vote.ballots.map((b) => ({
          vote_id: row.id,
          person_id: b.personId,
          party_id: b.partyId,
          choice: b.choice,
        })),
      )
      .execute()
  }
  if (vote.candidates && vote.candidates.length > 0) {
    await trx
      .insertInto('vote_candidate')
      .values(
        vote.candidates.map((c, i) => ({ vote_id: row.id, position: i + 1, name: c.name, votes: c.votes })),
      )
      .execute()
  }
  return { ...vote, id: row.id }
}

export async function listVotes(db: Queryable, sectionIds: readonly number[]): Promise<Vote[]> {
  if (sectionIds.length === 0) return []
  const rows = await db
    .selectFrom('vote')
    .selectAll()
    .where('section_id', 'in', [...sectionIds])
    .orderBy('position')
    .execute()
  const ids = rows.map((r) => r.id)
  const ballots = ids.length
    ? await db.selectFrom('ballot').selectAll().where('vote_id', 'in', ids).orderBy('id').execute()
    : []
  const candidates = ids.length
    ? await db
        .selectFrom('vote_candidate')
        .select(['vote_id', 'name', 'votes'])
        .where('vote_id', 'in', ids)
        .orderBy('vote_id')
        .orderBy('position')
        .execute()
    : []
  return rows.map((row) => ({
    id: row.id,
    sectionId: row.section_id,
    position: row.position,
    kind: row.kind as VoteKind,
    question: row.question,
    yesMeans: row.yes_means,
    noMeans: row.no_means,
    yes: row.yes_count,
    no: row.no_count,
    abstain: row.abstain_count,
    outcome: row.outcome as 'yes' | 'no',
    decidedBy: row.decided_by as Vote['decidedBy'],
    result: row.result,
    ballots: ballots
      .filter((b) => b.vote_id === row.id)
      .map((b): Ballot => ({ personId: b.person_id, partyId: b.party_id, choice: b.choice as BallotChoice })),
    ...candidatesOf(candidates, row.id),
  }))
}

function candidatesOf(rows: { vote_id: number; name: string; votes: number }[], voteId: number) {
  const of = rows.filter((c) => c.vote_id === voteId).map((c) => ({ name: c.name, votes: Number(c.votes) }))
  return of.length > 0 ? { candidates: of } : {}
}

/** Each ballot cast at a §, and whether it was for the winning side: who may not dissent (KL 4:27). */
export async function listBallotsOfSection(db: Queryable, sectionId: number) {
  const rows = await db
    .selectFrom('ballot')
    .innerJoin('vote', 'vote.id', 'ballot.vote_id')
    .select(['ballot.person_id', 'ballot.choice', 'vote.outcome'])
    .where('vote.section_id', '=', sectionId)
    .execute()
  return rows.map((r) => ({ personId: r.person_id, votedForOutcome: r.choice === r.outcome }))
}
