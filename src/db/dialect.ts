import { type Kysely, PostgresAdapter, type SelectQueryBuilder, type Transaction } from 'kysely'

// The one place where SQLite and PostgreSQL differ at run time (besides search, and booleans bound
// as 1 and 0 on SQLite in database.ts). Everything else is written once with Kysely.

export type DialectName = 'sqlite' | 'postgres'

// biome-ignore lint/suspicious/noExplicitAny: works for a database of any schema
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

/**
 * Locks the selected rows until the transaction `trx` ends (a lock outside one would end with its statement). PostgreSQL needs it where a rule must hold
 * across concurrent servers (the last signature); SQLite serialises writers anyway.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  // biome-ignore lint/suspicious/noExplicitAny: works for a database of any schema
  trx: Transaction<any>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(trx) === 'postgres' ? query.forUpdate() : query
}

/**
 * Locks the selected rows and passes over those another transaction holds: for a queue that
 * several servers take work from at once (the mail outbox), so no row goes to two of them.
 * SQLite has one writer at a time, so a single UPDATE … WHERE id IN (this) is enough there.
 */
export function forUpdateSkipLocked<DB, TB extends keyof DB, O>(
  // biome-ignore lint/suspicious/noExplicitAny: works for a database of any schema
  trx: Transaction<any>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(trx) === 'postgres' ? query.forUpdate().skipLocked() : query
}
