import { type SqlBool, sql } from 'kysely'
import type { Queryable } from '../../db/database.ts'
import type { EntryQuery } from './search-index.ts'

// SQLite: the entries of an FTS5 query, newest meeting first, found by walking down the date index
// a day at a time and asking the FTS5 index once for each run of consecutive entry ids of the day
// (`rowid between`), not once for every entry. A meeting's entries are written together, so their
// ids run on: a day of a million-item archive is some 600 entries in about 14 runs. Each question
// costs FTS5 a seek of every phrase in every segment of its index, so asked for each entry it was
// most of a common word's page (about 25 µs an entry, 24 ms for "budget" at a million items), and
// with a part of a word, whose phrases are every word of the vocabulary holding it, 1–10 ms an
// entry. The order is the date index's, as the page's `order by`: meets_on desc, kind, object_id.

/** Which FTS5 index (search_fts, search_entry_words) and what to ask it: rowid is the entry's id. */
export interface IndexQuery {
  table: 'search_fts' | 'search_entry_words'
  match: string
  /** The words (phrases) the query names: what a question costs. */
  words: number
  /**
   * Hits found beforehand, ids ascending, besides the index's for `match`: the entries holding a
   * part's rare words (search-rare-words.ts). They may also be hits of `match`.
   */
  found?: readonly number[]
  /**
   * The least and greatest ids of the entries the filters allow, when known (a committee, a year):
   * the hits listed for `foundBy` and `listedBy` are only those between (search-filter.ts).
   */
  within?: { first: number; last: number }
}

/**
 * Entries read from the date index at first, then four times as many each time (a page of a common
 * word is found in the first); a day with more is read whole.
 */
const entriesFirst = 200
const mostAtOnce = 12_800

interface Entry {
  id: number
  meets_on: string
}

/**
 * The ids of the entries among `entries` (the filters applied) that the index query finds, newest
 * first, from the `skip`th until `take` were found or the entries end. With a committee (filtered in
 * `entries` too), its entries a year at a time instead of the whole archive's down the dates.
 */
export async function walkDownTheDates(
  db: Queryable,
  entries: EntryQuery,
  query: IndexQuery,
  { skip, take }: { skip: number; take: number },
  committeeId?: number,
): Promise<number[]> {
  const found: number[] = []
  let skipped = 0
  const walk = committeeId === undefined ? days(entries) : daysOfCommittee(db, entries, committeeId)
  for await (const day of walk) {
    const hits = hitsAmong(db, query, day)
    for (const entry of day) {
      if (!(await hits.has(entry.id))) continue
      if (skipped < skip) skipped++
      else found.push(entry.id)
      if (found.length >= take) return found
    }
  }
  return found
}

/** The entries a day at a time, newest first, each day in the date index's order. */
async function* days(entries: EntryQuery): AsyncGenerator<Entry[]> {
  let before: string | undefined
  let atOnce = entriesFirst
  for (; ; atOnce = Math.min(atOnce * 4, mostAtOnce)) {
    const rows = await entries
      .$if(before !== undefined, (q) => q.where('e.meets_on', '<', before as string))
      .select(['e.id', 'e.meets_on'])
      .orderBy('e.meets_on', 'desc')
      .orderBy('e.kind')
      .orderBy('e.object_id')
      .limit(atOnce)
      .execute()
    if (rows.length === 0) return
    const last = rows.at(-1)!.meets_on
    const whole = rows.length < atOnce
    // The last day may go on past the rows read: it is read again, whole, unless it is the only one.
    const complete = whole ? rows : rows.filter((r) => r.meets_on !== last)
    if (complete.length === 0) {
      yield await entries
        .where('e.meets_on', '=', last)
        .select(['e.id', 'e.meets_on'])
        .orderBy('e.kind')
        .orderBy('e.object_id')
        .execute()
      before = last
      continue
    }
    let start = 0
    for (let i = 1; i <= complete.length; i++) {
      if (i === complete.length || complete[i]!.meets_on !== complete[start]!.meets_on) {
        yield complete.slice(start, i)
        start = i
      }
    }
    if (whole) return
    before = complete.at(-1)!.meets_on
  }
}

/**
 * A committee's entries a day at a time, newest first: a year at a time through the committee and
 * year index, sorted (some hundreds at a million items). Down the date index, a committee's entries
 * are one in 500 there, each looked up to be passed over: 0.9 s for the 306 hits of "budget
 * uppföljning" in one committee.
 */
