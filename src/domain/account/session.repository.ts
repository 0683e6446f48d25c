import type { Queryable } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'

export type SessionRow = Selected<'session'>

export async function insertSession(db: Queryable, row: SessionRow) {
  await db.insertInto('session').values(row).execute()
}

export async function findSession(db: Queryable, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function touchSession(db: Queryable, id: string, lastSeenAt: string, expiresAt: string) {
  await db
    .updateTable('session')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute()
}

export async function deleteSession(db: Queryable, id: string) {
  await db.deleteFrom('session').where('id', '=', id).execute()
}

/** Ends the user's sessions (all but `keepId`, if given); returns how many ended. */
export async function deleteSessionsOfUser(db: Queryable, userId: number, keepId?: string): Promise<number> {
  let query = db.deleteFrom('session').where('user_id', '=', userId)
  if (keepId) query = query.where('id', '!=', keepId)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function countSessionsOfUser(db: Queryable, userId: number): Promise<number> {
  const row = await db
    .selectFrom('session')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
