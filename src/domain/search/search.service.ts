import { atTransactionEdge, type Db, inTransaction, type Queryable, type Trx } from '../../db/database.ts'
import { type AgendaEntry, getAgendas } from '../agenda/agenda.reads.ts'
import { findCommitteeBySlug, getCommittee } from '../committee/committee.reads.ts'
import type { Committee } from '../committee/committee.ts'
import { agendaIsPublic } from '../disclosure/disclosure.ts'
import { documentKindLabels } from '../document/document.ts'
import { listRegistryNumbersOfMeetings } from '../matter/matter.reads.ts'
import { listMeetingsByIds } from '../meeting/meeting.reads.ts'
import type { Meeting } from '../meeting/meeting.ts'
import { type MinutesRecord, publicMinutesRecord, readMinutesRecords } from '../minutes/minutes-record.ts'
import { listParties } from '../person/person.reads.ts'
import { publicRecordTouched } from '../public-record/public-record-edge.ts'
import { maskPersonalIdentityNumbers } from '../publication/personal-identity-number.ts'
import { publishedAgenda } from '../publication/public-agenda.ts'
import {
  countSearchHits,
  defaultPlanning,
  deleteSearchEntriesOfMeetings,
  insertSearchEntries,
  listSearchHitRows,
  listSearchParties,
  listSearchYears,
  type SearchEntryValues,
  type SearchPlanning,
} from './search.repository.ts'
import type { SearchHit, SearchMatch, SearchQuery, SearchResult } from './search.ts'
import { excerpt, highlight, normaliseText, queryTerms } from './search-text.ts'

/** Counting stops past this many hits ("fler än 1000 träffar"), and so do the pages. */
export const mostHitsCounted = 1000
/** The longest text kept of one entry (an attachment's extracted text): some hundred pages. */
const longestBody = 400_000
const matchOfRank: SearchMatch[] = ['title', 'word', 'part']

// Meetings whose search entries are rebuilt at the end of the transaction that touched them.
const pendingMeetings = new WeakMap<Queryable, Set<number>>()

/**
 * Rebuilds the search entries of one meeting from what the public may see, and nothing else (P2):
 * the public agenda once the notice is out, without confidential items and documents; signed-off,
 * non-confidential §§ (TF 2:10); the extracted text of public attachments. Personal identity
 * numbers are masked (P3), so a search for one finds nothing. Call it in the transaction that
 * changed the meeting's public content: the entries are rebuilt at its end, once per meeting
 * however many steps touched it (an import moves a meeting through several).
 */
export async function reindexMeeting(trx: Trx, meetingId: number): Promise<void> {
  // What search sees changed, so may what every other public channel sees.
  await publicRecordTouched(trx, { meetingId })
  let pending = pendingMeetings.get(trx)
  if (!pending) {
    pending = new Set()
    pendingMeetings.set(trx, pending)
  }
  pending.add(meetingId)
  const meetings = pending
  await atTransactionEdge(trx, 'search-index', async (edge) => {
    const ids = [...meetings]
    meetings.clear()
    pendingMeetings.delete(trx)
    await rebuildMeetingEntries(edge, ids)
  })
}

/**
 * The entries of these meetings rebuilt together: each list they are built from read once for all
 * of them, the old entries deleted and the new written at once (an import's transaction holds up to
 * 25 meetings: 9 statements each before, at the edge of every transaction).
 */
async function rebuildMeetingEntries(trx: Trx, meetingIds: readonly number[]): Promise<void> {
  if (meetingIds.length === 0) return
  const meetings = await listMeetingsByIds(trx, meetingIds)
  const registryNumbers = await listRegistryNumbersOfMeetings(trx, meetingIds)
  const agendas = await getAgendas(
    trx,
    meetings.filter(agendaIsPublic).map((m) => m.id),
  )
  const records = await readMinutesRecords(trx, meetingIds)
  const partiesOf = new Map<number, Map<number, string>>()
  const entries: SearchEntryValues[] = []
  for (const meeting of meetings) {
    const committee = await getCommittee(trx, meeting.committeeId)
    const numbers = registryNumbers.get(meeting.id) ?? new Map<number, string>()
    const ofMeeting: MeetingEntry[] = []
    const agenda = agendas.get(meeting.id)
    if (agenda) ofMeeting.push(...agendaEntries(meeting, publishedAgenda(agenda), numbers))
    const record = records.get(meeting.id)
    if (record) {
      let parties = partiesOf.get(committee.organisationId)
      if (!parties) {
        parties = new Map(
          (await listParties(trx, committee.organisationId)).map((p) => [p.id, p.abbreviation]),
        )
        partiesOf.set(committee.organisationId, parties)
      }
      ofMeeting.push(...sectionEntries(meeting, publicMinutesRecord(record), parties, numbers))
    }
    entries.push(...ofMeeting.map((e) => ({ ...e, committeeId: committee.id })))
  }
  await deleteSearchEntriesOfMeetings(trx, meetingIds)
  await insertSearchEntries(trx, entries)
}

