import { type SqlBool, sql } from 'kysely'
import type { Queryable, Trx } from '../../db/database.ts'
import type { SearchKind } from './search.ts'
import { entryTextId, storeEntryTexts, withEntryTexts } from './search-entry-text.ts'
import { countFilteredUpTo, filtered, hasFilter, type SearchFilter } from './search-filter.ts'
import { type SearchIndex, searchIndexOf, type WordPart } from './search-index.ts'
import {
  countHits,
  defaultPlanning,
  newestFirst,
  pageOfHits,
  planOfParts,
  planOfWords,
  type SearchPlanning,
} from './search-plan.ts'
import { indexedWords, type QueryTerm } from './search-text.ts'

/** One entry as the service builds it from public data. */
export interface SearchEntryValues {
  kind: SearchKind
  objectId: number
  meetingId: number
  committeeId: number
  meetsOn: string
  publishedOn: string | null
  label: string | null
  anchor: string | null
  sectionNumber: number | null
  title: string
  body: string
  parties: string[]
}

export type { SearchFilter } from './search-filter.ts'
export { defaultPlanning, type SearchPlanning } from './search-plan.ts'

export async function deleteSearchEntriesOfMeetings(db: Trx, meetingIds: readonly number[]): Promise<void> {
  if (meetingIds.length === 0) return
  // The FTS5 rows go with them (triggers on SQLite); the party rows by cascade.
  await db
    .deleteFrom('search_entry')
    .where('meeting_id', 'in', [...meetingIds])
    .execute()
}

export async function insertSearchEntries(db: Trx, entries: readonly SearchEntryValues[]): Promise<void> {
  if (entries.length === 0) return
  const analysed = entries.map((entry) => ({
    entry,
    titleWords: indexedWords(entry.title),
    bodyWords: indexedWords(entry.body),
  }))
  const idOf = new Map<string, number>()
  const key = (kind: string, objectId: number) => `${kind}:${objectId}`
  // On SQLite the words live in the word indexes only (0030): kept here too, they were a fifth of
  // the entry; and the text is deflated in search_text, a meeting's entries together (0031).
  const { keepsWords, keepsText } = searchIndexOf(db)
  const textIdOf = keepsText ? undefined : await storeEntryTexts(db, entries)
  for (const chunk of chunks(analysed, 200)) {
    const rows = await db
      .insertInto('search_entry')
      .values(
        chunk.map(({ entry, titleWords, bodyWords }) => ({
          kind: entry.kind,
          object_id: entry.objectId,
          meeting_id: entry.meetingId,
          committee_id: entry.committeeId,
          year: Number(entry.meetsOn.slice(0, 4)),
          meets_on: entry.meetsOn,
          published_on: entry.publishedOn,
          label: entry.label,
          anchor: entry.anchor,
          section_number: entry.sectionNumber,
          title: entry.title,
          body: textIdOf ? '' : entry.body,
          title_words: keepsWords ? titleWords.join(' ') : '',
          body_words: keepsWords ? bodyWords.join(' ') : '',
          ...(textIdOf ? { text_id: textIdOf.get(key(entry.kind, entry.objectId)) ?? null } : {}),
        })),
      )
      .returning(['id', 'kind', 'object_id'])
      .execute()
    for (const row of rows) idOf.set(key(row.kind, row.object_id), row.id)
  }
  const withIds = analysed.map((a) => ({ ...a, id: idOf.get(key(a.entry.kind, a.entry.objectId))! }))
  await searchIndexOf(db).addWords(db, withIds)
  const parties = withIds.flatMap(({ entry, id }) =>
    [...new Set(entry.parties)].map((party) => ({ search_entry_id: id, party })),
  )
  for (const chunk of chunks(parties, 500)) await db.insertInto('search_entry_party').values(chunk).execute()
}

/**
 * Which entries a query reads: `words`, every term a word of the entry (the word index); `parts`,
 * every term a word or part of one, but not every term a word (the trigram index, only when the
 * word index gives too few).
 */
export type SearchTier = 'words' | 'parts'

