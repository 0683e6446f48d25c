import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time (see 0001). Parts of words ("plan" in "översiktsplan") found through the
// vocabulary instead of through every entry's text (issue 15: the trigram index over each entry's
// words was 54 of 205 KB per imported protocol, the largest thing on disk).
//   SQLite: search_word holds each distinct word once, with an FTS5 trigram index over it (small,
//   growing more slowly than the archive); search_entry_words is an FTS5 index of each entry's
//   words as written (contentless), so the words holding a part lead to the entries. The words
//   are no longer kept in search_entry's title_words and body_words (written empty from now on).
//   PostgreSQL keeps its words, its tsvector and its pg_trgm index (0002).
// Also an index on record_seal.sign_off_id: an import reads the seals of its sign-offs, which
// scanned every seal of the archive.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('record_seal_sign_off')
    .ifNotExists()
    .on('record_seal')
    .column('sign_off_id')
    .execute()
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  // All or nothing: Kysely runs SQLite's migrations outside a transaction, and moving a large
  // archive's words takes minutes (8 at a million items); a stop half-way would leave tables
  // that every later start fails to create again.
  await db.transaction().execute(async (trx) => {
    await sql`drop trigger if exists search_entry_trigram_insert`.execute(trx)
    await sql`drop trigger if exists search_entry_trigram_delete`.execute(trx)
    await sql`drop trigger if exists search_entry_trigram_update`.execute(trx)
    await sql`drop table if exists search_trigram`.execute(trx)

    await sql`create table search_word (id integer primary key, word text not null unique)`.execute(trx)
    await sql`create virtual table search_word_trigram using fts5(word, content='search_word', content_rowid='id', tokenize='trigram')`.execute(
      trx,
    )
    await sql`create trigger search_word_trigram_insert after insert on search_word begin
        insert into search_word_trigram(rowid, word) values (new.id, new.word);
      end`.execute(trx)
    await sql`create virtual table search_entry_words using fts5(words, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
      trx,
    )
    await sql`create trigger search_entry_words_delete after delete on search_entry begin
        delete from search_entry_words where rowid = old.id;
      end`.execute(trx)

    // The entries indexed until now: their words into both indexes, then out of search_entry.
    let after = 0
    for (;;) {
      const { rows } = await sql<{ id: number; words: string }>`
        select id, title_words || ' ' || body_words as words from search_entry
        where id > ${after} order by id limit 500`.execute(trx)
      if (rows.length === 0) break
      for (const row of rows) {
        await sql`insert into search_entry_words (rowid, words) values (${row.id}, ${row.words})`.execute(trx)
      }
      const vocabulary = [...new Set(rows.flatMap((r) => r.words.split(' ').filter(Boolean)))]
      for (let i = 0; i < vocabulary.length; i += 400) {
        const words = vocabulary.slice(i, i + 400).map((w) => sql`(${w})`)
        await sql`insert or ignore into search_word (word) values ${sql.join(words)}`.execute(trx)
      }
      after = rows.at(-1)?.id ?? after
    }
    await sql`update search_entry set title_words = '', body_words = ''`.execute(trx)
  })
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('record_seal_sign_off').ifExists().execute()
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  // The words left search_entry: the trigram index of 0002 comes back empty, to be filled by a
  // reindex (`paragraf reindex`), as the application writes the words again.
  await sql`drop trigger if exists search_entry_words_delete`.execute(db)
  await sql`drop table if exists search_entry_words`.execute(db)
  await sql`drop trigger if exists search_word_trigram_insert`.execute(db)
  await sql`drop table if exists search_word_trigram`.execute(db)
  await sql`drop table if exists search_word`.execute(db)
  await sql`create virtual table search_trigram using fts5(title_words, body_words, content='search_entry', content_rowid='id', tokenize='trigram')`.execute(
    db,
  )
  await sql`create trigger search_entry_trigram_insert after insert on search_entry begin
      insert into search_trigram(rowid, title_words, body_words) values (new.id, new.title_words, new.body_words);
    end`.execute(db)
  await sql`create trigger search_entry_trigram_delete after delete on search_entry begin
      insert into search_trigram(search_trigram, rowid, title_words, body_words)
        values ('delete', old.id, old.title_words, old.body_words);
    end`.execute(db)
  await sql`create trigger search_entry_trigram_update after update of title_words, body_words on search_entry begin
      insert into search_trigram(search_trigram, rowid, title_words, body_words)
        values ('delete', old.id, old.title_words, old.body_words);
      insert into search_trigram(rowid, title_words, body_words) values (new.id, new.title_words, new.body_words);
    end`.execute(db)
}