/** Rebuilds the whole index, a meeting per transaction: after an upgrade, or to repair it. */
export async function reindexAllMeetings(db: Db): Promise<number> {
  const meetings = await db.selectFrom('meeting').select('id').orderBy('id').execute()
  for (const { id } of meetings) await inTransaction(db, (trx) => reindexMeeting(trx, id))
  return meetings.length
}

/**
 * Finds public agenda items, §§ and attachments in which every word of `q` occurs, inflected
 * ("boende" finds "boenden") or as part of a compound ("plan" finds "översiktsplan", ranked
 * below exact hits). Any text is a valid query: operators and quotes are read as spaces.
 * Order: rank, then the latest meeting, then kind and id, so paging is stable. Hits are counted
 * up to `mostCounted` (then `moreThanTotal`), and pages end there.
 */
export async function search(
  db: Queryable,
  query: SearchQuery,
  {
    mostCounted = mostHitsCounted,
    planning: asked,
  }: { mostCounted?: number; planning?: Partial<SearchPlanning> } = {},
): Promise<SearchResult> {
  // Made for this search: its plans are decided once, for its counts and its page.
  const planning: SearchPlanning = { ...defaultPlanning, ...asked }
  const terms = queryTerms(query.q)
  const pageSize = Math.min(Math.max(Math.trunc(query.pageSize) || 20, 1), 100)
  const page = Math.min(Math.max(Math.trunc(query.page) || 1, 1), 10_000)
  const empty: SearchResult = { total: 0, page, pageSize, pages: 1, hits: [], terms }
  if (terms.length === 0) return empty
  // PostgreSQL refuses NUL in text: such a filter can match nothing anyway.
  if ([query.committeeSlug, query.party].some((v) => v?.includes('\u0000'))) return empty
  let committee: Committee | undefined
  if (query.committeeSlug) {
    committee = await findCommitteeBySlug(db, query.committeeSlug)
    if (!committee) return empty
  }
  const filter = { committeeId: committee?.id, year: query.year, kind: query.kind, party: query.party }
  // The word index first; the parts of words (the trigram index) only when the words run out, so
  // a common word ("budget", in every other text) never goes through the trigrams.
  const words = await countSearchHits(db, terms, filter, 'words', mostCounted + 1, planning)
  const partsCounted = words <= mostCounted
  const parts = partsCounted
    ? await countSearchHits(db, terms, filter, 'parts', mostCounted + 1 - words, planning)
    : 0
  const offset = (page - 1) * pageSize
  const rows: Awaited<ReturnType<typeof listSearchHitRows>> = []
  if (offset < mostCounted) {
    if (offset < words)
      rows.push(
        ...(await listSearchHitRows(db, terms, filter, 'words', { limit: pageSize, offset }, planning)),
      )
    // Fewer words than the page holds: `words` was counted exactly, so the parts start after them.
    if (rows.length < pageSize && (parts > 0 || !partsCounted)) {
      const rest = { limit: pageSize - rows.length, offset: Math.max(0, offset - words) }
      rows.push(...(await listSearchHitRows(db, terms, filter, 'parts', rest, planning)))
    }
  }
  const total = Math.min(words + parts, mostCounted)
  const more = words + parts > mostCounted ? { moreThanTotal: true as const } : {}
  const hits = rows.map(
    (row): SearchHit => ({
      kind: row.kind,
      objectId: row.object_id,
      title: row.title,
      titleSegments: highlight(row.title, terms),
      excerpt: excerpt(row.body, terms),
      label: row.label,
      match: matchOfRank[row.rank] ?? 'part',
      committee: { name: row.committee_name, slug: row.committee_slug },
      meeting: { id: row.meeting_id, slug: row.meeting_slug, meetsOn: row.meets_on },
      location: {
        committeeSlug: row.committee_slug,
        meetingSlug: row.meeting_slug,
        sectionNumber: row.section_number,
        anchor: row.anchor,
      },
    }),
  )
  return { total, ...more, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)), hits, terms }
}

