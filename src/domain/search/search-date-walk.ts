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
    const hits = await hitsAmong(db, query, day)
    for (const entry of day) {
      if (!hits.has(entry.id)) continue
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

/** The ids of a day's entries that the index query finds: one question per run of near ids. */
async function hitsAmong(
  db: Queryable,
  { table, match }: IndexQuery,
  day: readonly Entry[],
): Promise<Set<number>> {
  const ids = day.map((e) => e.id).sort((a, b) => a - b)
  const hits = new Set<number>()
  for (let start = 0; start < ids.length; ) {
    let end = start
    while (end + 1 < ids.length && ids[end + 1]! - ids[end]! <= mostIdsBetween) end++
    // `cast`: better-sqlite3 binds a number as a real, and FTS5 ignores a rowid bound that is not an
    // integer (it then answers for every row).
    const { rows } = await sql<{ id: number }>`select rowid as id from ${sql.table(table)}
      where ${sql.table(table)} match ${match}
      and rowid between cast(${ids[start]} as integer) and cast(${ids[end]} as integer)`.execute(db)
    for (const row of rows) hits.add(row.id)
    start = end + 1
  }
  return hits
}

/** For the query builder: an entry (`e`) found by an index query, looked up by id (a small set of hits). */
export const foundBy = ({ table, match }: IndexQuery) =>
  sql<SqlBool>`e.id in (select rowid from ${sql.table(table)} where ${sql.table(table)} match ${match})`

/** The first `most` hits of an index query, in id order: how many, and the last one's id. */
export async function sampleIndexHits(
  db: Queryable,
  { table, match }: IndexQuery,
  most: number,
): Promise<{ hits: number; lastId: number }> {
  const { rows } = await sql<{ n: number; last: number | null }>`select count(*) as n, max(id) as last from
    (select rowid as id from ${sql.table(table)} where ${sql.table(table)} match ${match} limit ${most})`.execute(
    db,
  )
  return { hits: Number(rows[0]?.n ?? 0), lastId: Number(rows[0]?.last ?? 0) }
}

/** The hits of an index query counted up to `most`: the index streams its hits and stops, no entry is read. */
export async function countIndexHits(
  db: Queryable,
  { table, match }: IndexQuery,
  most: number,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from
    (select rowid from ${sql.table(table)} where ${sql.table(table)} match ${match} limit ${most})`.execute(
    db,
  )
  return Number(rows[0]?.n ?? 0)
}

/**
 * For the query builder: an entry (`e`) among an index query's hits, as SQLite walks the date index:
 * the hits are listed once and each entry of the walk looked up in the list (`+`: not each hit's
 * entry read by its id and all of them sorted).
 */
export const listedBy = ({ table, match }: IndexQuery) =>
  sql<SqlBool>`+e.id in (select rowid from ${sql.table(table)} where ${sql.table(table)} match ${match})`
