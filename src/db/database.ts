import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type Transaction,
} from 'kysely'
import pg from 'pg'
import { OwnSchemaPostgresDialect } from './postgres-introspection.ts'
import { preparingPool } from './postgres-prepared.ts'
import { postgresTypes } from './postgres-types.ts'
import type { Database } from './schema.ts'

export type Db = Kysely<Database>
export type Trx = Transaction<Database>
/**
 * Either a whole database handle or an open transaction: what reads accept. A write takes `Trx`
 * instead, so that calling it with a plain connection (each statement committed on its own, its
 * audit row apart from its change) does not compile.
 */
export type Queryable = Kysely<Database>

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string } // ':memory:' for tests
  | { dialect: 'postgres'; url: string; schema?: string; maxConnections?: number }

/** How long the server waits on PostgreSQL before it answers a request that the database is away. */
export interface WaitLimits {
  /** For a connection, or for a free one in a busy pool. */
  connectMs: number
  /** For one statement (PostgreSQL cancels it: statement_timeout). */
  statementMs: number
  /** For a transaction left idle by a stuck request, so its locks are released. */
  idleInTransactionMs: number
}

/** Suited to a web request: a reader waits seconds at most, then gets the page that says to retry. */
export const webRequestLimits: WaitLimits = {
  connectMs: 5_000,
  statementMs: 15_000,
  idleInTransactionMs: 30_000,
}

export interface OpenOptions {
  /** Without them a command (migrate, import, export) or a test waits as long as its work takes. */
  limits?: WaitLimits
  /**
   * Told when PostgreSQL closes a connection (a restart, an administrator's pg_terminate_backend):
   * the pool drops it and opens a new one for the next query, so this is for the log only.
   */
  onConnectionLost?: (error: Error) => void
}

/** Opens the database; the caller owns it and must call destroy(). */
export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Db {
  return target.dialect === 'sqlite' ? openSqlite(target.file) : openPostgres(target, options)
}

function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SqliteDatabase(file)
  // Pages of 8 KB for a new database (before its first table; no effect on an existing one): rows
  // of a few KB (a §, an agenda item) left a third of each 4 KB page empty. 95.6 → 88.2 KB per
  // imported protocol; docs/decisions/0004-disk-per-protocol.md.
  sqlite.pragma('page_size = 8192')
  // WAL lets readers go on while one writer writes; the busy timeout covers a second process
  // (the `paragraf import` command beside a running server).
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  return new Kysely<Database>({
    dialect: new SqliteDialectKeepingErrors(sqlite),
  })
}

/**
 * SQLite ends a transaction itself when a statement in it fails with SQLITE_FULL, SQLITE_IOERR,
 * SQLITE_BUSY or SQLITE_NOMEM (https://www.sqlite.org/lang_transaction.html, "Response To Errors
 * Within A Transaction"). Kysely then sends its own ROLLBACK, which fails with "cannot rollback - no
 * transaction is active" and is thrown instead of the error that matters ("database or disk is
 * full"). Roll back only what is still open, so the first error reaches the caller.
 */
class SqliteDialectKeepingErrors extends SqliteDialect {
  readonly #sqlite: SqliteDatabase.Database
  constructor(sqlite: SqliteDatabase.Database) {
    super({ database: sqlite })
    this.#sqlite = sqlite
  }
  override createDriver(): Driver {
    const sqlite = this.#sqlite
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection)
      }
    })({ database: preparingOnce(sqlite) })
  }
}

/** How many statements a SQLite connection keeps prepared: more than the application's distinct queries. */
const preparedStatementsKept = 2000

/**
 * Kysely prepares every query it runs; preparing costs as much as running a small indexed read
 * (a tenth of a page's time in a profile). Statements are kept by their SQL and used again, the
 * least recently used dropped past the limit. Reuse is safe: Kysely runs one query at a time on
 * the one SQLite connection (its mutex holds even through a streamed read), and SQLite prepares a
 * kept statement again by itself after a migration changes the schema.
 */