/** The years and parties there is something to find for: the choices of the search form. */
export async function listSearchChoices(db: Queryable): Promise<{ years: number[]; parties: string[] }> {
  const [years, parties] = await Promise.all([listSearchYears(db), listSearchParties(db)])
  return { years, parties }
}

type MeetingEntry = Omit<SearchEntryValues, 'committeeId'>

/** The registry number as printed in an entry's text, so that searching for it finds the matter. */
export const registryNumberText = (registryNumber: string | undefined) =>
  registryNumber ? `Dnr ${registryNumber}` : null

function agendaEntries(
  meeting: Meeting,
  agenda: readonly AgendaEntry[],
  registryNumbers: ReadonlyMap<number, string>,
): MeetingEntry[] {
  const publishedOn = meeting.noticePublishedAt?.slice(0, 10) ?? null
  const entries: MeetingEntry[] = []
  const documents = new Set<number>()
  for (const { item, attachments } of agenda) {
    if (item.confidential) continue // reduced to a neutral title by publicAgenda: nothing to find
    const number = item.number ?? String(item.position)
    const anchor = `punkt-${number}`
    const base = { meetingId: meeting.id, meetsOn: meeting.meetsOn, publishedOn, anchor, sectionNumber: null }
    entries.push({
      ...base,
      kind: 'agenda_item',
      objectId: item.id,
      label: `Punkt ${number}`,
      title: normaliseText(item.title ?? item.heading ?? `Punkt ${number}`),
      body: searchEntryBody([
        item.title ? item.heading : null,
        item.summary,
        ...item.proposal,
        registryNumberText(registryNumbers.get(item.id)),
      ]),
      parties: [],
    })
    for (const document of attachments) {
      if (document.confidential || documents.has(document.id)) continue
      documents.add(document.id)
      entries.push({
        ...base,
        kind: 'document',
        objectId: document.id,
        label: documentKindLabels[document.kind] ?? 'Handling',
        title: normaliseText(document.title),
        body: searchEntryBody([maskPersonalIdentityNumbers(document.extractedText)]), // P3, as publishedAgenda
        parties: [],
      })
    }
  }
  return entries
}

function sectionEntries(
  meeting: Meeting,
  record: MinutesRecord,
  parties: Map<number, string>,
  registryNumbers: ReadonlyMap<number, string>,
): MeetingEntry[] {
  return record.sections
    .filter((s) => !s.section.confidential) // reduced to their number by publicMinutesRecord
    .map(({ section, motions, votes, dissents, statements, signOff }) => {
      const authors = [...motions, ...dissents, ...statements].flatMap((x) => x.authors)
      return {
        kind: 'section',
        objectId: section.id,
        meetingId: meeting.id,
        meetsOn: meeting.meetsOn,
        publishedOn: signOff?.signedOffOn ?? null,
        label: section.label,
        anchor: `paragraf-${section.number}`,
        sectionNumber: section.number,
        title: normaliseText(section.title),
        body: searchEntryBody([
          section.summary,
          ...section.decision,
          section.decisionProcedure,
          ...motions.flatMap((m) => [m.text, ...m.points]),
          ...votes.map((v) => v.question),
          ...dissents.map((d) => d.text),
          ...statements.map((s) => s.text),
          registryNumberText(
            section.agendaItemId === null ? undefined : registryNumbers.get(section.agendaItemId),
          ),
        ]),
        parties: authors.flatMap((a) => {
          const party = a.partyId === null ? undefined : parties.get(a.partyId)
          return party ? [party] : []
        }),
      }
    })
}

/** The text of an entry from its parts, as shown in excerpts: normalised, joined by " · ", bounded. */
export function searchEntryBody(parts: ReadonlyArray<string | null | undefined>): string {
  const text = parts.map((p) => (p ? normaliseText(p) : '')).filter(Boolean)
  return text.join(' · ').slice(0, longestBody)
}
