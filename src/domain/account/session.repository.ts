import type { Queryable, Trx } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'

export type SessionRow = Selected<'session'>

export async function insertSession(trx: Trx, row: SessionRow) {
  await trx.insertInto('session').values(row).execute()
}

export async function findSession(db: Queryable, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function touchSession(trx: Trx, id: string, lastSeenAt: string, expiresAt: string) {
  await trx
    .updateTable('session')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute()
}

export async function deleteSession(trx: Trx, id: string) {
  await trx.deleteFrom('session').where('id', '=', id).execute()
}

/** Ends the user's sessions (all but `keepId`, if given); returns how many ended. */
export async function deleteSessionsOfUser(trx: Trx, userId: number, keepId?: string): Promise<number> {
  let query = trx.deleteFrom('session').where('user_id', '=', userId)
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
