// A secret election between more than two candidates (sluten omröstning vid val, KL 5:54), counted
// by its ballots per candidate: KL 5:55, the candidate with the most votes is elected (relative
// majority, as in every election of one person); 5:56, a tie for the most votes is decided by lot
// among those tied. Blank ballots count for no one (KL 5:54, 5:55: only votes cast for someone
// decide). For committees via KL 6:33.

export interface CandidateVotes {
  name: string
  votes: number
}

export interface CandidateElectionInput {
  candidates: readonly CandidateVotes[]
  blank: number
  /** Draws the lot among the names tied for the most votes (KL 5:56); the name it gives is elected. */
  drawLot?: (tied: readonly string[]) => string
}

export interface CandidateElectionTally {
  candidates: CandidateVotes[]
  blank: number
  elected: string
  decidedBy: 'majority' | 'lot'
}

/** Why a count cannot be decided: what is wrong, for developers, and the field it is in. */
export type CandidateElectionProblem =
  | { problem: 'too_few_candidates' | 'name_missing' | 'name_twice' | 'count_invalid'; field: 'candidates' }
  | { problem: 'blank_invalid'; field: 'blank' }
  | { problem: 'tie_needs_lot' | 'lot_not_tied'; field: 'drawLot'; tied: string[] }

/** Checks the counts; the first problem found, or undefined when they can be decided. */
export function candidateElectionProblem(
  input: CandidateElectionInput,
): CandidateElectionProblem | undefined {
  const { candidates, blank } = input
  if (candidates.length < 2) return { problem: 'too_few_candidates', field: 'candidates' }
  if (candidates.some((c) => c.name.trim() === '')) return { problem: 'name_missing', field: 'candidates' }
  const names = candidates.map((c) => c.name.trim().toLocaleLowerCase('sv'))
  if (new Set(names).size !== names.length) return { problem: 'name_twice', field: 'candidates' }
  if (!candidates.every((c) => Number.isInteger(c.votes) && c.votes >= 0))
    return { problem: 'count_invalid', field: 'candidates' }
  if (!(Number.isInteger(blank) && blank >= 0)) return { problem: 'blank_invalid', field: 'blank' }
  const tied = tiedForMost(candidates)
  if (tied.length > 1) {
    if (!input.drawLot) return { problem: 'tie_needs_lot', field: 'drawLot', tied }
    if (!tied.includes(input.drawLot(tied))) return { problem: 'lot_not_tied', field: 'drawLot', tied }
  }
  return undefined
}

/** The names with the most votes (more than one: a tie). */
function tiedForMost(candidates: readonly CandidateVotes[]): string[] {
  const most = Math.max(...candidates.map((c) => c.votes))
  return candidates.filter((c) => c.votes === most).map((c) => c.name.trim())
}

/**
 * The result of the election, or the problem that keeps it from being decided. The candidates
 * keep the order given (as the ballots were read out), names trimmed.
 */
export function tallyCandidateElection(
  input: CandidateElectionInput,
): CandidateElectionTally | CandidateElectionProblem {
  const problem = candidateElectionProblem(input)
  if (problem) return problem
  const candidates = input.candidates.map((c) => ({ name: c.name.trim(), votes: c.votes }))
  const tied = tiedForMost(candidates)
  if (tied.length === 1) return { candidates, blank: input.blank, elected: tied[0]!, decidedBy: 'majority' }
  return { candidates, blank: input.blank, elected: input.drawLot!(tied), decidedBy: 'lot' }
}

/** Whether a tally decided the election (rather than naming a problem). */
export const isDecided = (
  result: CandidateElectionTally | CandidateElectionProblem,
): result is CandidateElectionTally => 'elected' in result

/**
 * How the minutes print an election between candidates, in the places of a two-sided vote's
 * "Ja-röst för …" and "Resultat: …": each candidate's votes, then who was elected, the blank
 * ballots and whether the lot decided. Undefined for any other vote.
 */
export function candidateElectionLines(vote: {
  candidates?: CandidateVotes[] | undefined
  yesMeans: string | null
  yes: number
  abstain: number
  decidedBy: string
  result: string | null
}): { means: string; result: string } | undefined {
  if (!vote.candidates) return undefined
  const votes = (n: number) => `${n} ${n === 1 ? 'röst' : 'röster'}`
  const blank = `${vote.abstain} ${vote.abstain === 1 ? 'blank röst' : 'blanka röster'}`
  return {
    means: `Kandidater: ${vote.candidates.map((c) => `${c.name} ${votes(c.votes)}`).join(', ')}.`,
    result: `Resultat: ${vote.yesMeans} är vald med ${votes(vote.yes)}; ${blank}.${
      vote.decidedBy === 'lot' ? ' Lotten avgjorde.' : ''
    }${vote.result ? ` ${vote.result}` : ''}`,
  }
}