function preparingOnce(sqlite: SqliteDatabase.Database) {
  const kept = new Map<string, BindingBooleans>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = kept.get(sql)
      if (statement) kept.delete(sql)
      else statement = bindingBooleans(sqlite.prepare(sql))
      kept.set(sql, statement)
      if (kept.size > preparedStatementsKept) kept.delete(kept.keys().next().value as string)
      return statement
    },
  }
}

type BindingBooleans = Pick<SqliteDatabase.Statement, 'reader' | 'all' | 'run' | 'iterate'>

/**
 * better-sqlite3 cannot bind booleans: they are bound as 1 and 0, as SQLite itself stores them.
 * Done here, on the parameters, rather than by a Kysely plugin rebuilding every query's tree
 * (7% of an import's CPU).
 */
function bindingBooleans(statement: SqliteDatabase.Statement): BindingBooleans {
  const bound = (parameters: unknown[]) =>
    parameters.some((p) => typeof p === 'boolean')
      ? parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p))
      : parameters
  return {
    reader: statement.reader,
    all: (parameters: unknown[]) => statement.all(bound(parameters)),
    run: (parameters: unknown[]) => statement.run(bound(parameters)),
    iterate: (parameters: unknown[]) => statement.iterate(bound(parameters)),
  } as BindingBooleans
}

function openPostgres(
  target: { url: string; schema?: string; maxConnections?: number },
  { limits, onConnectionLost = () => undefined }: OpenOptions,
): Db {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.maxConnections ?? 10,
    types: postgresTypes,
    // A peer that vanished without closing (a crashed host) is noticed by TCP keepalive.
    keepAlive: true,
    ...(limits
      ? {
          connectionTimeoutMillis: limits.connectMs,
          statement_timeout: limits.statementMs,
          idle_in_transaction_session_timeout: limits.idleInTransactionMs,
        }
      : {}),
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  })
  // When PostgreSQL ends a connection (57P01 on a restart), the client emits 'error'; with no
  // listener Node ends the whole process. The pool listens on idle clients, drops them and emits
  // the error again on itself, where it must be heard too; a client lent to a request between two
  // queries has no pool listener, so each client gets its own, which also does the logging. The
  // request that was using it gets the error from its query.
  pool.on('error', () => undefined)
  pool.on('connect', (client) => {
    client.on('error', (error) => onConnectionLost(error))
  })
  return new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool: preparingPool(pool) }) })
}

/** Work a use case leaves for the end of its transaction, e.g. deciding what became public. */
export type EdgeReaction = (trx: Trx) => Promise<void>

// The reactions waiting for the end of each transaction that inTransaction began, by name.
const edges = new WeakMap<Trx, Map<string, EdgeReaction>>()

/**
 * Runs `work` in a transaction: the caller's when `db` already is one (an import that writes a whole
 * document at once), otherwise a new one. Use cases that must be atomic use it either way. The
 * transaction it begins ends with the reactions registered by atTransactionEdge, before it commits:
 * however deep the use case that registered them, they run once, at the outermost edge.
 */
export function inTransaction<T>(db: Queryable, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (isTransaction(db)) return work(db)
  return db.transaction().execute(async (trx) => {
    const pending = new Map<string, EdgeReaction>()
    edges.set(trx, pending)
    try {
      const result = await work(trx)
      readsAtEdge.set(trx, new Map())
      // The edge decides from the rows as they are now, not as the work first read them: on
      // PostgreSQL another transaction may have changed a meeting this one only read.
      readInTransaction.delete(trx)
      // A reaction may register another (or itself again, for what it changed in turn).
      while (pending.size > 0) {
        const [name, reaction] = pending.entries().next().value as [string, EdgeReaction]
        pending.delete(name)
        await reaction(trx)
      }
      return result
    } finally {
      edges.delete(trx)
      readsAtEdge.delete(trx)
    }
  })
}

/**
 * Registers `reaction` to run at the end of the transaction `trx`, once per name. In a transaction
 * begun elsewhere than by inTransaction, it runs at once, in that transaction.
 */
