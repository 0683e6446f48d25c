// Which failures are the database's (or the disk's) and not the request's: they pass by themselves
// or need an operator, so the reader is told to come back (503) or that nothing can be saved (507),
// and the command line says so on one line, instead of a generic error with a stack trace.

/** `unavailable`: the database cannot be reached or is restarting; `full`: no room to write. */
export type DatabaseFault = 'unavailable' | 'full'

// PostgreSQL's SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
const unavailableStates = new Set([
  '57P01', // admin_shutdown: a restart, or pg_terminate_backend
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '57014', // query_canceled: here the statement_timeout of a web request
  '53300', // too_many_connections
  '55P03', // lock_not_available
])
const fullStates = new Set(['53100']) // disk_full

// Node's errno codes for a network that does not reach the database, and for a full disk (the
// document files and the export cache are written to disk too).
const unreachableErrnos = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
])
const fullErrnos = new Set(['ENOSPC', 'EDQUOT'])

// node-postgres throws plain Errors without a code when a connection breaks or cannot be had.
const unavailableMessages = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /is not queryable/,
  /^Client has encountered a connection error/,
]

/** The fault behind `error` (or behind its cause), or undefined when it is no database or disk fault. */
export function databaseFaultOf(error: unknown): DatabaseFault | undefined {
  for (const e of causesOf(error)) {
    const code = typeof e.code === 'string' ? e.code : undefined
    // better-sqlite3: SQLITE_FULL, also when the file may not grow (max_page_count).
    if (code === 'SQLITE_FULL') return 'full'
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'unavailable'
    if (code && (fullStates.has(code) || fullErrnos.has(code))) return 'full'
    if (code && (unavailableStates.has(code) || unreachableErrnos.has(code) || code.startsWith('08')))
      return 'unavailable'
    if (
      typeof e.message === 'string' &&
      unavailableMessages.some((pattern) => pattern.test(e.message as string))
    )
      return 'unavailable'
  }
  return undefined
}

type ErrorLike = { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }

/** The error, its causes and the parts of an AggregateError (a refused connection to every address of a host). */
function causesOf(error: unknown): ErrorLike[] {
  const found: ErrorLike[] = []
  const queue: unknown[] = [error]
  while (queue.length > 0 && found.length < 10) {
    const e = queue.shift()
    if (typeof e !== 'object' || e === null) continue
    const like = e as ErrorLike
    found.push(like)
    if (like.cause) queue.push(like.cause)
    if (Array.isArray(like.errors)) queue.push(...like.errors)
  }
  return found
}
