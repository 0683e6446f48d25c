import type { Queryable, Trx } from '../../db/database.ts'

/** The salted hash of a person's personnummer, if one is kept (to check an e-legitimation). */
export async function getIdentityNumberHash(db: Queryable, personId: number): Promise<string | null> {
  const row = await db
    .selectFrom('person')
    .select('identity_number_hash')
    .where('id', '=', personId)
    .executeTakeFirst()
  return row?.identity_number_hash ?? null
}

export async function setIdentityNumberHash(trx: Trx, personId: number, hash: string | null) {
  await trx.updateTable('person').set({ identity_number_hash: hash }).where('id', '=', personId).execute()
}

/** Which of these persons have a personnummer kept (as a hash). */
export async function listPersonsWithIdentityNumber(db: Queryable, personIds: readonly number[]) {
  if (personIds.length === 0) return new Set<number>()
  const rows = await db
    .selectFrom('person')
    .select('id')
    .where('id', 'in', [...personIds])
    .where('identity_number_hash', 'is not', null)
    .execute()
  return new Set(rows.map((r) => r.id))
}
