import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

// TOTP secrets are kept sealed with AES-256-GCM under TOTP_SECRET_KEY, one key shared by every app
// server: a copy of the database (a backup, a stolen disk) alone gives no one's second factor. The
// user's id is bound in as additional data, so a sealed secret moved to another account fails to open.
// Migration 0028 sealed the secrets kept in clear before, in this same form.

const prefix = 'aes256gcm$'

/** Seals and opens a user's TOTP secret. */
export interface TotpSecretBox {
  seal(userId: number, secret: string): string
  open(userId: number, sealed: string): string
}

/** The key is missing: TOTP cannot be used until the server is given one. */
export class TotpSecretKeyMissingError extends Error {
  constructor() {
    super(
      'TOTP_SECRET_KEY saknas: tvåstegsverifiering kräver nyckeln (openssl rand -base64 32, samma på alla servrar).',
    )
  }
}

const additionalData = (userId: number) => Buffer.from(`paragraf-totp:${userId}`)

/** The box for a key; without one, every use throws TotpSecretKeyMissingError. */
export function totpSecretBox(key: Buffer | undefined): TotpSecretBox {
  return {
    seal(userId, secret) {
      if (!key) throw new TotpSecretKeyMissingError()
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(additionalData(userId))
      const text = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
      return `${prefix}${[iv, cipher.getAuthTag(), text].map((b) => b.toString('base64url')).join('$')}`
    },
    open(userId, sealed) {
      if (!key) throw new TotpSecretKeyMissingError()
      const [iv, tag, text] = sealed.startsWith(prefix) ? sealed.slice(prefix.length).split('$') : []
      if (!iv || !tag || text === undefined) throw new Error('the TOTP secret is not sealed')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAAD(additionalData(userId))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(text, 'base64url')), decipher.final()]).toString(
        'utf8',
      )
    },
  }
}
