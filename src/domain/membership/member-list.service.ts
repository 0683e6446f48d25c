import type { Db } from '../../db/database.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import { findOrAddParty, findOrAddPerson } from '../person/person.service.ts'
import type { Actor } from '../shared/actor.ts'
import { DomainError, InvalidInputError } from '../shared/errors.ts'
import { findTermOn } from './membership.repository.ts'
import { addMembership } from './membership.service.ts'
import type { MembershipRole } from './membership.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    member_list_empty: undefined
    member_list_lines_refused: undefined
  }
}

/** One line of a member list, already read (see web/admin/membership/member-list.csv.ts for the file format). */
export interface MemberListEntry {
  /** The line in the file, so a problem can be reported where it is. */
  line: number
  name: string
  party: string | null
  role: MembershipRole
  startsOn: string
  endsOn: string | null
  substituteOrder: number | null
}

/** The lines that could not be stored, each with the domain's reason. Nothing was stored. */
export class MemberListError extends InvalidInputError {
  constructor(readonly problems: Array<{ line: number; error: DomainError }>) {
    super(
      'member_list_lines_refused',
      `${problems.length} lines of the member list could not be stored`,
      'members',
    )
  }
}

/**
 * Gives every person on the list a seat on the committee: people and parties are found by name or
 * added, and each seat belongs to the term in force on its first day. All or nothing: one line
 * that cannot be stored leaves the committee as it was, and every such line is reported.
 */
export async function importMemberList(
  db: Db,
  actor: Actor,
  committeeId: number,
  entries: readonly MemberListEntry[],
): Promise<{ added: number }> {
  if (entries.length === 0)
    throw new InvalidInputError('member_list_empty', 'the member list is empty', 'members')
  return db.transaction().execute(async (trx) => {
    const committee = await getCommittee(trx, committeeId)
    const organisationId = committee.organisationId
    const problems: Array<{ line: number; error: DomainError }> = []
    for (const entry of entries) {
      try {
        const person = await findOrAddPerson(trx, actor, { organisationId, name: entry.name })
        const party = entry.party
          ? await findOrAddParty(trx, actor, { organisationId, abbreviation: entry.party })
          : undefined
        const term = await findTermOn(trx, organisationId, entry.startsOn)
        await addMembership(trx, actor, {
          committeeId,
          personId: person.id,
          role: entry.role,
          startsOn: entry.startsOn,
          ...(entry.endsOn ? { endsOn: entry.endsOn } : {}),
          ...(party ? { partyId: party.id } : {}),
          ...(term ? { termId: term.id } : {}),
          ...(entry.substituteOrder !== null ? { substituteOrder: entry.substituteOrder } : {}),
        })
      } catch (error) {
        // The checks that fail here run before any write, so the transaction can go on to find
        // the problems of later lines; it is rolled back below all the same.
        if (!(error instanceof DomainError)) throw error
        problems.push({ line: entry.line, error })
      }
    }
    if (problems.length > 0) throw new MemberListError(problems)
    return { added: entries.length }
  })
}
