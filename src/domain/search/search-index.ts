import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Queryable } from '../../db/database.ts'
import { dialectOf } from '../../db/dialect.ts'
import type { IndexQuery } from './search-date-walk.ts'
import { foundBy } from './search-date-walk.ts'
import { allHits, entriesHolding, splitByUse } from './search-rare-words.ts'
import { type QueryTerm, shortestPart, stem } from './search-text.ts'

// Where SQLite and PostgreSQL search differently, behind one interface. Both get the same words
// (search-text.ts) and answer the same two questions the same way, so results are identical:
// does a term match an entry as a word with its stem (the word index), or as part of a word.
// The queries name the entry `e`.

export interface SearchIndex {
  /** Whether search_entry keeps each entry's words (PostgreSQL derives its indexes from them). */
  readonly keepsWords: boolean
  /** Whether search_entry keeps each entry's text in `body` (SQLite: deflated in search_text, 0031). */
  readonly keepsText: boolean
  /** Indexes what the database does not derive from the rows itself (SQLite: stems, words, vocabulary). */
  addWords(
    db: Queryable,
    rows: ReadonlyArray<{ id: number; titleWords: string[]; bodyWords: string[] }>,
  ): Promise<void>
  /**
   * The term matches a word of the entry by stem or, for terms of three letters or more, is part of
   * one, as typed or in one of its spellings with å, ä and ö (which `matchesWords` never counts as a word).
   */
  matches(term: QueryTerm): RawBuilder<SqlBool>
  /**
   * Every term matches a word of the entry's title (`title`) or of the entry (`anywhere`) by stem:
   * the word index alone, without the parts of words, so a common word is cheap to find.
   */
  matchesWords(terms: readonly QueryTerm[], where: 'title' | 'anywhere'): RawBuilder<SqlBool>
  /**
   * The entries (`e`) whose words hold every term: `title`, each a word of the title; `text`, each a
   * word of the entry but not each one of the title; `any`, either. On SQLite each found by its id
   * among the word index's hits (cheap when they are few); with many, search.repository.ts walks
   * down the dates with `indexQuery` instead. PostgreSQL's planner chooses between the two itself.
   */
  wordHits(db: Queryable, terms: readonly QueryTerm[], part: WordPart): EntryQuery
  /** The entries `wordHits` finds, without filters, counted up to `most`: the word index alone where it can. */
  countWordHits(db: Queryable, terms: readonly QueryTerm[], part: WordPart, most: number): Promise<number>
  /**
   * SQLite: the one FTS5 query whose hits are a part's entries (`wordHits`) or the parts tier's
   * (`matches` of every term, not `matchesWords` of all), for counting them without reading an
   * entry and for walking down the dates (search-date-walk.ts); `none` when a term is no word or
   * part of one. Undefined where the database plans the walk itself (PostgreSQL), and for a part
   * held by more words than one query should name ("ing"): then `matches`.
   */
  indexQuery(
    db: Queryable,
    terms: readonly QueryTerm[],
    of: WordPart | 'parts',
  ): Promise<IndexQuery | 'none' | undefined>
}

export type WordPart = 'title' | 'text' | 'any'
/**
 * How SQLite is to find an index query's entries (search-plan.ts chooses): `hits`, from the index's
 * hits, each entry looked up by its id (cheap when hits are few); `listed`, down the entries' date
 * index, each looked up in the list of the hits; `dates`, down the date index, asking the index
 * about a day's entries at a time (cheap when hits are many: a page of the newest is found after a
 * few days). `listed` and `dates` also read a year's filter as a stretch of the date index.
 */
export type WordPlan = 'hits' | 'listed' | 'dates'
/** A query over the search entries, named `e`, that filters and a select can be added to. */
export type EntryQuery = ReturnType<typeof entries>

const entries = (db: Queryable) => db.selectFrom('search_entry as e')

export function searchIndexOf(db: Queryable): SearchIndex {
  return dialectOf(db) === 'postgres' ? postgresIndex : sqliteIndex
}

// Terms hold letters and digits only (search-text.ts), so quoting them is all FTS5 needs.
const phrase = (term: string) => `"${term}"`

