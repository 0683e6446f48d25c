import { sql } from 'kysely'
import type { Db, Trx } from '../db/database.ts'
import { dialectOf } from '../db/dialect.ts'
import type { Database } from '../db/schema.ts'

// Bulk inserts for `paragraf generate`: rows are collected per table with ids assigned here (the
// database is empty when generation starts), then written in multi-row inserts in the order of
// the foreign keys. Much faster than one use case per row, and the same on both databases.

/** Tables in the order their rows can be inserted (every reference points to an earlier table). */
const tableOrder = [
  'organisation',
  'party',
  'term',
  'person',
  'committee',
  'membership',
  'matter',
  'meeting',
  'document',
  'agenda_item',
  'attachment',
  'minutes',
  'signatory',
  'attendance',
  'section',
  'section_service',
  'recusal',
  'motion',
  'motion_author',
  'vote',
  'ballot',
  'dissent',
  'dissent_author',
  'statement',
  'statement_author',
  'sign_off',
  'sign_off_section',
  'signature',
  'notice',
] as const satisfies ReadonlyArray<keyof Database>

export type GeneratedTable = (typeof tableOrder)[number]
type Row = Record<string, unknown>

/** The most bound values in one statement: under SQLite's limit of 32,766 (PostgreSQL allows 65,535). */
const mostValues = 30_000

export class RowWriter {
  private readonly lastId = new Map<GeneratedTable, number>()
  private readonly pending = new Map<GeneratedTable, Row[]>()
  readonly counts = new Map<GeneratedTable, number>()

  /** Adds a row and returns its id (tables with an id column). */
  add(table: GeneratedTable, row: Row): number {
    const id = (this.lastId.get(table) ?? 0) + 1
    this.lastId.set(table, id)
    this.push(table, { id, ...row })
    return id
  }

  /** Adds a row without an id of its own (link tables). */
  link(table: GeneratedTable, row: Row): void {
    this.push(table, row)
  }

  private push(table: GeneratedTable, row: Row) {
    let rows = this.pending.get(table)
    if (!rows) {
      rows = []
      this.pending.set(table, rows)
    }
    rows.push(row)
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1)
  }

  /** Writes every pending row. */
  async flush(trx: Trx): Promise<void> {
    for (const table of tableOrder) {
      const rows = this.pending.get(table)
      if (!rows || rows.length === 0) continue
      const columns = Object.keys(rows[0] as Row).length
      const size = Math.max(1, Math.floor(mostValues / columns))
      for (let i = 0; i < rows.length; i += size) {
        await trx
          .insertInto(table)
          // biome-ignore lint/suspicious/noExplicitAny: rows are built per table by the generator
          .values(rows.slice(i, i + size) as any)
          .execute()
      }
      this.pending.set(table, [])
    }
  }

  /**
   * PostgreSQL's identity sequences did not move for ids given explicitly: set each to the largest
   * id, so the next row inserted by the application gets a free one.
   */
  async advanceSequences(db: Db): Promise<void> {
    if (dialectOf(db) !== 'postgres') return
    for (const table of this.lastId.keys()) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
        db,
      )
    }
  }
}
