import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time (see 0001). Disk per imported protocol on SQLite (issue 15, docs/decisions/0004):
//   - Each entry's text, shown as the excerpt of a hit, leaves search_entry.body (27 KB of a
//     protocol's 97 KB, with its overflow pages) for search_text: deflate-raw of the JSON of an
//     object from `${kind}:${objectId}` to the text, the entries of one meeting together in parts
//     of up to 64,000 characters (an agenda item and its § repeat the same summary). An entry
//     names its part in text_id; a trigger deletes the part with the entries.
//   - search_entry.created_at goes: nothing reads it.
//   - The word indexes keep no positions: search_fts (the stems, by column) detail=column,
//     search_entry_words (the words as written) detail=none. Every term is one token, so no query
//     read them. Both are contentless: they are filled again from their own tokens (fts5vocab).
// PostgreSQL keeps its texts (TOAST compresses the long ones) and is left as it is.

/** Characters of text deflated together, as the application writes them (search-entry-text.ts). */
const partSize = 64_000

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  // All or nothing, as 0030: Kysely runs SQLite's migrations outside a transaction.
  await db.transaction().execute(async (trx) => {
    await sql`create table search_text (id integer primary key, text blob not null)`.execute(trx)
    await sql`alter table search_entry add column text_id integer`.execute(trx)
    // Every entry of a part is deleted with its meeting's entries: the first one takes the part.
    await sql`create trigger search_entry_text_delete after delete on search_entry begin
        delete from search_text where id = old.text_id;
      end`.execute(trx)

    // The texts, a few meetings at a time, down the (meeting_id, kind, object_id) index.
    let after = 0
    for (;;) {
      const { rows: meetings } = await sql<{ meeting_id: number }>`
        select distinct meeting_id from search_entry where meeting_id > ${after}
        order by meeting_id limit 100`.execute(trx)
      if (meetings.length === 0) break
      const ids = meetings.map((m) => m.meeting_id)
      const { rows } = await sql<{
        id: number
        meeting_id: number
        kind: string
        object_id: number
        body: string
      }>`
        select id, meeting_id, kind, object_id, body from search_entry
        where meeting_id in (${sql.join(ids)}) order by meeting_id, id`.execute(trx)
      let part: typeof rows = []
      let size = 0
      const store = async () => {
        if (part.length === 0) return
        const texts = Object.fromEntries(part.map((e) => [`${e.kind}:${e.object_id}`, e.body]))
        const { rows: stored } = await sql<{ id: number }>`insert into search_text (text)
          values (${deflateRawSync(JSON.stringify(texts))}) returning id`.execute(trx)
        await sql`update search_entry set body = '', text_id = ${stored[0]?.id}
          where id in (${sql.join(part.map((e) => e.id))})`.execute(trx)
        part = []
        size = 0
      }
      for (const row of rows) {
        if (part.length > 0 && (part[0]?.meeting_id !== row.meeting_id || size + row.body.length > partSize))
          await store()
        part.push(row)
        size += row.body.length
      }
      await store()
      after = ids.at(-1) ?? after
    }

    await refill(trx, 'search_fts', 'detail=column')
    await refill(trx, 'search_entry_words', 'detail=none')
    // Read by nothing (0.5 KB a protocol); dropped last, when the rows are small (a rewrite of the table).
    await sql`alter table search_entry drop column created_at`.execute(trx)
  })
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  await db.transaction().execute(async (trx) => {
    let after = 0
    for (;;) {
      const { rows } = await sql<{ id: number; text: Uint8Array }>`
        select id, text from search_text where id > ${after} order by id limit 200`.execute(trx)
      if (rows.length === 0) break
      for (const row of rows) {
        const texts = JSON.parse(inflateRawSync(row.text).toString('utf8')) as Record<string, string>
        const { rows: entries } = await sql<{ id: number; kind: string; object_id: number }>`
          select id, kind, object_id from search_entry where text_id = ${row.id}`.execute(trx)
        for (const e of entries)
          await sql`update search_entry set body = ${texts[`${e.kind}:${e.object_id}`] ?? ''}
            where id = ${e.id}`.execute(trx)
      }
      after = rows.at(-1)?.id ?? after
    }
    // The time each entry was indexed is lost: the time of this rollback stands in for it.
    await sql`alter table search_entry add column created_at text not null default ''`.execute(trx)
    await sql`update search_entry set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`.execute(trx)
    await sql`drop trigger if exists search_entry_text_delete`.execute(trx)
    await sql`alter table search_entry drop column text_id`.execute(trx)
    await sql`drop table search_text`.execute(trx)
    // Positions cannot come back (fts5vocab of detail=column has none): the tokens in any order,
    // which the single-token queries never told apart.
    await refill(trx, 'search_fts', 'detail=full')
    await refill(trx, 'search_entry_words', 'detail=full')
  })
}

/**
 * Builds a contentless FTS5 table again with another `detail`, from the tokens its index holds
 * (fts5vocab 'instance': a row per token of each entry), so that no text or stemmer is needed. Only
 * entries that still exist: deleted rows of a contentless_delete table may linger in its index.
 * The delete trigger on search_entry goes first and comes back after: a rename refuses a schema
 * whose trigger names a table that is not there.
 */
async function refill(trx: Kysely<unknown>, table: 'search_fts' | 'search_entry_words', detail: string) {
  const columns = table === 'search_fts' ? ['title', 'body'] : ['words']
  const trigger = table === 'search_fts' ? 'search_entry_fts_delete' : 'search_entry_words_delete'
  const next = `${table}_0031`
  await sql`drop trigger if exists ${sql.id(trigger)}`.execute(trx)
  await sql`create virtual table ${sql.id(next)} using fts5(${sql.raw(columns.join(', '))}, content='', contentless_delete=1, ${sql.raw(detail)}, tokenize='unicode61 remove_diacritics 0')`.execute(
    trx,
  )
  await sql`create virtual table temp.vocab_0031 using fts5vocab(main, ${sql.id(table)}, 'instance')`.execute(
    trx,
  )
  // offset is null under detail=column, and col too under detail=none (one column: its tokens).
  const perColumn = columns.map((c) =>
    columns.length === 1
      ? sql`group_concat(term, ' ') as ${sql.id(c)}`
      : sql`group_concat(case when col = ${c} then term end, ' ') as ${sql.id(c)}`,
  )
  await sql`insert into ${sql.id(next)} (rowid, ${sql.raw(columns.join(', '))})
    select doc, ${sql.join(columns.map((c) => sql`coalesce(${sql.id(c)}, '')`))} from (
      select doc, ${sql.join(perColumn)} from (select doc, col, term from temp.vocab_0031 order by doc, col, offset)
      group by doc
    ) where doc in (select id from search_entry)`.execute(trx)
  await sql`drop table temp.vocab_0031`.execute(trx)
  await sql`drop table ${sql.id(table)}`.execute(trx)
  await sql`alter table ${sql.id(next)} rename to ${sql.id(table)}`.execute(trx)
  await sql`create trigger ${sql.id(trigger)} after delete on search_entry begin
      delete from ${sql.id(table)} where rowid = old.id;
    end`.execute(trx)
}
