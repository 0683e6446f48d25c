import type { Queryable } from '../../db/database.ts'

/**
 * What keeps a server from starting when users have TOTP and no TOTP_SECRET_KEY is given: their
 * codes could not be checked, and they could not sign in. One Swedish line, or undefined.
 */
export async function missingTotpKeyProblem(
  db: Queryable,
  key: Buffer | undefined,
): Promise<string | undefined> {
  if (key) return undefined
  const row = await db
    .selectFrom('user_account')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('totp_secret', 'is not', null), eb('totp_pending_secret', 'is not', null)]))
    .executeTakeFirstOrThrow()
  const users = Number(row.n)
  if (users === 0) return undefined
  return `TOTP_SECRET_KEY saknas: ${users} användare har tvåstegsverifiering; sätt samma nyckel som tidigare (på alla servrar) och starta igen.`
}
