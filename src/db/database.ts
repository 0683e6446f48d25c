import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely'
import pg from 'pg'
import { SqliteBooleanPlugin } from './dialect.ts'
import type { Database } from './schema.ts'

export type Db = Kysely<Database>
export type Trx = Transaction<Database>
/** Either a whole database handle or an open transaction: what repositories accept. */
export type Queryable = Kysely<Database>

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string } // ':memory:' for tests
  | { dialect: 'postgres'; url: string; schema?: string; maxConnections?: number }

/** Opens the database; the caller owns it and must call destroy(). */
export function openDatabase(target: DatabaseTarget): Db {
  return target.dialect === 'sqlite' ? openSqlite(target.file) : openPostgres(target)
}

function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SqliteDatabase(file)
  // WAL lets readers go on while one writer writes; the busy timeout covers a second process
  // (the `paragraf import` command beside a running server).
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new SqliteBooleanPlugin()],
  })
}

const DATE_OID = 1082
const TIMESTAMPTZ_OID = 1184
const INT8_OID = 20

// Dates stay 'YYYY-MM-DD' strings and timestamps become ISO strings, as on SQLite; counts
// (bigint) become numbers. Set per pool, so no global state is changed.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value
    if (oid === TIMESTAMPTZ_OID) return (value: string) => new Date(value).toISOString()
    if (oid === INT8_OID) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format ?? 'text')
  },
}

function openPostgres(target: { url: string; schema?: string; maxConnections?: number }): Db {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.maxConnections ?? 10,
    types,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  })
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

/**
 * Runs `work` in a transaction: the caller's when `db` already is one (an import that writes a whole
 * document at once), otherwise a new one. Use cases that must be atomic use it either way.
 */
export function inTransaction<T>(db: Queryable, work: (trx: Queryable) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}
