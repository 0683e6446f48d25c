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
 * A pool whose connections prepare each statement once and run it again by name. Sent unnamed,
 * every statement is parsed, analysed and planned by PostgreSQL on every run: an import of one
 * protocol is about 290 statements, and a profile put more of its time in PostgreSQL's handling of
 * them than in running them (issue 15). A named statement is parsed once per connection; its plan
 * is PostgreSQL's to keep or redo (plan_cache_mode).
 *
 * A connection that finds a kept statement no longer valid — the schema changed under it
 * (`cached plan must not change result type` after a migration by another server) or the server
 * forgot it (`DISCARD ALL` by a pooler) — fails that one statement and is closed when it goes back
 * to the pool, so the next use gets a fresh connection. Behind PgBouncer in transaction mode,
 * named statements need PgBouncer 1.21 or later with `max_prepared_statements` set.
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

// SQLSTATE 0A000 (feature_not_supported) is what PostgreSQL answers when a kept statement's
// result columns changed; 26000 (invalid_sql_statement_name) when it forgot the statement.
const keptStatementGone = new Set(['0A000', '26000'])

function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  const names = new Map<string, string>()
  let broken = false
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
      const values = parameters ? [...parameters] : []
      const name = nameOf(query, values.length)
      const running = name ? client.query({ name, text: query, values }) : client.query(query, values)
      return running.catch((error: { code?: string }) => {
        if (name && error.code !== undefined && keptStatementGone.has(error.code)) broken = true
        throw error
      }) as never
    },
    // pg-pool closes a client released with an error instead of keeping it.
    release: () => client.release(broken ? new Error('a kept statement is no longer valid') : undefined),
  }
}
