import { sql } from 'kysely'
import type { Queryable } from '../../db/database.ts'
import {
  countAmongHits,
  countIndexHits,
  foundBy,
  type IndexQuery,
  listedBy,
  sampleIndexHits,
  walkDownTheDates,
} from './search-date-walk.ts'
import { countFilteredUpTo, filtered, hasFilter, idsWithin, type SearchFilter } from './search-filter.ts'
import type { EntryQuery, WordPlan } from './search-index.ts'

// How SQLite finds a page of an index query's entries, newest first, and counts them: the plan is
// chosen by how many hits the index has, counted up to a bound (the index streams its hits, no
// entry is read). PostgreSQL's planner makes this choice itself (search-index.ts).

/** How a search reads the indexes (tests force the plans on a small archive). */
export interface SearchPlanning {
  /**
   * Hits of the word index from which a walk down the dates is cheaper than reading every hit:
   * reading and sorting a few thousand entries costs about as much as walking past the entries
   * between twenty hits of a word in one entry of a few hundred.
   */
  manyHits: number
  /** The parts tier's plan, when a test says it; otherwise chosen for each page (`planOfParts`). */
  partPlan?: WordPlan | undefined
}

export const defaultPlanning: SearchPlanning = { manyHits: 5000 }

/**
 * The hits of each index query counted up to a bound in one search, so that its count and its
 * plans read them once. One search is one planning object (the service's; the repository's
 * functions make one per call without it): a count is never used for another search.
 */
const countsOf = new WeakMap<SearchPlanning, Map<string, Promise<number>>>()

/** The hits of an index query up to `most`, counted once a search. */
function hitsUpTo(db: Queryable, query: IndexQuery, most: number, planning: SearchPlanning): Promise<number> {
  let counts = countsOf.get(planning)
  if (!counts) {
    counts = new Map()
    countsOf.set(planning, counts)
  }
  const key = `${most} ${query.table} ${query.match}`
  let count = counts.get(key)
  if (!count) {
    count = countIndexHits(db, query, most)
    counts.set(key, count)
  }
  return count
}

/**
 * About how many hits an index query has, from where its first `sample` hits end among the entry
 * ids (the index streams hits in id order): exact when it has fewer. Counting them to choose cost
 * as much as reading them (35 ms to count 5,000 title hits of "budget uppföljning" at a million
 * items, the index checking the title of every entry with both words); the sample cost 0.2 ms and
 * said 10,700 of 14,342. An estimate only chooses a plan: every plan finds the same hits.
 */
async function estimatedHits(db: Queryable, query: IndexQuery, planning: SearchPlanning): Promise<number> {
  let estimates = estimatesOf.get(planning)
  if (!estimates) {
    estimates = new Map()
    estimatesOf.set(planning, estimates)
  }
  const key = `${query.table} ${query.match}`
  let estimate = estimates.get(key)
  if (!estimate) {
    estimate = (async () => {
      const sample = await sampleIndexHits(db, query, hitsSampled)
      if (sample.hits < hitsSampled) return sample.hits
      // Each its own lookup: asked together, SQLite reads every id for them.
      const { rows } = await sql<{ first: number | null; last: number | null }>`select
        (select min(id) from search_entry) as first, (select max(id) from search_entry) as last`.execute(db)
      const ids = rows[0]
      const first = Number(ids?.first ?? 0)
      const last = Number(ids?.last ?? 0)
      return Math.ceil((hitsSampled * (last - first + 1)) / Math.max(1, sample.lastId - first + 1))
    })()
    estimates.set(key, estimate)
  }
  return estimate
}
const estimatesOf = new WeakMap<SearchPlanning, Map<string, Promise<number>>>()
const hitsSampled = 50

/** How to find a word part's entries: by their hits when they are few, down the dates when many. */
export async function planOfWords(
  db: Queryable,
  query: IndexQuery,
  planning: SearchPlanning,
): Promise<WordPlan> {
  return (await estimatedHits(db, query, planning)) < planning.manyHits ? 'hits' : 'dates'
}

