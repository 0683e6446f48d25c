import type { Trx } from '../../db/database.ts'
import { listRecusals, listServices } from '../minutes/minutes.reads.ts'
import { getEditableSection } from '../minutes/section.service.ts'
import type { Actor } from '../shared/actor.ts'
import { ballotsByGroup, type GroupVote } from './ballots-by-group.ts'
import { type RecordVoteInput, recordVote } from './vote.service.ts'
import type { Vote } from './vote.ts'

export type RecordVoteByGroupInput = Omit<RecordVoteInput, 'ballots' | 'counts' | 'atTheMeeting' | 'kind'> &
  GroupVote

/**
 * Records an open vote taken at the meeting as "alla ja utom …" or by party group: the ballots are
 * worked out from who serves at the § (read in the same transaction), then recorded by recordVote
 * with all its rules (quorum, one ballot each, every serving member's ballot, the chair's casting
 * vote; KL 4:24, 5:56, 5:67 p. 5, 6:27), as if each had been entered one by one.
 */
export async function recordVoteByGroup(
  trx: Trx,
  actor: Actor,
  input: RecordVoteByGroupInput,
): Promise<Vote> {
  const { everyone, groups, exceptions, ...rest } = input
  // A signed-off § is refused as such before anything is worked out from who served there.
  await getEditableSection(trx, input.sectionId)
  const [services, recusals] = await Promise.all([
    listServices(trx, [input.sectionId]),
    listRecusals(trx, [input.sectionId]),
  ])
  const recused = recusals.map((r) => r.personId)
  const voters = services.filter((s) => !recused.includes(s.personId))
  const ballots = ballotsByGroup(voters, recused, {
    everyone,
    ...(groups ? { groups } : {}),
    ...(exceptions ? { exceptions } : {}),
  })
  return recordVote(trx, actor, { ...rest, kind: 'open', ballots, atTheMeeting: true })
}
