import type { Queryable } from '../../db/database.ts'
import type { MembershipRole } from '../membership/membership.ts'
import { findPersonBySlug } from '../person/person.reads.ts'
import type { Party, Person } from '../person/person.ts'
import type { BallotChoice } from '../vote/tally.ts'
import { maskPersonalIdentityNumbers as mask } from './personal-identity-number.ts'
import {
  findPartyRowByAbbreviation,
  listAuthoredRows,
  listBallotRows,
  listMembershipRowsOf,
  type RecordOwner,
  readAttendance,
} from './publication.repository.ts'

/** Where on the public record something was said or done: a signed-off, non-confidential §. */
export interface PublicSectionRef {
  committeeName: string
  committeeSlug: string
  meetingSlug: string
  meetsOn: string
  sectionNumber: number
  sectionLabel: string
  sectionTitle: string
}

export interface PublicMembership {
  id: number
  committeeName: string
  committeeSlug: string
  personName: string
  personSlug: string
  role: MembershipRole
  partyAbbreviation: string | null
  startsOn: string
  endsOn: string | null
}

export interface AuthoredEntry extends PublicSectionRef {
  id: number
  /** The statement's kind (särskilt uttalande …); none for motions and dissents. */
  kind?: string
  text: string | null
  /** The author, when named (a group motion "(S)" names none). */
  personName: string | null
  personSlug: string | null
}

export interface BallotEntry extends PublicSectionRef {
  id: number
  voteId: number
  question: string
  choice: BallotChoice
  outcome: 'yes' | 'no'
  yes: number
  no: number
  abstain: number
  personName: string
  personSlug: string
}

/** Meetings with public minutes during a seat, and how many of them were attended. */
export interface AttendanceRate {
  meetings: number
  present: number
  /** Meetings where a substitute served for an absent member. */
  servedAsSubstitute: number
}

/** What the public record says about a person or a party, from signed-off, non-confidential minutes only. */
export interface PublicRecord {
  memberships: PublicMembership[]
  attendance: AttendanceRate
  motions: AuthoredEntry[]
  dissents: AuthoredEntry[]
  statements: AuthoredEntry[]
  ballots: BallotEntry[]
  /** Which page of the lists (motions, dissents, statements, ballots) this is, from 1 (the newest). */
  page: number
  /** Whether any of those lists goes on past this page (an "Äldre" link). */
  hasOlder: boolean
}

/** Entries per list and page: a record reads a bounded number of rows however long the archive. */
export const RECORD_PAGE_SIZE = 50

/** A person's public record, one page of it; undefined for an unknown slug. A fixed eight queries. */
export async function readPersonRecord(
  db: Queryable,
  slug: string,
  page = 1,
): Promise<{ person: Person; record: PublicRecord } | undefined> {
  const person = await findPersonBySlug(db, slug)
  if (!person) return undefined
  return { person, record: await readPublicRecord(db, { personId: person.id }, page) }
}

/** A party's public record, aggregated over everyone who sat for it; undefined for an unknown party. */
export async function readPartyRecord(
  db: Queryable,
  abbreviation: string,
  page = 1,
): Promise<{ party: Party; record: PublicRecord } | undefined> {
  const row = await findPartyRowByAbbreviation(db, abbreviation)
  if (!row) return undefined
  const party: Party = {
    id: row.id,
    organisationId: row.organisation_id,
    abbreviation: row.abbreviation,
    name: row.name,
  }
  return { party, record: await readPublicRecord(db, { partyId: party.id }, page) }
}

async function readPublicRecord(db: Queryable, owner: RecordOwner, page: number): Promise<PublicRecord> {
  // One row past the page tells whether there is an older page, without counting the whole list.
  const window = { offset: (page - 1) * RECORD_PAGE_SIZE, size: RECORD_PAGE_SIZE + 1 }
  const [memberships, attendance, motions, dissents, statements, ballots] = await Promise.all([
    listMembershipRowsOf(db, owner),
    readAttendance(db, owner),
    listAuthoredRows(db, 'motion', owner, window),
    listAuthoredRows(db, 'dissent', owner, window),
    listAuthoredRows(db, 'statement', owner, window),
    listBallotRows(db, owner, window),
  ])
  const hasOlder = [motions, dissents, statements, ballots].some((list) => list.length > RECORD_PAGE_SIZE)
  const onPage = <T>(list: T[]) => list.slice(0, RECORD_PAGE_SIZE)
  // A personal identity number left in an imported §'s text is masked, as on the minutes page (P3).
  const authored = (rows: AuthoredEntry[]) =>
    onPage(rows).map((r) => ({
      ...r,
      text: mask(r.text),
      sectionLabel: mask(r.sectionLabel),
      sectionTitle: mask(r.sectionTitle),
    }))
  return {
    memberships: memberships.map((m) => ({ ...m, role: m.role as MembershipRole })),
    attendance,
    motions: authored(motions),
    dissents: authored(dissents),
    statements: authored(statements),
    ballots: onPage(ballots).map((b) => ({
      ...b,
      question: mask(b.question),
      sectionLabel: mask(b.sectionLabel),
      sectionTitle: mask(b.sectionTitle),
      choice: b.choice as BallotChoice,
      outcome: b.outcome as 'yes' | 'no',
    })),
    page,
    hasOlder,
  }
}