/**
 * How to find `wanted` of the parts tier's entries, the plan costing least (figures at a million
 * items, under load): `hits` reads each hit's entry and sorts them (about 6 µs a hit); `listed`
 * has SQLite list the hits (1.5 µs each) and walk the date index looking each entry up in the list
 * (0.3 µs an entry, wanted × N / H entries among N holding H hits); `dates` walks down the dates
 * asking the index about each run of a day's entries it reaches (search-date-walk.ts), some 80 µs
 * for each word the query names (every word of the vocabulary holding a part, each sought in every
 * segment of the index) for some 15 entries. So `hits` up to H² = wanted × N × 0.06, `dates` from
 * H² = wanted × N × words × 3.6: at a million items, 1,600 and 190,000 hits for a page of
 * "budget uppfölj" (229 words). Each bound grows with the root of the archive, not with it. With a
 * committee or a year, H counts only the hits among its ids, which are all `hits` and `listed` read.
 */
export async function planOfParts(
  db: Queryable,
  query: IndexQuery,
  wanted: number,
  filter: SearchFilter,
  planning: SearchPlanning,
): Promise<WordPlan> {
  if (planning.partPlan) return planning.partPlan
  const row = await db
    .selectFrom('search_entry')
    .select((eb) => eb.fn.max('id').as('last'))
    .executeTakeFirst()
  // The last id counts the entries with the gaps that rebuilt meetings left: near enough here.
  const entries = Number(row?.last ?? 0)
  // Only the hits among the ids of the filter's committee or year are read (`idsWithin`).
  const within = await idsWithin(db, filter)
  const share = within ? Math.max(0, within.last - within.first + 1) / Math.max(1, entries) : 1
  const hits = (await estimatedHits(db, query, planning)) * Math.min(1, share)
  if (hits ** 2 < wanted * entries * 0.06) return 'hits'
  return hits ** 2 < wanted * entries * query.words * 3.6 ? 'listed' : 'dates'
}

/** The entries of an index query with the filters, counted up to `most`. */
export async function countHits(
  db: Queryable,
  query: IndexQuery,
  filter: SearchFilter,
  most: number,
  plan: () => Promise<WordPlan>,
  planning: SearchPlanning,
): Promise<number> {
  // Without filters the index alone counts, no entry read.
  if (!hasFilter(filter)) return hitsUpTo(db, query, most, planning)
  const chosen = await plan()
  if (chosen === 'dates')
    return (
      await walkDownTheDates(
        db,
        filtered(entries(db), filter, 'dates'),
        query,
        { skip: 0, take: most },
        filter.committeeId,
      )
    ).length
  const within = { ...query, within: await idsWithin(db, filter) }
  // A committee's or a party's entries are too few among the hits to stream them (one in 500).
  if (filter.committeeId === undefined && filter.party === undefined)
    return countAmongHits(db, within, filter, most)
  return countFilteredUpTo(
    db,
    entries(db).where(chosen === 'listed' ? listedBy(within) : foundBy(within)),
    filter,
    most,
  )
}

/** A page of the entries of an index query with the filters: their ids, newest first. */
export async function pageOfHits(
  db: Queryable,
  query: IndexQuery,
  filter: SearchFilter,
  page: { limit: number; offset: number },
  plan: WordPlan,
): Promise<number[]> {
  if (plan === 'dates')
    return walkDownTheDates(
      db,
      filtered(entries(db), filter, 'dates'),
      query,
      { skip: page.offset, take: page.limit },
      filter.committeeId,
    )
  const within = { ...query, within: await idsWithin(db, filter) }
  const found = entries(db).where(plan === 'listed' ? listedBy(within) : foundBy(within))
  return (await newestFirst(filtered(found, filter), page)).map(({ id }) => id)
}

const entries = (db: Queryable) => db.selectFrom('search_entry as e')

/** A window of entries, the latest meeting first, then kind and id, so pages never overlap. */
export function newestFirst(query: EntryQuery, page: { limit: number; offset: number }) {
  return query
    .select('e.id')
    .orderBy('e.meets_on', 'desc')
    .orderBy('e.kind')
    .orderBy('e.object_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}