/** Entries in which every term matches in the tier, with the filters applied. */
export function matching(db: Queryable, terms: readonly QueryTerm[], filter: SearchFilter, tier: SearchTier) {
  const index = searchIndexOf(db)
  let query = db.selectFrom('search_entry as e')
  if (tier === 'words') query = query.where(index.matchesWords(terms, 'anywhere'))
  else {
    for (const term of terms) query = query.where(index.matches(term))
    query = query.where(sql<SqlBool>`not ${index.matchesWords(terms, 'anywhere')}`)
  }
  return filtered(query, filter)
}

/** A part's entries with the filters, counted up to `most`. */
async function countWordPart(
  db: Queryable,
  terms: readonly QueryTerm[],
  filter: SearchFilter,
  part: WordPart,
  most: number,
  planning: SearchPlanning,
): Promise<number> {
  const index = searchIndexOf(db)
  const query = await index.indexQuery(db, terms, part)
  if (query === 'none') return 0
  if (query) {
    return countHits(db, query, filter, most, () => planOfWords(db, query, planning), planning)
  }
  // PostgreSQL's planner weighs its GIN index against the date index itself (search-index.ts), so
  // a count to choose would only cost: up to 5,000 title hits read, 0.5–0.7 s at 100,000 agenda items.
  if (!hasFilter(filter)) return index.countWordHits(db, terms, part, most)
  return countFilteredUpTo(db, index.wordHits(db, terms, part), filter, most)
}

/** The entries matching in the tier, counted up to `most`: a common word stops there. */
export async function countSearchHits(
  db: Queryable,
  terms: readonly QueryTerm[],
  filter: SearchFilter,
  tier: SearchTier,
  most: number,
  planning: SearchPlanning = { ...defaultPlanning },
): Promise<number> {
  if (most <= 0) return 0
  if (tier === 'words') return countWordPart(db, terms, filter, 'any', most, planning)
  const query = await partsQuery(db, terms, planning)
  if (query === 'none') return 0
  if (query)
    return countHits(db, query, filter, most, () => planOfParts(db, query, most, filter, planning), planning)
  const row = await db
    .selectFrom(matching(db, terms, filter, tier).select('e.id').limit(most).as('hit'))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst()
  return Number(row?.count ?? 0)
}

/**
 * One page of a tier's hits, best rank first (0: every term a word of the title, 1: a word
 * anywhere; 2: the parts tier), then the latest meeting, then kind and id, so pages never overlap.
 */
export async function listSearchHitRows(
  db: Queryable,
  terms: readonly QueryTerm[],
  filter: SearchFilter,
  tier: SearchTier,
  page: { limit: number; offset: number },
  planning: SearchPlanning = { ...defaultPlanning },
) {
  if (page.limit <= 0) return []
  // First the page's ids, sorted without carrying the texts along.
  const ranked =
    tier === 'words'
      ? await rankedWordHits(db, terms, filter, page, planning)
      : (await partHits(db, terms, filter, page, planning)).map((id) => ({ id, rank: 2 }))
  if (ranked.length === 0) return []
  const rows = await db
    .selectFrom('search_entry as e')
    .innerJoin('committee as c', 'c.id', 'e.committee_id')
    .innerJoin('meeting as m', 'm.id', 'e.meeting_id')
    .select([
      'e.id',
      'e.kind',
      'e.object_id',
      'e.meeting_id',
      'e.meets_on',
      'e.label',
      'e.anchor',
      'e.section_number',
      'e.title',
      'e.body',
      entryTextId(db),
      'c.name as committee_name',
      'c.slug as committee_slug',
      'm.slug as meeting_slug',
    ])
    .where(
      'e.id',
      'in',
      ranked.map((r) => r.id),
    )
    .execute()
    .then((found) => withEntryTexts(db, found))
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ranked.flatMap(({ id, rank }) => {
    const row = byId.get(id)
    return row ? [{ ...row, kind: row.kind as SearchKind, rank }] : []
  })
}

