import type { Queryable, Trx } from '../../db/database.ts'
import type { BallotChoice, VoteKind } from './tally.ts'
import type { Ballot, Vote } from './vote.ts'

export async function insertVote(trx: Trx, vote: Omit<Vote, 'id'>): Promise<Vote> {
  return (await insertVotes(trx, [vote]))[0] as Vote
}

/**
 * Votes with their ballots and candidates, in a statement per table (per 150 rows: SQLite's bound
 * parameters); returned in the order given with their ids, as one insert after the other numbered them.
 */
export async function insertVotes(trx: Trx, votes: ReadonlyArray<Omit<Vote, 'id'>>): Promise<Vote[]> {
  const ids: number[] = []
  for (let i = 0; i < votes.length; i += 150) {
    const chunk = votes.slice(i, i + 150)
    const rows = await trx
      .insertInto('vote')
      .values(
        chunk.map((vote) => ({
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
        })),
      )
      .returning(['id', 'section_id', 'position'])
      .execute()
    // RETURNING promises no order: each row is found again by its § and position.
    const byKey = new Map(rows.map((r) => [`${r.section_id}:${r.position}`, r.id]))
    for (const vote of chunk) ids.push(byKey.get(`${vote.sectionId}:${vote.position}`) as number)
  }
  const ballots = votes.flatMap((vote, i) =>
    vote.ballots.map((b) => ({
      vote_id: ids[i] as number,
      person_id: b.personId,
      party_id: b.partyId,
      choice: b.choice,
    })),
  )
  for (let i = 0; i < ballots.length; i += 150)
    await trx
      .insertInto('ballot')
      .values(ballots.slice(i, i + 150))
      .execute()
  const candidates = votes.flatMap((vote, i) =>
    (vote.candidates ?? []).map((c, n) => ({
      vote_id: ids[i] as number,
      position: n + 1,
      name: c.name,
      votes: c.votes,
    })),
  )
  for (let i = 0; i < candidates.length; i += 150)
    await trx
      .insertInto('vote_candidate')
      .values(candidates.slice(i, i + 150))
      .execute()
  return votes.map((vote, i) => ({ ...vote, id: ids[i] as number }))
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

/** Each ballot cast at these §§, and whether it was for the winning side: who may not dissent (KL 4:27). */
export async function listBallotsOfSections(db: Queryable, sectionIds: readonly number[]) {
  if (sectionIds.length === 0) return []
  const rows = await db
    .selectFrom('ballot')
    .innerJoin('vote', 'vote.id', 'ballot.vote_id')
    .select(['vote.section_id', 'ballot.person_id', 'ballot.choice', 'vote.outcome'])
    .where('vote.section_id', 'in', [...sectionIds])
    .execute()
  return rows.map((r) => ({
    sectionId: r.section_id,
    personId: r.person_id,
    votedForOutcome: r.choice === r.outcome,
  }))
}
