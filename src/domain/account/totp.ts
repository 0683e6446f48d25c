import { Secret, TOTP } from 'otpauth'

// TOTP (RFC 6238) as a second factor for password accounts: HMAC-SHA1, six digits, 30-second
// steps, the settings every authenticator app reads. A code is accepted for its own step and one
// on either side (RFC 6238 §5.2: clocks drift, and typing takes time), and only for a step later
// than the last one used, so a code seen over a shoulder cannot be used again (§5.2, "MUST NOT").

export const totpPeriodSeconds = 30
export const totpDigits = 6
/** Steps accepted on either side of the present one. */
export const totpWindow = 1

/** A new secret of 160 bits (RFC 4226 §4 recommends it), as base32 for typing into an app. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

/** The secret grouped by four characters, easier to type from the screen. */
export const groupedSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ')

function totpOf(secret: string, label = '', issuer = 'Paragraf') {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: totpDigits,
    period: totpPeriodSeconds,
    secret: Secret.fromBase32(secret),
  })
}

/** The otpauth:// address an authenticator app reads (Key Uri Format): issuer and account named. */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  return totpOf(secret, account, issuer).toString()
}

/** The time step of a moment: seconds since 1970 divided by 30. */
export const totpStepAt = (now: Date) => Math.floor(now.getTime() / 1000 / totpPeriodSeconds)

/** The code of a step (for tests and for showing what an app shows). */
export function totpCodeAt(secret: string, now: Date): string {
  return totpOf(secret).generate({ timestamp: now.getTime() })
}

/**
 * The step a code belongs to, when it is the code of the present step or one beside it and later
 * than `lastStep`; undefined otherwise. Spaces in the code are ignored.
 */
export function acceptedStep(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): number | undefined {
  const token = code.replace(/\s/g, '')
  if (!new RegExp(`^\\d{${totpDigits}}$`).test(token)) return undefined
  const delta = totpOf(secret).validate({ token, timestamp: now.getTime(), window: totpWindow })
  if (delta === null) return undefined
  const step = totpStepAt(now) + delta
  return lastStep !== null && step <= lastStep ? undefined : step
}
