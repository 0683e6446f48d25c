import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Queryable } from '../../db/database.ts'
import { dialectOf } from '../../db/dialect.ts'
import { type QueryTerm, shortestPart, stem } from './search-text.ts'

// Where SQLite and PostgreSQL search differently, behind one interface. Both get the same words
// (search-text.ts) and answer the same two questions the same way, so results are identical:
// does a term match an entry (as a word with its stem, or as part of a word), and how well.
// The queries name the entry `e`.

export interface SearchIndex {
  /** Indexes what the database does not derive from the rows itself (SQLite: the stems). */
  addWords(
    db: Queryable,
    rows: ReadonlyArray<{ id: number; titleWords: string[]; bodyWords: string[] }>,
  ): Promise<void>
  /**
   * The term matches a word of the entry by stem or, for terms of three letters or more, is part of
   * one, as typed or in one of its spellings with å, ä and ö (which `rank` never counts as a word).
   */
  matches(term: QueryTerm): RawBuilder<SqlBool>
  /** 0: every term matches a word of the title by stem; 1: a word anywhere; 2: only parts of words. */
  rank(terms: readonly QueryTerm[]): RawBuilder<number>
}

export function searchIndexOf(db: Queryable): SearchIndex {
  return dialectOf(db) === 'postgres' ? postgresIndex : sqliteIndex
}

// Terms hold letters and digits only (search-text.ts), so quoting them is all FTS5 needs.
const phrase = (term: string) => `"${term}"`

const sqliteIndex: SearchIndex = {
  async addWords(db, rows) {
    for (const row of rows) {
      await sql`insert into search_fts (rowid, title, body)
        values (${row.id}, ${row.titleWords.map(stem).join(' ')}, ${row.bodyWords.map(stem).join(' ')})`.execute(
        db,
      )
    }
  },
  matches(term) {
    const spellings = [term.stem, ...(term.variants ?? [])].map(phrase).join(' OR ')
    return term.stem.length >= shortestPart
      ? sql<SqlBool>`e.id in (select rowid from search_trigram where search_trigram match ${spellings})`
      : sql<SqlBool>`e.id in (select rowid from search_fts where search_fts match ${phrase(term.stem)})`
  },
  rank(terms) {
    const inTitle = terms.map((t) => `title : ${phrase(t.stem)}`).join(' AND ')
    const anywhere = terms.map((t) => phrase(t.stem)).join(' AND ')
    return sql<number>`case
      when e.id in (select rowid from search_fts where search_fts match ${inTitle}) then 0
      when e.id in (select rowid from search_fts where search_fts match ${anywhere}) then 1
      else 2 end`
  },
}

// PostgreSQL stems the words itself: the query passes the words, not the JavaScript stems.
const postgresIndex: SearchIndex = {
  async addWords() {},
  matches(term) {
    if (term.stem.length < shortestPart)
      return sql<SqlBool>`e.search_vector @@ to_tsquery('swedish', ${term.word})`
    const likes = [term.stem, ...(term.variants ?? [])].map(
      (spelling) => sql<SqlBool>`(e.title_words || ' ' || e.body_words) like ${`%${spelling}%`}`,
    )
    return sql<SqlBool>`(${sql.join(likes, sql` or `)})`
  },
  rank(terms) {
    const inTitle = terms.map((t) => `${t.word}:A`).join(' & ')
    const anywhere = terms.map((t) => t.word).join(' & ')
    return sql<number>`case
      when e.search_vector @@ to_tsquery('swedish', ${inTitle}) then 0
      when e.search_vector @@ to_tsquery('swedish', ${anywhere}) then 1
      else 2 end`
  },
}
