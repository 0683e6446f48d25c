import type { Queryable, Trx } from '../../db/database.ts'

// Failed logins, counted in the database so that every app server sees the same count.

export async function recordLoginAttempt(
  trx: Trx,
  attempt: { email: string; ip: string; at: string; succeeded: boolean },
) {
  await trx.insertInto('login_attempt').values(attempt).execute()
}

/** Whose attempts to count: an account, an address, or one account from one address. */
export type AttemptsOf =
  | { email: string; ip?: undefined }
  | { ip: string; email?: undefined }
  | { email: string; ip: string }

/**
 * The times of the latest failures (newest first, at most `limit`) since `since`. For an account
 * (with or without an address), only failures after its last successful login (from that address)
 * count.
 */
export async function listRecentFailures(
  db: Queryable,
  by: AttemptsOf,
  since: string,
  limit: number,
): Promise<string[]> {
  let after = since
  if (by.email !== undefined) {
    const success = await latestSuccess(db, by, since)
    if (success && success > after) after = success
  }
  let query = db
    .selectFrom('login_attempt')
    .select('at')
    .where('succeeded', '=', false)
    .where('at', '>', after)
  if (by.email !== undefined) query = query.where('email', '=', by.email)
  if (by.ip !== undefined) query = query.where('ip', '=', by.ip)
  const rows = await query.orderBy('at', 'desc').limit(limit).execute()
  return rows.map((r) => r.at)
}

/** When the account last signed in (from that address), since `since`. */
export async function latestSuccess(
  db: Queryable,
  by: { email: string; ip?: string },
  since: string,
): Promise<string | undefined> {
  let query = db
    .selectFrom('login_attempt')
    .select('at')
    .where('email', '=', by.email)
    .where('succeeded', '=', true)
    .where('at', '>=', since)
  if (by.ip !== undefined) query = query.where('ip', '=', by.ip)
  return (await query.orderBy('at', 'desc').limit(1).executeTakeFirst())?.at
}

/** Forgets attempts older than `before`: they no longer count for anything. */
export async function deleteLoginAttemptsBefore(trx: Trx, before: string) {
  await trx.deleteFrom('login_attempt').where('at', '<', before).execute()
}
