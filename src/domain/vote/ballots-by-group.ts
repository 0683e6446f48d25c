// Ballots of a large assembly (fullmäktige: 61 members and more) recorded the way the chair
// establishes them: "alla ja utom …", or party group by party group with the members who broke
// ranks. The result is still one ballot per voting member, so the minutes say how each voted
// (KL 5:67 p. 5) exactly as when every ballot is entered one by one.

import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import type { BallotChoice } from './tally.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    ballot_choice_invalid: undefined
    vote_by_non_serving: undefined
    service_missing_before_vote: undefined
    party_group_choice_missing: undefined
    open_vote_ballots_missing: undefined
  }
}

/** A member who votes at the §: serving there and without jäv (KL 6:28). */
export interface Voter {
  personId: number
  partyId: number | null
}

export interface GroupVote {
  /** What every voter votes unless their group or they themselves voted otherwise ("alla ja utom …"). */
  everyone?: BallotChoice | undefined
  /** A party group's vote, by party id: its members voted so, unless named among the exceptions. */
  groups?: ReadonlyMap<number, BallotChoice>
  /** The named members who voted otherwise than everyone or their group. */
  exceptions?: ReadonlyMap<number, BallotChoice>
}

const choices: readonly BallotChoice[] = ['yes', 'no', 'abstain']

/**
 * Every voter's ballot: their own exception, else their group's vote, else everyone's. A voter
 * left without one is refused (field `group-<partyId>`, or `exception-<personId>` for a member of
 * no party), as an open vote needs every ballot; an exception for someone who does not vote at the
 * § is refused too, so nobody is recorded as voting who could not (KL 4:24, 6:28).
 */
export function ballotsByGroup(
  voters: readonly Voter[],
  recusedPersonIds: readonly number[],
  vote: GroupVote,
): Array<{ personId: number; choice: BallotChoice }> {
  const { everyone, groups = new Map(), exceptions = new Map() } = vote
  for (const choice of [everyone, ...groups.values(), ...exceptions.values()]) {
    if (choice !== undefined && !choices.includes(choice))
      throw new InvalidInputError('ballot_choice_invalid', 'a ballot is ja, nej or avstår', 'ballots')
  }
  const voting = new Set(voters.map((v) => v.personId))
  for (const personId of exceptions.keys()) {
    if (recusedPersonIds.includes(personId))
      throw new InvalidStateError(
        'recused_may_not_take_part',
        'a member with jäv may not vote on the matter (KL 6:28)',
      )
    if (!voting.has(personId))
      throw new InvalidStateError('vote_by_non_serving', 'only members serving at the § may vote')
  }
  if (voters.length === 0)
    throw new InvalidStateError('service_missing_before_vote', 'record who served at the § before its votes')
  return voters.map(({ personId, partyId }) => {
    const choice =
      exceptions.get(personId) ?? (partyId !== null ? groups.get(partyId) : undefined) ?? everyone
    if (!choice) {
      throw partyId !== null
        ? new InvalidInputError(
            'party_group_choice_missing',
            `say how the party group ${partyId} voted`,
            `group-${partyId}`,
          )
        : new InvalidInputError(
            'open_vote_ballots_missing',
            'every serving member’s ballot is needed in an open vote (KL 5:67 p. 5)',
            `exception-${personId}`,
          )
    }
    return { personId, choice }
  })
}