/** A page of the parts tier's ids: on SQLite through its one FTS5 query, else through `matching`. */
async function partHits(
  db: Queryable,
  terms: readonly QueryTerm[],
  filter: SearchFilter,
  page: { limit: number; offset: number },
  planning: SearchPlanning,
): Promise<number[]> {
  const query = await partsQuery(db, terms, planning)
  if (query === 'none') return []
  if (query) {
    const plan = await planOfParts(db, query, page.offset + page.limit, filter, planning)
    return pageOfHits(db, query, filter, page, plan)
  }
  return (await newestFirst(matching(db, terms, filter, 'parts'), page)).map(({ id }) => id)
}

/**
 * The parts tier's index query, made once a search for its count and its page: on SQLite it reads
 * the vocabulary and the entries holding the part's rare words (search-rare-words.ts).
 */
function partsQuery(db: Queryable, terms: readonly QueryTerm[], planning: SearchPlanning) {
  let queries = partsQueriesOf.get(planning)
  if (!queries) {
    queries = new Map()
    partsQueriesOf.set(planning, queries)
  }
  const key = terms.map((term) => [term.stem, ...(term.variants ?? [])].join(' ')).join(' | ')
  let query = queries.get(key)
  if (!query) {
    query = searchIndexOf(db).indexQuery(db, terms, 'parts')
    queries.set(key, query)
  }
  return query
}
const partsQueriesOf = new WeakMap<SearchPlanning, Map<string, ReturnType<SearchIndex['indexQuery']>>>()

/**
 * The words tier's page: the entries with every term in the title (rank 0), then those with every
 * term anywhere else (rank 1), each part read on its own so that a page of a common word is found
 * without ranking all of its hits (11 s for "budget" at a million items when ranked in one query).
 */
async function rankedWordHits(
  db: Queryable,
  terms: readonly QueryTerm[],
  filter: SearchFilter,
  page: { limit: number; offset: number },
  planning: SearchPlanning,
): Promise<Array<{ id: number; rank: number }>> {
  const index = searchIndexOf(db)
  const ranked: Array<{ id: number; rank: number }> = []
  // Exact when the title hits end before the page does; then the page goes on with the rest.
  const inTitles = await countWordPart(db, terms, filter, 'title', page.offset + page.limit, planning)
  for (const [part, rank, offset] of [
    ['title', 0, page.offset],
    ['text', 1, Math.max(0, page.offset - inTitles)],
  ] as const) {
    const limit = page.limit - ranked.length
    if (limit <= 0 || (part === 'title' && page.offset >= inTitles)) continue
    const query = await index.indexQuery(db, terms, part)
    if (query === 'none') continue
    const ids = query
      ? await pageOfHits(db, query, filter, { limit, offset }, await planOfWords(db, query, planning))
      : (await newestFirst(filtered(index.wordHits(db, terms, part), filter), { limit, offset })).map(
          ({ id }) => id,
        )
    ranked.push(...ids.map((id) => ({ id, rank })))
  }
  return ranked
}

/**
 * The years with entries, newest first. A skip scan down the year index: one lookup per year, so
 * the search form costs the same whatever the size of the archive (a `select distinct` read every
 * entry on every search, issue 15).
 */
export async function listSearchYears(db: Queryable): Promise<number[]> {
  const { rows } = await sql<{ year: number }>`with recursive y(year) as (
      select max(year) from search_entry
      union all
      select (select max(e.year) from search_entry e where e.year < y.year) from y where y.year is not null
    ) select year from y where year is not null`.execute(db)
  return rows.map((r) => Number(r.year))
}

/** The parties with §§ in the index: a skip scan of its party index, as for the years. */
export async function listSearchParties(db: Queryable): Promise<string[]> {
  const { rows } = await sql<{ party: string }>`with recursive p(party) as (
      select min(party) from search_entry_party
      union all
      select (select min(e.party) from search_entry_party e where e.party > p.party) from p where p.party is not null
    ) select party from p where party is not null`.execute(db)
  // Sorted here: the databases' collations may disagree.
  return rows.map((r) => r.party).sort((a, b) => a.localeCompare(b, 'sv'))
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const result: T[][] = []
  for (let i = 0; i < list.length; i += size) result.push(list.slice(i, i + size))
  return result
}
