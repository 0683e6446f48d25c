import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time (see 0001). PostgreSQL: search ranks the entries with every term in the title
// first, asked until now as `search_vector @@ 'budget:A'`. The GIN index of 0002 keeps no weights,
// so it cannot answer that: the planner read the entries and their vectors to find the title hits
// (~60,000 vectors for 5,000 title hits of "budget" at 100,000 agenda items, 0.5–0.7 s). The title's
// own vector, indexed, answers it: the A-weighted lexemes of search_vector are exactly
// to_tsvector('swedish', title_words). SQLite's FTS5 index has the title as a column already.

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`create index if not exists search_entry_title_vector on search_entry
    using gin (to_tsvector('swedish'::regconfig, title_words))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`drop index if exists search_entry_title_vector`.execute(db)
}
