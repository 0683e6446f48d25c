import { sql } from 'kysely'
import type { Queryable } from '../../db/database.ts'

// SQLite: a part of a word stands for every word of the vocabulary holding it (128 for "skol" at
// 100,000 items), and FTS5 seeks each of them in every segment of its index for every question,
// however few entries the question is about: the walk down the dates asks once for each run of a
// day's entries it reaches. Most of those words are rare (a compound in a few dozen entries), a few
// common. For a part of one term the entries holding a rare word are found once, in one question,
// and kept as a list (`IndexQuery.found`); the walk's questions name only the common words, and
// their hits and the list's together are the part's: at 100,000 items "skola" asks about 26 words
// instead of 128. At a million items no word holding "skol" is rare, and this costs a statement of
// about 4 ms that finds so.

/** Words held by fewer entries than this are rare; counting stops here. */
export const rareBelow = 200

/** How many entries hold each word, up to `rareBelow` (FTS5 stops there): one statement for all. */
export async function entriesHolding(db: Queryable, words: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await sql<{ word: string; n: number }>`select v.value as word,
      (select count(*) from (select rowid from search_entry_words
        where search_entry_words match ('"' || v.value || '"') limit ${rareBelow})) as n
    from json_each(${JSON.stringify(words)}) v`.execute(db)
  return new Map(rows.map((row) => [row.word, Number(row.n)]))
}

/**
 * A term's words split into the common and the rare. The common are never none: when every word is
 * rare, the most held is named as common, so that the walk's question is a query FTS5 accepts.
 */
export function splitByUse(
  words: readonly string[],
  held: ReadonlyMap<string, number>,
): { common: string[]; rare: string[] } {
  const uses = (word: string) => held.get(word) ?? rareBelow
  const common = words.filter((word) => uses(word) >= rareBelow)
  const rare = words.filter((word) => uses(word) < rareBelow)
  if (common.length > 0 || rare.length === 0) return { common, rare }
  const most = rare.reduce((a, b) => (uses(b) > uses(a) ? b : a))
  return { common: [most], rare: rare.filter((word) => word !== most) }
}

/** Every hit of an FTS5 query, ids ascending: one row, a JSON array (a row each cost more than the question). */
export async function allHits(db: Queryable, table: string, match: string): Promise<number[]> {
  const { rows } = await sql<{ ids: string | null }>`select json_group_array(id) as ids from
    (select rowid as id from ${sql.table(table)} where ${sql.table(table)} match ${match} order by rowid)`.execute(
    db,
  )
  return (JSON.parse(rows[0]?.ids ?? '[]') as number[]).sort((a, b) => a - b)
}
