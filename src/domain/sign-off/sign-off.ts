import type { SignatureEvidence, SignatureMethod } from './signing-method.ts'

export type SignOffStatus = 'pending' | 'signed_off'

/**
 * One sign-off occasion (justering) for a set of §§: immediately at the meeting for single §§,
 * or afterwards for the rest. Each § therefore has its own sign-off date (A1).
 */
export interface SignOff {
  id: number
  minutesId: number
  sectionIds: number[]
  signedOffOn: string | null
  immediate: boolean
  status: SignOffStatus
  signatures: Signature[]
  /** The scanned signed cover of a paper sign-off: an archival document. */
  paperDocumentId?: number
  /** The seal of what it signed off (SHA-256, chained in the committee's series), once signed off. */
  sealHash?: string
}

export interface Signature {
  personId: number
  signedAt: string
  /**
   * How it was signed: password, e-legitimation (oidc), on paper (recorded by the secretary), or
   * as_published when the sign-off was recorded from a published protocol.
   */
  method: SignatureMethod
  /** For an e-legitimation: the broker's issuer and the ID token's claims and times. */
  evidence?: SignatureEvidence
}

/** Whether every appointed signatory has signed: then the §§ are signed off. */
export function allHaveSigned(appointed: readonly number[], signedBy: readonly number[]): boolean {
  const signed = new Set(signedBy)
  return appointed.length > 0 && appointed.every((id) => signed.has(id))
}
