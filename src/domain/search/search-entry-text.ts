import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { sql } from 'kysely'
import type { Queryable, Trx } from '../../db/database.ts'
import { searchIndexOf } from './search-index.ts'

// The text of each entry, shown as the excerpt of a hit. On SQLite (0031) it is kept deflated in
// search_text, the entries of one meeting together, since an agenda item and its § mostly repeat
// the same summary: a protocol's 18.5 KB of entry text take 4 KB so, 8.7 KB deflated entry by
// entry. The FTS5 indexes are contentless, so this is the only copy of the text. PostgreSQL keeps
// the text in search_entry.body (TOAST compresses the long ones).
//
// The stored form, which migration 0031 writes too: deflate-raw of the JSON of an object from
// `${kind}:${objectId}` to the entry's text.

/** The most characters of text deflated together: past deflate's 32 KB window, a bigger part gains nothing and costs its readers. */
const partSize = 64_000

interface EntryText {
  kind: string
  objectId: number
  meetingId: number
  body: string
}

const keyOf = (kind: string, objectId: number) => `${kind}:${objectId}`

/**
 * Stores the texts of entries about to be inserted and says, for each entry (by kind and object),
 * the search_text row holding it. The entries of a meeting are deflated together, in parts of
 * about `partSize` characters, so a hit reads one part and never a whole meeting of attachments.
 */
export async function storeEntryTexts(db: Trx, entries: readonly EntryText[]): Promise<Map<string, number>> {
  const textIdOf = new Map<string, number>()
  if (entries.length === 0) return textIdOf
  const parts: EntryText[][] = []
  const open = new Map<number, { part: EntryText[]; size: number }>()
  for (const entry of entries) {
    let current = open.get(entry.meetingId)
    if (!current || (current.size > 0 && current.size + entry.body.length > partSize)) {
      current = { part: [], size: 0 }
      parts.push(current.part)
      open.set(entry.meetingId, current)
    }
    current.part.push(entry)
    current.size += entry.body.length
  }
  for (const part of parts) {
    const texts = Object.fromEntries(part.map((e) => [keyOf(e.kind, e.objectId), e.body]))
    const row = await db
      .insertInto('search_text')
      .values({ text: deflateRawSync(JSON.stringify(texts)) })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const entry of part) textIdOf.set(keyOf(entry.kind, entry.objectId), row.id)
  }
  return textIdOf
}

/**
 * Where an entry's (`e`) text is kept, selected beside `e.body`: null where the body is the text
 * (PostgreSQL), the search_text row where it is not (SQLite, whose body is empty).
 */
export const entryTextId = (db: Queryable) =>
  (searchIndexOf(db).keepsText ? sql<number | null>`null` : sql<number | null>`e.text_id`).as('text_id')

/**
 * The rows with their texts: each search_text part read and inflated once, however many of the
 * page's entries it holds (a page is at most 100 entries).
 */
export async function withEntryTexts<
  Row extends { kind: string; object_id: number; text_id: number | null; body: string },
>(db: Queryable, rows: readonly Row[]): Promise<Row[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.text_id === null ? [] : [r.text_id])))]
  if (ids.length === 0) return [...rows]
  const parts = await db.selectFrom('search_text').select(['id', 'text']).where('id', 'in', ids).execute()
  const texts = new Map(
    parts.map((p) => [p.id, JSON.parse(inflateRawSync(p.text).toString('utf8')) as Record<string, string>]),
  )
  return rows.map((row) =>
    row.text_id === null
      ? row
      : { ...row, body: texts.get(row.text_id)?.[keyOf(row.kind, row.object_id)] ?? '' },
  )
}
