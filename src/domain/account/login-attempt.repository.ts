import type { Queryable } from '../../db/database.ts'

// Failed logins, counted in the database so that every app server sees the same count.

export async function recordLoginAttempt(
  db: Queryable,
  attempt: { email: string; ip: string; at: string; succeeded: boolean },
) {
  await db.insertInto('login_attempt').values(attempt).execute()
}

/**
 * The times of the latest failures (newest first, at most `limit`) since `since`. For an e-mail
 * address, only failures after its last successful login count.
 */
export async function listRecentFailures(
  db: Queryable,
  by: { email: string } | { ip: string },
  since: string,
  limit: number,
): Promise<string[]> {
  let after = since
  if ('email' in by) {
    const success = await db
      .selectFrom('login_attempt')
      .select('at')
      .where('email', '=', by.email)
      .where('succeeded', '=', true)
      .where('at', '>=', since)
      .orderBy('at', 'desc')
      .executeTakeFirst()
    if (success && success.at > after) after = success.at
  }
  let query = db
    .selectFrom('login_attempt')
    .select('at')
    .where('succeeded', '=', false)
    .where('at', '>', after)
  query = 'email' in by ? query.where('email', '=', by.email) : query.where('ip', '=', by.ip)
  const rows = await query.orderBy('at', 'desc').limit(limit).execute()
  return rows.map((r) => r.at)
}

/** Forgets attempts older than `before`: they no longer count for anything. */
export async function deleteLoginAttemptsBefore(db: Queryable, before: string) {
  await db.deleteFrom('login_attempt').where('at', '<', before).execute()
}
