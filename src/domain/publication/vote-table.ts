import type { Queryable } from '../../db/database.ts'
import { findCommitteeBySlug } from '../committee/committee.reads.ts'
import { findPersonBySlug } from '../person/person.reads.ts'
import { maskPersonalIdentityNumbers } from './personal-identity-number.ts'
import { findPartyRowByAbbreviation } from './publication.repository.ts'
import { listVoteTableRows, type VoteTableFilter, type VoteTableRow } from './vote-table.repository.ts'

// The votes of public §§ as CSV (RFC 4180), one row per ballot and one per vote recorded by its
// counts only: what assembly-software users ask for most (docs/document-json.md, "Omröstningar
// som tabell"). Every text is masked for personnummer, as on every public channel.

export type { VoteTableFilter }

const header = [
  'datum',
  'nämnd',
  'sammanträde',
  'paragraf',
  'ärende',
  'rubrik',
  'omröstning',
  'proposition',
  'ja-förslag',
  'utfall',
  'ja',
  'nej',
  'avstår',
  'person',
  'parti',
  'röst',
  'länk',
]

const choiceWords: Record<string, string> = { yes: 'ja', no: 'nej', abstain: 'avstår', absent: 'frånvarande' }
const outcomeWords: Record<string, string> = { yes: 'ja', no: 'nej' }

/**
 * One CSV cell: quoted when it holds a comma, quote or line break (RFC 4180 2.6-2.7); a text that
 * starts like a formula (= + - @, or a tab or carriage return before one) gets a leading apostrophe,
 * so a spreadsheet shows it as text instead of running it (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Lines joined by CRLF (RFC 4180 2.1), after a byte order mark so Excel reads UTF-8. */
export function csvDocument(rows: (string | number | null)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}

/** The § link of a row: the caller knows the portal's address and its paths. */
export type SectionUrl = (committeeSlug: string, meetingSlug: string, sectionNumber: number) => string

function line(row: VoteTableRow, sectionUrl: SectionUrl): (string | number | null)[] {
  const cells = [
    row.meetsOn,
    row.committeeName,
    row.meetingSlug,
    row.sectionNumber,
    row.registryNumber,
    row.sectionTitle,
    row.votePosition,
    row.question,
    row.yesMeans,
    outcomeWords[row.outcome] ?? row.outcome,
    row.yes,
    row.no,
    row.abstain,
    row.personName,
    row.partyAbbreviation,
    row.choice === null ? null : (choiceWords[row.choice] ?? row.choice),
    sectionUrl(row.committeeSlug, row.meetingSlug, row.sectionNumber),
  ]
  return cells.map((cell) => (typeof cell === 'string' ? maskPersonalIdentityNumbers(cell) : cell))
}

/** The votes (and ballots) of public §§ the filter picks, as a CSV document. */
export async function readVoteTableCsv(
  db: Queryable,
  filter: VoteTableFilter,
  sectionUrl: SectionUrl,
): Promise<string> {
  const rows = await listVoteTableRows(db, filter)
  return csvDocument([header, ...rows.map((row) => line(row, sectionUrl))])
}

/** `?ar=2022` as a year; anything else means every year. */
export function voteTableYear(value: unknown): number | undefined {
  return typeof value === 'string' && /^(1[89]|2\d)\d\d$/.test(value) ? Number(value) : undefined
}

/** Whose table a portal address asks for: a committee's, a person's or a party's. */
export type VoteTableOwner =
  | { committeeSlug: string }
  | { personSlug: string }
  | { partyAbbreviation: string }

/**
 * The CSV of one committee, person or party (one year's meetings when `year` is given) and the
 * name for its file; undefined when there is no such committee, person or party.
 */
export async function readVoteTableOf(
  db: Queryable,
  owner: VoteTableOwner,
  year: number | undefined,
  sectionUrl: SectionUrl,
): Promise<{ fileName: string; csv: string } | undefined> {
  const found = await filterOf(db, owner)
  if (!found) return undefined
  const fileName = `omrostningar-${found.name}${year === undefined ? '' : `-${year}`}.csv`
  return { fileName, csv: await readVoteTableCsv(db, { ...found.filter, year }, sectionUrl) }
}

async function filterOf(
  db: Queryable,
  owner: VoteTableOwner,
): Promise<{ name: string; filter: VoteTableFilter } | undefined> {
  if ('committeeSlug' in owner) {
    const committee = await findCommitteeBySlug(db, owner.committeeSlug)
    return committee && { name: committee.slug, filter: { committeeId: committee.id } }
  }
  if ('personSlug' in owner) {
    const person = await findPersonBySlug(db, owner.personSlug)
    return person && { name: person.slug, filter: { personId: person.id } }
  }
  const party = await findPartyRowByAbbreviation(db, owner.partyAbbreviation)
  // The file name keeps to letters and digits: "F!" becomes "f".
  const name = party?.abbreviation.toLowerCase().replace(/[^a-z0-9]/g, '') || 'parti'
  return party && { name, filter: { partyId: party.id } }
}
