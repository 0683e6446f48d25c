import type { PostgresPool, PostgresPoolClient } from 'kysely'
import type pg from 'pg'

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

// What PostgreSQL answers when a kept statement no longer fits: 0A000 (feature_not_supported) when
// its result columns changed, class 42 (a column's type changed under the parameter types it was
// prepared with: 42804, 42883) and 26000 when the server forgot it. Run unnamed on a new connection
// it may well succeed, so the connection is closed; a statement wrong in itself fails there again.
const keptStatementGone = /^(0A|42|26)/

function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  const names = new Map<string, string>()
  let broken = false
  // Kysely begins and ends its transactions with these statements (postgres-driver.js).
  let inTransaction = false
  const nameOf = (text: string, parameters: number) => {
    if (parameters === 0 || parameters > mostParametersPrepared) return undefined
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
      if (/^(begin|start transaction)\b/i.test(query)) inTransaction = true
      else if (/^(commit|rollback)$/i.test(query)) inTransaction = false
      const values = parameters ? [...parameters] : []
      const name = inTransaction ? nameOf(query, values.length) : undefined
      const running = name ? client.query({ name, text: query, values }) : client.query(query, values)
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
