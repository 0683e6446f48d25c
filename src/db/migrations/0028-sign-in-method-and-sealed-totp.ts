import { createCipheriv, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'

// Frozen in time (see 0001). Staff sign-in, continued (issue 12):
// - each session records how it was signed in (password, password+totp, oidc), so the
//   organisation's "TOTP for administrators" rule asks it of password sign-ins only;
// - TOTP secrets are kept sealed (AES-256-GCM) under TOTP_SECRET_KEY, the same key on every app
//   server: a copy of the database alone no longer gives anyone's second factor. Secrets kept in
//   clear before this migration are sealed here; with such secrets and no key, the migration stops
//   and says so (the server cannot check their codes without it). The sealing is copied here, not
//   imported, so this migration stays as it ran: `aes256gcm$IV$TAG$CIPHERTEXT` (base64url), with
//   `paragraf-totp:USER_ID` as additional data so a sealed secret cannot be moved to another account.

const sealedPrefix = 'aes256gcm$'

function keyFromEnvironment(): Buffer | undefined {
  const value = process.env.TOTP_SECRET_KEY?.trim()
  if (!value) return undefined
  const key = Buffer.from(value, 'base64')
  if (key.length !== 32)
    throw new Error('TOTP_SECRET_KEY ska vara 32 slumpmässiga byte i base64 (openssl rand -base64 32).')
  return key
}

function seal(key: Buffer, userId: number, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(`paragraf-totp:${userId}`))
  const text = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return `${sealedPrefix}${[iv, cipher.getAuthTag(), text].map((b) => b.toString('base64url')).join('$')}`
}

// biome-ignore lint/suspicious/noExplicitAny: a migration reads rows of the schema as it then was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('session')
    .addColumn('method', 'text', (c) => c.notNull().defaultTo('password'))
    .execute()

  const clear = await db
    .selectFrom('user_account')
    .select(['id', 'totp_secret', 'totp_pending_secret'])
    .where((eb) =>
      eb.or([
        eb.and([eb('totp_secret', 'is not', null), eb('totp_secret', 'not like', `${sealedPrefix}%`)]),
        eb.and([
          eb('totp_pending_secret', 'is not', null),
          eb('totp_pending_secret', 'not like', `${sealedPrefix}%`),
        ]),
      ]),
    )
    .execute()
  if (clear.length === 0) return
  const key = keyFromEnvironment()
  if (!key)
    throw new Error(
      `TOTP_SECRET_KEY saknas: ${clear.length} användare har tvåstegsverifiering; sätt nyckeln (openssl rand -base64 32, samma på alla servrar) och starta igen.`,
    )
  for (const row of clear) {
    const sealed = (value: string | null) =>
      value === null || value.startsWith(sealedPrefix) ? value : seal(key, row.id, value)
    await db
      .updateTable('user_account')
      .set({ totp_secret: sealed(row.totp_secret), totp_pending_secret: sealed(row.totp_pending_secret) })
      .where('id', '=', row.id)
      .execute()
  }
}

// biome-ignore lint/suspicious/noExplicitAny: as in up
export async function down(db: Kysely<any>): Promise<void> {
  // Sealed secrets stay sealed: an older version cannot read them, so their TOTP is turned off.
  await db
    .updateTable('user_account')
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where((eb) =>
      eb.or([
        eb('totp_secret', 'like', `${sealedPrefix}%`),
        eb('totp_pending_secret', 'like', `${sealedPrefix}%`),
      ]),
    )
    .execute()
  await db.schema.alterTable('session').dropColumn('method').execute()
}
