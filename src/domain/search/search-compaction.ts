import { sql } from 'kysely'
import type { Db, Queryable } from '../../db/database.ts'
import { dialectOf } from '../../db/dialect.ts'

// FTS5 writes each transaction's index entries as a new segment and merges segments a few at a time
// as they accumulate, so a large archive written in many transactions keeps many: 22 in the words
// index of a generated million items. A part of a word is looked up by every vocabulary word holding
// it, each sought in every segment ("skola", 128 words: 95 ms a page at a million items; 20 ms with
// one segment). After a bulk write — an import, a generated archive, a reindex — the three FTS5
// indexes are merged into one segment each ('optimize': 7 s at a million items, 2,165,907 entries).
// PostgreSQL's GIN indexes merge their pending entries themselves (autovacuum).

const ftsTables = ['search_fts', 'search_entry_words', 'search_word_trigram'] as const

/**
 * Merges each FTS5 index of the search that holds more than `segmentsAbove` segments into one
 * (SQLite); nothing on PostgreSQL. An import of a few files into a large archive passes 4, so it
 * leaves the few new segments to FTS5's own merging and pays for the whole index only now and then.
 * On the connection, not in a use case's transaction: merging changes no row of the record, and
 * each index is merged in its own (an import's transactions are committed before it).
 */
export async function compactSearchIndex(
  db: Db,
  { segmentsAbove = 1 }: { segmentsAbove?: number } = {},
): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return
  const segments = await searchIndexSegments(db)
  for (const table of ftsTables)
    if ((segments[table] ?? 0) > segmentsAbove)
      await sql`insert into ${sql.table(table)} (${sql.table(table)}) values ('optimize')`.execute(db)
}

/** How many segments each FTS5 index of the search holds (SQLite): the distinct segments of its `_idx` table. */
export async function searchIndexSegments(db: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of ftsTables) {
    const { rows } = await sql<{
      n: number
    }>`select count(distinct segid) as n from ${sql.table(`${table}_idx`)}`.execute(db)
    counts[table] = Number(rows[0]?.n ?? 0)
  }
  return counts
}