// SQLite (0030): the stems in search_fts; each entry's words as written in search_entry_words; each
// distinct word once in search_word, with a trigram index. Since 0031 the two entry indexes keep no
// positions (search_fts detail=column, search_entry_words detail=none): every term is one token,
// matched in a column or anywhere, never as a phrase of several, so positions were never read.
// A part of a word is looked up in the vocabulary (thousands of words, not millions of entries),
// then each word holding it in the entries (`w.search_entry_words match`: under detail=none a
// match on the column `w.words` is refused).
const sqliteIndex: SearchIndex = {
  keepsWords: false,
  keepsText: false,
  async addWords(db, rows) {
    // A statement per hundred entries, not two per entry (an import indexes ~40 at once).
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100)
      const stems = chunk.map(
        (row) =>
          sql`(${row.id}, ${row.titleWords.map(stem).join(' ')}, ${row.bodyWords.map(stem).join(' ')})`,
      )
      await sql`insert into search_fts (rowid, title, body) values ${sql.join(stems)}`.execute(db)
      const words = chunk.map((row) => sql`(${row.id}, ${[...row.titleWords, ...row.bodyWords].join(' ')})`)
      await sql`insert into search_entry_words (rowid, words) values ${sql.join(words)}`.execute(db)
    }
    const vocabulary = [...new Set(rows.flatMap((r) => [...r.titleWords, ...r.bodyWords]))]
    for (let i = 0; i < vocabulary.length; i += 400) {
      const words = vocabulary.slice(i, i + 400).map((word) => sql`(${word})`)
      await sql`insert or ignore into search_word (word) values ${sql.join(words)}`.execute(db)
    }
  },
  matches(term) {
    const spellings = [term.stem, ...(term.variants ?? [])].map(phrase).join(' OR ')
    if (term.stem.length < shortestPart)
      return sql<SqlBool>`e.id in (select rowid from search_fts where search_fts match ${phrase(term.stem)})`
    // CROSS JOIN keeps the order: the few words holding the part first, then their entries by word.
    return sql<SqlBool>`e.id in (select w.rowid from search_word v
      cross join search_entry_words w on w.search_entry_words match ('"' || v.word || '"')
      where v.id in (select rowid from search_word_trigram where search_word_trigram match ${spellings}))`
  },
  matchesWords(terms, where) {
    const column = where === 'title' ? 'title : ' : ''
    const all = terms.map((t) => `${column}${phrase(t.stem)}`).join(' AND ')
    // `+e.id`: not a lookup of every hit by its id (random reads of the entries, then a sort of all
    // of them: 0.8 s for "budget" at 80,000 items), but a walk of the date index (0022) that stops
    // at the end of the page.
    return sql<SqlBool>`+e.id in (select rowid from search_fts where search_fts match ${all})`
  },
  // The walk down the dates is search-date-walk.ts's, given `indexQuery`: here the hits by id.
  wordHits(db, terms, part) {
    return entries(db).where(
      foundBy({ table: 'search_fts', match: ftsMatch(terms, part), words: terms.length }),
    )
  },
  async countWordHits(db, terms, part, most) {
    // The word index streams its hits and stops at `most`: no entry is read.
    const { rows } = await sql<{ n: number }>`select count(*) as n from
      (select rowid from search_fts where search_fts match ${ftsMatch(terms, part)} limit ${most})`.execute(
      db,
    )
    return Number(rows[0]?.n ?? 0)
  },
  async indexQuery(db, terms, of) {
    if (of !== 'parts') return { table: 'search_fts', match: ftsMatch(terms, of), words: terms.length }
    const found = await Promise.all(terms.map((term) => wordsOf(db, term)))
    if (found.some((w) => w === undefined)) return undefined
    const parts = found as Array<{ parts: string[]; asWord: string[] }>
    if (parts.some((w) => w.parts.length === 0)) return 'none'
    const any = (list: string[]) => `(${list.map(phrase).join(' OR ')})`
    // Not the words tier's: every term a word with its stem, which are words of the vocabulary too.
    const asWords = parts.some((w) => w.asWord.length === 0) ? [] : parts.map((w) => w.asWord)
    const notAllAsWords = asWords.length ? ` NOT (${asWords.map(any).join(' AND ')})` : ''
    const named = asWords.reduce((sum, list) => sum + list.length, 0)
    const table = 'search_entry_words' as const
    const every = parts.map((w) => any(w.parts)).join(' AND ')
    const allParts = parts.reduce((sum, w) => sum + w.parts.length, 0)
    if (parts.length > 1) return { table, match: `(${every})${notAllAsWords}`, words: named + allParts }
    // One term: the entries holding its rare words found once (search-rare-words.ts), and the query
    // names the common ones. With more, an entry holding a rare word of one term must be asked about
    // every word of the others, which costs more than it saves: 25 ms at 100,000 items for the rare
    // words of "budget uppfölj", whose page was read in 8.
    const { common, rare } = splitByUse(parts[0]!.parts, await entriesHolding(db, parts[0]!.parts))
    const query = { table, match: `${any(common)}${notAllAsWords}`, words: named + common.length }
    if (rare.length === 0) return query
    return { ...query, found: await allHits(db, table, `${any(rare)}${notAllAsWords}`) }
  },
}

