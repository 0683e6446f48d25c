import type { Queryable } from '../../db/database.ts'
import { countIndexHits, foundBy, type IndexQuery, listedBy, walkDownTheDates } from './search-date-walk.ts'
import { filtered, hasFilter, type SearchFilter } from './search-filter.ts'
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
 * The hits of a word part without filters up to `most`, from the count that plans its page when
 * that one reaches further (the title part's: counted for the page's ranks, then planned).
 */
export async function countPlannedHits(
  db: Queryable,
  query: IndexQuery,
  most: number,
  planning: SearchPlanning,
): Promise<number> {
  if (most > planning.manyHits) return hitsUpTo(db, query, most, planning)
  return Math.min(most, await hitsUpTo(db, query, planning.manyHits, planning))
}

/** How to find a word part's entries: by their hits when they are few, down the dates when many. */
export async function planOfWords(
  db: Queryable,
  query: IndexQuery,
  planning: SearchPlanning,
): Promise<WordPlan> {
  return (await hitsUpTo(db, query, planning.manyHits, planning)) < planning.manyHits ? 'hits' : 'dates'
}

/**
 * How to find `wanted` of the parts tier's entries, the plan costing least (figures at 100,000
 * items, under load): `hits` reads each hit's entry and sorts them (about 6 µs a hit); `listed`
 * has SQLite list the hits (1.2 µs each) and walk the date index looking each entry up in the list
 * (0.3 µs an entry, wanted × N / H entries among N holding H hits); `dates` walks down the dates
 * asking the index about each run of a day's entries (search-date-walk.ts), which costs some 60 µs
 * for each word the query names (every word of the vocabulary holding a part, each sought in every
 * segment of the index) for some 20 entries. So `hits` up to H² = wanted × N × 0.06, `dates` from
 * H² = wanted × N × words × 2.4: at a million items, 1,600 and 155,000 hits for a page of
 * "budget uppfölj" (229 words). Each bound grows with the root of the archive, not with it.
 */
export async function planOfParts(
  db: Queryable,
  query: IndexQuery,
  wanted: number,
  planning: SearchPlanning,
): Promise<WordPlan> {
  if (planning.partPlan) return planning.partPlan
  const row = await db
    .selectFrom('search_entry')
    .select((eb) => eb.fn.max('id').as('last'))
    .executeTakeFirst()
  // The last id counts the entries with the gaps that rebuilt meetings left: near enough here.
  const entries = Number(row?.last ?? 0)
  // At least the count's bound (the service counts up to 1,001 first), so that count serves.
  const few = Math.max(1001, Math.ceil(Math.sqrt(wanted * entries * 0.06)))
  if ((await hitsUpTo(db, query, few, planning)) < few) return 'hits'
  const many = Math.ceil(Math.sqrt(wanted * entries * query.words * 2.4))
  if (many <= few) return 'dates'
  // Counting up to `many` would cost as much as listing them: the hits among the last sixteenth of
  // the ids, times sixteen, are near enough to choose.
  const sample = await countIndexHits(db, query, Math.ceil(many / 16), entries - Math.floor(entries / 16))
  return sample * 16 < many ? 'listed' : 'dates'
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
      await walkDownTheDates(db, filtered(entries(db), filter, 'dates'), query, { skip: 0, take: most })
    ).length
  const row = await db
    .selectFrom(
      filtered(entries(db).where(chosen === 'listed' ? listedBy(query) : foundBy(query)), filter)
        .select('e.id')
        .limit(most)
        .as('hit'),
    )
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst()
  return Number(row?.count ?? 0)
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
    return walkDownTheDates(db, filtered(entries(db), filter, 'dates'), query, {
      skip: page.offset,
      take: page.limit,
    })
  const found = entries(db).where(plan === 'listed' ? listedBy(query) : foundBy(query))
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
