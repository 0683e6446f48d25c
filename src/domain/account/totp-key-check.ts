import type { Queryable } from '../../db/database.ts'
import { totpSecretBox } from './totp-secret-box.ts'

/**
 * What keeps a server from starting when users have TOTP and no TOTP_SECRET_KEY is given, or a key
 * that does not open their sealed secrets (another server's, a new one): their codes could not be
 * checked, and every such sign-in would fail. One Swedish line, or undefined.
 */
export async function totpKeyProblem(db: Queryable, key: Buffer | undefined): Promise<string | undefined> {
  if (key) {
    // One sealed secret tells whether this is the key they were sealed with (AES-GCM refuses
    // another); the lowest id, so every server started with the same key asks the same row.
    const sealed = await db
      .selectFrom('user_account')
      .select(['id', 'totp_secret'])
      .where('totp_secret', 'is not', null)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()
    if (!sealed?.totp_secret) return undefined
    try {
      totpSecretBox(key).open(sealed.id, sealed.totp_secret)
      return undefined
    } catch {
      return 'TOTP_SECRET_KEY öppnar inte de sparade TOTP-hemligheterna: sätt samma nyckel som tidigare (på alla servrar) och starta igen.'
    }
  }
  const row = await db
    .selectFrom('user_account')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('totp_secret', 'is not', null), eb('totp_pending_secret', 'is not', null)]))
    .executeTakeFirstOrThrow()
  const users = Number(row.n)
  if (users === 0) return undefined
  return `TOTP_SECRET_KEY saknas: ${users} användare har tvåstegsverifiering; sätt samma nyckel som tidigare (på alla servrar) och starta igen.`
}