/**
 * The most words of the vocabulary one term of an FTS5 query may stand for. Each is a phrase FTS5
 * seeks in every segment for every question, so a part held by thousands of words ("ing") is read
 * word by word through the vocabulary instead (`matches`).
 */
const mostWordsOfPart = 400

/**
 * The words of the vocabulary a term matches: as a part (as typed or a spelling with å, ä, ö; the
 * trigram index), and as a word (those with the term's stem, each of which begins with it: a stem
 * is a prefix of its word). A short term matches as a word only, found by its first letters.
 * Undefined past `mostWordsOfPart`.
 */
async function wordsOf(
  db: Queryable,
  term: QueryTerm,
): Promise<{ parts: string[]; asWord: string[] } | undefined> {
  const { rows } =
    term.stem.length < shortestPart
      ? await sql<{ word: string }>`select word from search_word
          where word >= ${term.stem} and word < ${`${term.stem}\u{10FFFF}`} limit ${mostPrefixed}`.execute(db)
      : await sql<{
          word: string
        }>`select word from search_word where id in (select rowid from search_word_trigram
          where search_word_trigram match ${[term.stem, ...(term.variants ?? [])].map(phrase).join(' OR ')})
          limit ${mostWordsOfPart + 1}`.execute(db)
  const asWord = rows.flatMap(({ word }) => (stem(word) === term.stem ? [word] : []))
  if (term.stem.length < shortestPart)
    return rows.length >= mostPrefixed ? undefined : { parts: asWord, asWord }
  return rows.length > mostWordsOfPart ? undefined : { parts: rows.map((r) => r.word), asWord }
}
/** The most words beginning with a short term read to find those with its stem. */
const mostPrefixed = 5000

/** The FTS5 query of a part: every term's stem, in the title or in the text but not all in the title. */
function ftsMatch(terms: readonly QueryTerm[], part: WordPart): string {
  const every = (column: string) => terms.map((t) => `${column}${phrase(t.stem)}`).join(' AND ')
  if (part === 'title') return every('title : ')
  if (part === 'text') return `(${every('')}) NOT (${every('title : ')})`
  return every('')
}

// PostgreSQL stems the words itself: the query passes the words, not the JavaScript stems.
const postgresIndex: SearchIndex = {
  keepsWords: true,
  keepsText: true,
  async addWords() {},
  matches(term) {
    if (term.stem.length < shortestPart)
      return sql<SqlBool>`e.search_vector @@ to_tsquery('swedish', ${term.word})`
    const likes = [term.stem, ...(term.variants ?? [])].map(
      (spelling) => sql<SqlBool>`(e.title_words || ' ' || e.body_words) like ${`%${spelling}%`}`,
    )
    return sql<SqlBool>`(${sql.join(likes, sql` or `)})`
  },
  matchesWords(terms, where) {
    const all = terms.map((t) => t.word).join(' & ')
    // The title's own vector (0036), the A-weighted lexemes of search_vector: its GIN index answers
    // what `search_vector @@ 'budget:A'` made the planner read entry by entry (that index has no weights).
    if (where === 'title')
      return sql<SqlBool>`to_tsvector('swedish'::regconfig, e.title_words) @@ to_tsquery('swedish', ${all})`
    return sql<SqlBool>`e.search_vector @@ to_tsquery('swedish', ${all})`
  },
  // PostgreSQL's planner weighs the GIN index against the date index itself: the plan is not told.
  wordHits(db, terms, part) {
    const title = this.matchesWords(terms, 'title')
    const anywhere = this.matchesWords(terms, 'anywhere')
    if (part === 'title') return entries(db).where(title)
    if (part === 'text') return entries(db).where(anywhere).where(sql<SqlBool>`not ${title}`)
    return entries(db).where(anywhere)
  },
  async countWordHits(db, terms, part, most) {
    const row = await db
      .selectFrom(this.wordHits(db, terms, part).select('e.id').limit(most).as('hit'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    return Number(row?.n ?? 0)
  },
  async indexQuery() {
    return undefined
  },
}
