import type { Queryable } from '../../db/database.ts'
import { sectionIsPublicWhere } from '../disclosure/disclosure.predicates.ts'

// Read-only SQL for the votes as a table (vote-table.ts): every vote and ballot of public §§ (signed
// off, TF 2:10, neither the § nor its item secret, OSL), decided by the disclosure predicates.

/** Whose votes: a committee's, one person's ballots or a party's; optionally one year's meetings. */
export interface VoteTableFilter {
  committeeId?: number
  personId?: number
  partyId?: number
  year?: number
}

export interface VoteTableRow {
  meetsOn: string
  committeeName: string
  committeeSlug: string
  meetingSlug: string
  sectionNumber: number
  sectionTitle: string
  registryNumber: string | null
  votePosition: number
  question: string
  yesMeans: string | null
  outcome: string
  yes: number
  no: number
  abstain: number
  personName: string | null
  partyAbbreviation: string | null
  choice: string | null
}

/** Every vote of public §§ with each of its ballots (a vote without ballots once), oldest first. */
export async function listVoteTableRows(db: Queryable, filter: VoteTableFilter): Promise<VoteTableRow[]> {
  let query = db
    .selectFrom('vote')
    .innerJoin('section', 'section.id', 'vote.section_id')
    .leftJoin('agenda_item', 'agenda_item.id', 'section.agenda_item_id')
    .leftJoin('matter', 'matter.id', 'agenda_item.matter_id')
    .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .leftJoin('ballot', 'ballot.vote_id', 'vote.id')
    .leftJoin('person', 'person.id', 'ballot.person_id')
    .leftJoin('party', 'party.id', 'ballot.party_id')
    .select([
      'meeting.meets_on as meetsOn',
      'committee.name as committeeName',
      'committee.slug as committeeSlug',
      'meeting.slug as meetingSlug',
      'section.number as sectionNumber',
      'section.title as sectionTitle',
      'matter.registry_number as registryNumber',
      'vote.position as votePosition',
      'vote.question as question',
      'vote.yes_means as yesMeans',
      'vote.outcome as outcome',
      'vote.yes_count as yes',
      'vote.no_count as no',
      'vote.abstain_count as abstain',
      'person.name as personName',
      'party.abbreviation as partyAbbreviation',
      'ballot.choice as choice',
    ])
    .where(sectionIsPublicWhere)
  if (filter.committeeId !== undefined) query = query.where('committee.id', '=', filter.committeeId)
  if (filter.personId !== undefined) query = query.where('ballot.person_id', '=', filter.personId)
  if (filter.partyId !== undefined) query = query.where('ballot.party_id', '=', filter.partyId)
  if (filter.year !== undefined)
    query = query
      .where('meeting.meets_on', '>=', `${filter.year}-01-01`)
      .where('meeting.meets_on', '<=', `${filter.year}-12-31`)
  return query
    .orderBy('meeting.meets_on')
    .orderBy('committee.slug')
    .orderBy('meeting.id')
    .orderBy('section.number')
    .orderBy('vote.position')
    .orderBy('person.name')
    .orderBy('ballot.id')
    .execute()
}
