import type { Queryable } from '../../db/database.ts'
import type { SearchKind } from './search.ts'
import type { EntryQuery, WordPlan } from './search-index.ts'

/** What a search is narrowed to, beside its words. */
export interface SearchFilter {
  committeeId?: number | undefined
  year?: number | undefined
  kind?: SearchKind | undefined
  party?: string | undefined
}

/** The filters of a search on a query over the entries (`e`). */
export function filtered(query: EntryQuery, filter: SearchFilter, plan: WordPlan = 'hits'): EntryQuery {
  if (filter.committeeId !== undefined) query = query.where('e.committee_id', '=', filter.committeeId)
  if (filter.year !== undefined) {
    // Down the dates, the year (the meeting's) is a stretch of the date index, where the walk
    // starts; asked as `year =` too, SQLite took the year's index and probed every entry of the year
    // (11 s for "budget" in 2019 at a million items).
    if (plan !== 'hits')
      query = query
        .where('e.meets_on', '>=', `${filter.year}-01-01`)
        .where('e.meets_on', '<=', `${filter.year}-12-31`)
    else query = query.where('e.year', '=', filter.year)
  }
  if (filter.kind !== undefined) query = query.where('e.kind', '=', filter.kind)
  const party = filter.party
  if (party !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('search_entry_party as p')
          .select('p.party')
          .whereRef('p.search_entry_id', '=', 'e.id')
          .where('p.party', '=', party),
      ),
    )
  }
  return query
}

export const hasFilter = (filter: SearchFilter) => Object.values(filter).some((value) => value !== undefined)

/** The entries of `query` with the filters, counted up to `most`: a common word stops there. */
export async function countFilteredUpTo(
  db: Queryable,
  query: EntryQuery,
  filter: SearchFilter,
  most: number,
): Promise<number> {
  const row = await db
    .selectFrom(filtered(query, filter).select('e.id').limit(most).as('hit'))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst()
  return Number(row?.count ?? 0)
}

/**
 * The least and greatest ids of the entries of a committee or a year, when the filter names one:
 * the index's hits outside them need not be listed. A committee's entries are written a meeting at
 * a time, so its ids spread over the archive's as its meetings do among the others'; an archive
 * generated or imported a committee at a time keeps them together (at a million items, "skola" in
 * one committee listed 330,000 hits to count 633). Undefined for other filters, and without.
 */
export async function idsWithin(
  db: Queryable,
  filter: SearchFilter,
): Promise<{ first: number; last: number } | undefined> {
  const { committeeId, year } = filter
  if (committeeId === undefined && year === undefined) return undefined
  // Each its own lookup in the committee and year index or the year index (both hold the ids).
  const of = (bound: 'min' | 'max') =>
    db
      .selectFrom('search_entry')
      .select((eb) => eb.fn[bound]('id').as('id'))
      .$if(committeeId !== undefined, (q) => q.where('committee_id', '=', committeeId as number))
      .$if(year !== undefined, (q) => q.where('year', '=', year as number))
      .executeTakeFirst()
  const [first, last] = await Promise.all([of('min'), of('max')])
  if (first?.id == null || last?.id == null) return { first: 1, last: 0 }
  return { first: Number(first.id), last: Number(last.id) }
}
