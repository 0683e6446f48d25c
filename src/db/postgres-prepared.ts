import { createRequire } from 'node:module'
import type { PostgresPool, PostgresPoolClient } from 'kysely'
import pg from 'pg'

/**
 * How many statements a PostgreSQL connection keeps prepared, and the most parameters a kept one
 * has. The application has a few hundred distinct queries; a statement with more parameters is a
 * multi-row insert or a long `in` list whose text is seldom seen twice, so preparing it would only
 * hold memory in the server. Past the limit a statement is sent unnamed, as before.
 */
export const preparedStatementsKept = 500
export const mostParametersPrepared = 100

/**
 * A pool whose connections prepare each statement of a transaction once and run it again by name.
 * Sent unnamed, every statement is parsed, analysed and planned by PostgreSQL on every run: an
 * import of one protocol is about 200 statements, and a profile put more of its time in
 * PostgreSQL's handling of them than in running them (issue 15). A kept statement is parsed once
 * per connection, and after five runs PostgreSQL may plan it once for all values (plan_cache_mode
 * auto): the server's CPU per imported protocol 72 -> 37 ms, 62 when it still planned every run.
 * Only statements inside a transaction are kept — the writes of a form or an import and what they
 * read, looked up by key. A page's reads outside one are sent unnamed and planned for their values
 * as before: a search's rare or common word, a `like '%…%'`, choose different plans. The server
 * keeps some 36 KB a statement, so up to 18 MB a connection at the limit above.
 *
 * A connection that finds a kept statement no longer valid — the schema changed under it (a
 * migration by another server: `cached plan must not change result type`, or a column's type no
 * longer that of its parameter) or the server forgot it (`DISCARD ALL` by a pooler) — fails that
 * one statement and is closed when it goes back to the pool, so the next use gets a fresh
 * connection. Behind PgBouncer in transaction mode, named statements need PgBouncer 1.21 or later
 * with `max_prepared_statements` set.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>()
  return {
    async connect() {
      const client = await pool.connect()
      let kept = wrapped.get(client)
      if (!kept) {
        kept = preparingClient(client)
        wrapped.set(client, kept)
      }
      return kept
    },
    end: () => pool.end(),
  }
}

/**
 * Whether a connection makes its kept statements' plans again before this transaction: after 4, 8,
 * 16, … transactions. PostgreSQL plans a kept statement for all values once (its sixth run) for the
 * tables as they are then, and plans it again only when the statistics change (ANALYZE). Into an
 * archive that grows under the connection — an import into a new database, with autovacuum off or
 * not yet caught up — a plan made for tables of a few rows (a sequential scan, a hash join over the
 * whole table) stayed while they grew to thousands: after 300 imported protocols PostgreSQL read
 * 41,000 rows a protocol by sequential scans (20,000 with the plans made again then), more with
 * every protocol. Made again at each doubling, a plan is for tables at least half their size, at
 * the cost of planning each statement once more, a few dozen times in a connection's life.
 */
export function plansMadeAgainAfter(transactions: number): boolean {
  return transactions >= 4 && (transactions & (transactions - 1)) === 0
}

/**
 * Statements kept wherever they run, in a transaction or not: those without values that run
 * before every request, whose plan is the same for every run. The page cache's version of the
 * public record runs before every public page; unnamed, PostgreSQL planned it each time, 13 times
 * its cost as a kept statement (pgbench: 2,250 against 30,400 runs a second).
 */
const keptEverywhere = new Set<string>()

/** Keeps this statement's text prepared on every connection, outside transactions too. */
export function keepEverywhere(text: string): void {
  keptEverywhere.add(text)
}

// What PostgreSQL answers when a kept statement no longer fits: 0A000 (feature_not_supported) when
// its result columns changed, class 42 (a column's type changed under the parameter types it was
// prepared with: 42804, 42883) and 26000 when the server forgot it. Run unnamed on a new connection
// it may well succeed, so the connection is closed; a statement wrong in itself fails there again.
const keptStatementGone = /^(0A|42|26)/