async function* daysOfCommittee(
  db: Queryable,
  entries: EntryQuery,
  committeeId: number,
): AsyncGenerator<Entry[]> {
  const { rows } = await sql<{ last: number | null; first: number | null }>`select
    (select max(year) from search_entry where committee_id = ${committeeId}) as last,
    (select min(year) from search_entry where committee_id = ${committeeId}) as first`.execute(db)
  const last = rows[0]?.last
  const first = rows[0]?.first
  if (last == null || first == null) return
  for (let year = Number(last); year >= Number(first); year--) {
    const entriesOfYear = await entries
      .where('e.year', '=', year)
      .select(['e.id', 'e.meets_on'])
      .orderBy('e.meets_on', 'desc')
      .orderBy('e.kind')
      .orderBy('e.object_id')
      .execute()
    let start = 0
    for (let i = 1; i <= entriesOfYear.length; i++) {
      if (i === entriesOfYear.length || entriesOfYear[i]!.meets_on !== entriesOfYear[start]!.meets_on) {
        yield entriesOfYear.slice(start, i)
        start = i
      }
    }
  }
}

/**
 * The ids of entries left out of a run: a filter (a kind, a party) leaves a meeting's entries apart
 * (its documents between its items), and a question for each would cost as much as a probe per entry
 * (twice the old walk's time for "budget" among documents at a million items). The index's hits
 * between them are read and passed over.
 */
const mostIdsBetween = 32

/**
 * Which of a day's entries the index query finds: one question per run of near ids, each asked when
 * the walk first reaches one of its entries. The day's order (kind, then id) goes meeting by meeting
 * through its agenda items, so a page is often found after a few of a day's runs: at a million items
 * a day has some 36 meetings, and the first page of "skola" asked about each of them (0.2 s).
 */
function hitsAmong(db: Queryable, query: IndexQuery, day: readonly Entry[]) {
  const ids = day.map((e) => e.id).sort((a, b) => a - b)
  const runOf = new Map<number, { first: number; last: number; hits?: Promise<Set<number>> }>()
  for (let start = 0; start < ids.length; ) {
    let end = start
    while (end + 1 < ids.length && ids[end + 1]! - ids[end]! <= mostIdsBetween) end++
    const run = { first: ids[start]!, last: ids[end]! }
    for (let i = start; i <= end; i++) runOf.set(ids[i]!, run)
    start = end + 1
  }
  return {
    async has(id: number): Promise<boolean> {
      if (query.found && isFound(query.found, id)) return true
      const run = runOf.get(id)
      if (!run) return false
      run.hits ??= hitsBetween(db, query, run.first, run.last)
      return (await run.hits).has(id)
    },
  }
}

/** The index's own hits for the query with ids from `first` to `last`. */
async function hitsBetween(
  db: Queryable,
  { table, match }: IndexQuery,
  first: number,
  last: number,
): Promise<Set<number>> {
  // `cast`: better-sqlite3 binds a number as a real, and FTS5 ignores a rowid bound that is not an
  // integer (it then answers for every row).
  const { rows } = await sql<{ id: number }>`select rowid as id from ${sql.table(table)}
    where ${sql.table(table)} match ${match}
    and rowid between cast(${first} as integer) and cast(${last} as integer)`.execute(db)
  return new Set(rows.map((row) => row.id))
}

/** Whether `id` is among `found` (ascending). */
function isFound(found: readonly number[], id: number): boolean {
  let low = 0
  let high = found.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const at = found[middle]!
    if (at === id) return true
    if (at < id) low = middle + 1
    else high = middle - 1
  }
  return false
}

/** The index query's hits as a subquery: the index's, and those found beforehand (one parameter, a JSON array). */
function hitsOf({ table, match, found, within }: IndexQuery) {
  // `cast`: as in `hitsBetween`.
  const own = within
    ? sql`select rowid as id from ${sql.table(table)} where ${sql.table(table)} match ${match}
        and rowid between cast(${within.first} as integer) and cast(${within.last} as integer)`
    : sql`select rowid as id from ${sql.table(table)} where ${sql.table(table)} match ${match}`
  const also = within ? found?.filter((id) => id >= within.first && id <= within.last) : found
  return also?.length ? sql`${own} union all select value from json_each(${JSON.stringify(also)})` : own
}

