import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { InvalidInputError } from '../shared/errors.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    identity_number_malformed: undefined
  }
}

/**
 * How a committee's signatories sign the minutes (justering, KL 5:69 and the committee's
 * reglemente): by re-entering their password, with an e-legitimation (BankID, Freja eID) through
 * the municipality's OIDC broker, or on paper, which the secretary then records with the scanned
 * signed cover. Chosen per committee (the signingMethod setting).
 */
export type SigningMethod = 'password' | 'oidc' | 'paper'
export const signingMethods: readonly SigningMethod[] = ['password', 'oidc', 'paper']

export const signingMethodLabels: Record<SigningMethod, string> = {
  password: 'Lösenord',
  oidc: 'E-legitimation (BankID, Freja eID)',
  paper: 'På papper, registrerat av sekreteraren',
}

/**
 * How one signature was made: one of the committee's ways, or `as_published` for a sign-off
 * recorded from a published protocol (an import), which says that the minutes were signed off but
 * not how — Paragraf must not claim a way it did not see.
 */
export type SignatureMethod = SigningMethod | 'as_published'

export function parseSignatureMethod(value: string): SignatureMethod {
  return value === 'as_published' ? value : parseSigningMethod(value)
}

export function parseSigningMethod(value: string): SigningMethod {
  return (signingMethods as readonly string[]).includes(value) ? (value as SigningMethod) : 'password'
}

/** What is kept with an e-legitimation signature: never the personnummer in clear. */
export interface SignatureEvidence {
  /** The broker's issuer (iss), and its name as shown ("BankID via …"). */
  issuer?: string
  provider?: string
  /** The ID token's claims, the personnummer claim replaced by its salted hash. */
  claims?: Record<string, unknown>
  /** When the person authenticated at the broker (auth_time) and the token was issued (iat), ISO. */
  authenticatedAt?: string
  issuedAt?: string
  /** For a paper sign-off: the day it was signed on paper. */
  signedOnPaperOn?: string
  /** For a paper sign-off: the scanned signed cover. */
  documentId?: number
}

/**
 * A personnummer in its 12-digit form (ÅÅÅÅMMDDNNNN), the form e-legitimation brokers send.
 * Ten digits are refused: the century cannot be known for sure, and a wrong guess would never match.
 */
export function normaliseIdentityNumber(value: string): string {
  const digits = value.replace(/[\s-]/g, '')
  if (!/^(19|20)\d{10}$/.test(digits))
    throw new InvalidInputError(
      'identity_number_malformed',
      'personnumret ska skrivas med tolv siffror, ÅÅÅÅMMDD-NNNN',
      'identityNumber',
    )
  return digits
}

// A personnummer is a small space (about 10^8 valid values a century), so a plain hash is
// reversible by trying them all; a random salt per person at least forces that per person, and the
// hash is never shown. GDPR art. 87 and 5.1 c: kept only to check who signs, never in clear.
function digest(salt: string, number: string): string {
  return createHash('sha256').update(`${salt}:${number}`).digest('hex')
}

/** The salted hash kept on the person: `sha256$<salt>$<hex>`. */
export function hashIdentityNumber(value: string, salt = randomBytes(16).toString('hex')): string {
  return `sha256$${salt}$${digest(salt, normaliseIdentityNumber(value))}`
}

/** Whether a personnummer (from an ID token) is the one whose salted hash is kept. */
export function identityNumberMatches(stored: string | null, value: string): boolean {
  if (!stored) return false
  const [scheme, salt, hex] = stored.split('$')
  if (scheme !== 'sha256' || !salt || !hex) return false
  let number: string
  try {
    number = normaliseIdentityNumber(value)
  } catch {
    return false
  }
  const a = Buffer.from(digest(salt, number), 'hex')
  const b = Buffer.from(hex, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** How the public minutes say a sign-off was made. */
export function signedHowText(
  signatures: readonly { method: SignatureMethod; evidence?: SignatureEvidence }[],
): string | undefined {
  if (signatures.length === 0) return undefined
  const methods = new Set(signatures.map((s) => s.method))
  const parts: string[] = []
  if (methods.has('as_published')) parts.push('enligt det publicerade protokollet')
  if (methods.has('password')) parts.push('med lösenord')
  if (methods.has('oidc')) {
    const providers = [
      ...new Set(signatures.flatMap((s) => (s.method === 'oidc' ? [s.evidence?.provider] : []))),
    ]
    const names = providers.filter((p): p is string => Boolean(p))
    parts.push(names.length > 0 ? `med e-legitimation (${names.join(', ')})` : 'med e-legitimation')
  }
  if (methods.has('paper')) {
    const on = signatures.find((s) => s.method === 'paper')?.evidence?.signedOnPaperOn
    parts.push(on ? `på papper den ${on}` : 'på papper')
  }
  return `Justerat ${parts.join(' och ')}`
}