export async function atTransactionEdge(trx: Trx, name: string, reaction: EdgeReaction): Promise<void> {
  const pending = edges.get(trx)
  if (pending) {
    if (!pending.has(name)) pending.set(name, reaction)
    return
  }
  await inTransaction(trx, reaction)
}

// What the reactions at a transaction's edge have read, by what and key. They derive public forms,
// search entries and the change log from the record and never change the record itself, so what
// one read is what the next would read: the search index and the kept public forms of a meeting
// read its minutes once between them, not once each.
const readsAtEdge = new WeakMap<Queryable, Map<string, Map<unknown, unknown>>>()
const absent = Symbol('absent')

/**
 * `read(keys)` for the keys not read yet at this transaction's edge; outside the edge's reactions
 * (and outside a transaction begun by inTransaction) simply `read(keys)`. What `read` did not find
 * is remembered as not found. The values are shared between readers: they must not change them.
 */
export async function readOnceAtEdge<K, V>(
  db: Queryable,
  what: string,
  keys: readonly K[],
  read: (keys: readonly K[]) => Promise<Map<K, V>>,
): Promise<Map<K, V>> {
  const reads = readsAtEdge.get(db)
  if (!reads) return read(keys)
  let kept = reads.get(what)
  if (!kept) {
    kept = new Map()
    reads.set(what, kept)
  }
  const missing = keys.filter((key) => !kept.has(key))
  if (missing.length > 0) {
    const found = await read(missing)
    for (const key of missing) kept.set(key, found.has(key) ? found.get(key) : absent)
  }
  const result = new Map<K, V>()
  for (const key of keys) {
    const value = kept.get(key)
    if (value !== absent) result.set(key, value as V)
  }
  return result
}

// Rows a transaction has read by key (a meeting, a committee), for the use cases an import or a
// form runs one after another, each reading the same meeting and committee again (about thirty
// statements of an imported protocol). A repository that writes such a row keeps what it wrote.
const readInTransaction = new WeakMap<Queryable, Map<string, unknown>>()

/**
 * `read()` once per transaction and key: in a transaction the row read first (or last written
 * through keptInTransaction) is given again; outside one, `read()` every time. What is kept is
 * frozen: readers share it.
 */
export async function readOncePerTransaction<T>(
  db: Queryable,
  key: string,
  read: () => Promise<T>,
): Promise<T> {
  if (!isTransaction(db)) return read()
  let kept = readInTransaction.get(db)
  if (!kept) {
    kept = new Map()
    readInTransaction.set(db, kept)
  }
  if (kept.has(key)) return kept.get(key) as T
  const value = Object.freeze(await read())
  kept.set(key, value)
  return value
}

/** What a repository wrote under `key` in this transaction, given to the next readOncePerTransaction. */
export function keptInTransaction<T extends object>(trx: Trx, key: string, value: T): T {
  const frozen = Object.freeze(value)
  let kept = readInTransaction.get(trx)
  if (!kept) {
    kept = new Map()
    readInTransaction.set(trx, kept)
  }
  kept.set(key, frozen)
  return frozen
}

/**
 * What this transaction keeps under `key` (read once or written), without reading: undefined when
 * it keeps nothing there, outside a transaction, and at the transaction's edge until kept again.
 */
export function keptFromTransaction<T>(db: Queryable, key: string): T | undefined {
  return isTransaction(db) ? (readInTransaction.get(db)?.get(key) as T | undefined) : undefined
}

/** Forgets what this transaction keeps under every key that begins with `prefix`: the next read reads. */
export function forgetInTransaction(trx: Trx, prefix: string): void {
  const kept = readInTransaction.get(trx)
  if (!kept) return
  for (const key of kept.keys()) if (key.startsWith(prefix)) kept.delete(key)
}

/** Kysely says whether a handle is a transaction, but only as a boolean; this tells the compiler too. */
function isTransaction(db: Queryable): db is Trx {
  return db.isTransaction
}