/**
 * The hits of an index query among the entries of a year or a kind, counted up to `most`: the hits
 * streamed in id order, each one's entry looked up, until `most` are counted. A year or a kind holds
 * a tenth of the entries or more, so `most` are found among some ten times as many hits; listed
 * whole first (`foundBy`, `listedBy`), "skola" in 2025 read 330,000 hits at a million items.
 */
export async function countAmongHits(
  db: Queryable,
  query: IndexQuery,
  { year, kind }: { year?: number | undefined; kind?: string | undefined },
  most: number,
): Promise<number> {
  const conditions = [
    ...(year === undefined ? [] : [sql`e.year = ${year}`]),
    ...(kind === undefined ? [] : [sql`e.kind = ${kind}`]),
  ]
  const allowed = conditions.length ? sql.join(conditions, sql` and `) : sql`1`
  // `cross join`: the hits outside, in the order the index streams them; each entry by its id.
  const { rows } = await sql<{ ids: string | null }>`select json_group_array(id) as ids from
    (select e.id from (${hitsOf({ ...query, found: undefined })}) h
      cross join search_entry e on e.id = h.id where ${allowed} limit ${most})`.execute(db)
  const own = JSON.parse(rows[0]?.ids ?? '[]') as number[]
  if (own.length >= most || !query.found?.length) return own.length
  // Fewer than `most`: every one of the index's own is read, so those also found count once.
  const { rows: found } = await sql<{ id: number }>`select e.id from search_entry e
    where e.id in (select value from json_each(${JSON.stringify(query.found)})) and ${allowed}`.execute(db)
  return Math.min(most, new Set([...own, ...found.map((row) => row.id)]).size)
}

/** For the query builder: an entry (`e`) found by an index query, looked up by id (a small set of hits). */
export const foundBy = (query: IndexQuery) => sql<SqlBool>`e.id in (${hitsOf(query)})`

/** The first `most` hits of an index query, in id order: how many, and the last one's id. */
export async function sampleIndexHits(
  db: Queryable,
  query: IndexQuery,
  most: number,
): Promise<{ hits: number; lastId: number }> {
  const { table, match, found } = query
  if (found?.length) {
    const first = [...new Set([...(await firstHits(db, query, most)), ...found.slice(0, most)])]
      .sort((a, b) => a - b)
      .slice(0, most)
    return { hits: first.length, lastId: first.at(-1) ?? 0 }
  }
  const { rows } = await sql<{ n: number; last: number | null }>`select count(*) as n, max(id) as last from
    (select rowid as id from ${sql.table(table)} where ${sql.table(table)} match ${match} limit ${most})`.execute(
    db,
  )
  return { hits: Number(rows[0]?.n ?? 0), lastId: Number(rows[0]?.last ?? 0) }
}

/** The hits of an index query counted up to `most`: the index streams its hits and stops, no entry is read. */
export async function countIndexHits(db: Queryable, query: IndexQuery, most: number): Promise<number> {
  const { table, match, found } = query
  if (found?.length) {
    // Fewer of the index's own than `most`: all of them are read, so those also found count once.
    const own = await firstHits(db, query, most)
    if (own.length >= most) return most
    return Math.min(most, new Set([...own, ...found]).size)
  }
  const { rows } = await sql<{ n: number }>`select count(*) as n from
    (select rowid from ${sql.table(table)} where ${sql.table(table)} match ${match} limit ${most})`.execute(
    db,
  )
  return Number(rows[0]?.n ?? 0)
}

/** The first `most` of the index's own hits for the query (not those found beforehand), ids ascending. */
async function firstHits(db: Queryable, { table, match }: IndexQuery, most: number): Promise<number[]> {
  const { rows } = await sql<{ ids: string | null }>`select json_group_array(id) as ids from
    (select rowid as id from ${sql.table(table)} where ${sql.table(table)} match ${match} limit ${most})`.execute(
    db,
  )
  return JSON.parse(rows[0]?.ids ?? '[]') as number[]
}

/**
 * For the query builder: an entry (`e`) among an index query's hits, as SQLite walks the date index:
 * the hits are listed once and each entry of the walk looked up in the list (`+`: not each hit's
 * entry read by its id and all of them sorted).
 */
export const listedBy = (query: IndexQuery) => sql<SqlBool>`+e.id in (${hitsOf(query)})`