function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  const names = new Map<string, string>()
  const described = new Map<string, Described>()
  let broken = false
  // Kysely begins and ends its transactions with these statements (postgres-driver.js).
  let inTransaction = false
  let transactions = 0
  const nameOf = (text: string, parameters: number) => {
    if ((parameters === 0 && !keptEverywhere.has(text)) || parameters > mostParametersPrepared)
      return undefined
    let name = names.get(text)
    if (name === undefined && names.size < preparedStatementsKept) {
      name = `paragraf_${names.size}`
      names.set(text, name)
    }
    return name
  }
  return {
    query(query: unknown, parameters?: ReadonlyArray<unknown>) {
      if (typeof query !== 'string') return client.query(query as pg.Submittable) as never
      if (/^(begin|start transaction)\b/i.test(query)) {
        inTransaction = true
        transactions++
        // Sent before the transaction, in the same queue; should it fail, so does the begin.
        if (plansMadeAgainAfter(transactions)) client.query('discard plans').catch(() => undefined)
      } else if (/^(commit|rollback)$/i.test(query)) inTransaction = false
      const values = parameters ? [...parameters] : []
      const name = inTransaction || keptEverywhere.has(query) ? nameOf(query, values.length) : undefined
      const running = name ? runKept(client, name, query, values, described) : client.query(query, values)
      return running.catch((error: { code?: string }) => {
        if (name && error.code !== undefined && keptStatementGone.test(error.code)) broken = true
        throw error
      }) as never
    },
    // pg-pool closes a client released with an error instead of keeping it.
    release: () => {
      inTransaction = false
      client.release(broken ? new Error('a kept statement is no longer valid') : undefined)
    },
  }
}

// pg's own parts that a kept statement's run uses as pg would (pg 8.23: lib/query.js, lib/result.js,
// lib/utils.js): the value mapper its Bind uses, and the members of a query and its result.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue: (value: unknown) => unknown
}
interface QueryParts {
  name: string
  portal: string
  values: unknown[]
  binary: boolean | undefined
  _accumulateRows: boolean
  _canceledDueToError: unknown
  _result: { fields: unknown[]; _parsers: unknown; _prebuiltEmptyResultObject: unknown }
}
interface ConnectionParts {
  parsedStatements: Record<string, unknown>
  bind(message: {
    portal: string
    statement: string
    values: unknown[]
    binary: boolean | undefined
    valueMapper: typeof prepareValue
  }): void
  execute(message: { portal: string }): void
  sync(): void
}
const pgQuery = pg.Query.prototype as unknown as {
  prepare(this: QueryParts, connection: ConnectionParts): void
  handleReadyForQuery(this: QueryParts, connection: ConnectionParts): void
}

/** A kept statement's result columns as PostgreSQL described them, with the parsers pg chose for them. */
interface Described {
  fields: unknown[]
  parsers: unknown
  emptyRow: unknown
}

/**
 * Runs a kept statement by name. pg asks PostgreSQL to describe a statement's result columns on every
 * run (Describe), and builds their parsers again from the answer: 2 of the 45 ms of the importer's
 * CPU per protocol went to that alone (issue 15). A kept statement's columns do not change: if the
 * schema changes them, PostgreSQL refuses the run (Bind) with 0A000 and the connection is closed. So
 * the first successful run describes it as pg does, and the next ones use what it answered.
 */
function runKept(
  client: pg.PoolClient,
  name: string,
  text: string,
  values: unknown[],
  described: Map<string, Described>,
): Promise<pg.QueryResult> {
  return new Promise((resolve, reject) => {
    const query = new KeptQuery(text, values, described, (error, result) =>
      error ? reject(error) : resolve(result as pg.QueryResult),
    )
    ;(query as unknown as QueryParts).name = name
    client.query(query)
  })
}

class KeptQuery extends pg.Query {
  readonly #described: Map<string, Described>
  constructor(
    text: string,
    values: unknown[],
    described: Map<string, Described>,
    callback: (error: Error | undefined, result: unknown) => void,
  ) {
    // Given as text, not as a config object: pg copies a config by its property descriptors.
    super(text, values, callback)
    this.#described = described
  }

  prepare(this: KeptQuery & QueryParts, connection: ConnectionParts) {
    const known = this.#described.get(this.name)
    if (!known || connection.parsedStatements[this.name] === undefined) {
      pgQuery.prepare.call(this, connection)
      return
    }
    // As pg's prepare and handleRowDescription would, without asking for the description.
    this._result.fields = known.fields
    this._result._parsers = known.parsers
    this._result._prebuiltEmptyResultObject = known.emptyRow
    this._accumulateRows = true
    connection.bind({
      portal: this.portal,
      statement: this.name,
      values: this.values,
      binary: this.binary,
      valueMapper: prepareValue,
    })
    connection.execute({ portal: this.portal })
    connection.sync()
  }

  handleReadyForQuery(this: KeptQuery & QueryParts, connection: ConnectionParts) {
    if (!this._canceledDueToError && !this.#described.has(this.name)) {
      const { fields, _parsers, _prebuiltEmptyResultObject } = this._result
      this.#described.set(this.name, { fields, parsers: _parsers, emptyRow: _prebuiltEmptyResultObject })
    }
    pgQuery.handleReadyForQuery.call(this, connection)
  }
}
