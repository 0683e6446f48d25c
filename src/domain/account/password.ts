import { randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

// argon2id with the library's defaults (19 MiB, two passes, one lane): OWASP's recommended minimum.
// The algorithm is the library's default; it is a const enum the TypeScript build cannot reference.

export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

let dummyHash: Promise<string> | undefined

/**
 * Whether the password matches the hash. Without a hash (no such user) a dummy hash is checked, so
 * the answer takes as long and does not tell which e-mail addresses have accounts.
 */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    dummyHash ??= hash(randomBytes(16).toString('hex'))
    await verify(await dummyHash, password)
    return false
  }
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** A password for a new account when none is given: 24 characters from 18 random bytes. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url')
}
