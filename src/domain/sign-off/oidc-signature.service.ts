import type { Queryable } from '../../db/database.ts'
import { inTransaction } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import { getMeeting } from '../meeting/meeting.service.ts'
import { getMinutes } from '../minutes/minutes.reads.ts'
import type { Notice } from '../notice-board/notice.ts'
import { getPerson } from '../person/person.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { DomainError, InvalidStateError } from '../shared/errors.ts'
import { getIdentityNumberHash, setIdentityNumberHash } from './identity-number.repository.ts'
import { signAndAnnounce } from './sign-and-announce.service.ts'
import { findSignOff } from './sign-off.repository.ts'
import type { SignOff } from './sign-off.ts'
import {
  hashIdentityNumber,
  identityNumberMatches,
  normaliseIdentityNumber,
  type SignatureEvidence,
} from './signing-method.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    no_identity_number_kept: undefined
    no_claim: undefined
    other_person: undefined
    signing_method_not_oidc: undefined
  }
}

/** Why an e-legitimation is not the appointed signatory's. */
export type IdentityMismatch = 'no_identity_number_kept' | 'no_claim' | 'other_person'

/** The e-legitimation is someone else's than the appointed signatory's (or no personnummer is kept). */
export class IdentityMismatchError extends DomainError<IdentityMismatch> {
  constructor(reason: IdentityMismatch) {
    super('invalid_state', reason, `the e-legitimation is not the appointed signatory's (${reason})`)
  }
}

export interface ElectronicIdSignature {
  signOffId: number
  personId: number
  on: string
  /** The verified ID token's claims (openid-client checked signature, issuer, audience, nonce). */
  claims: Record<string, unknown>
  /** The claim holding the personnummer: personal_identity_number by default, else sub. */
  identityClaim: string
  /** The broker's name as the minutes show it: "BankID via …". */
  provider: string
}

/**
 * An appointed signatory signs with an e-legitimation: the personnummer in the ID token must be
 * the one kept (salted) for the person appointed, or the signature is refused. The token's claims
 * and times are kept with the signature, every claim holding the personnummer replaced by its
 * salted hash; then the signature goes through the same code as a password's (signAndAnnounce):
 * the last one signs off, seals, audits and posts the notice (KL 8:12).
 */
export async function signWithElectronicId(
  db: Queryable,
  actor: Actor,
  input: ElectronicIdSignature,
): Promise<{ signOff: SignOff; notice: Notice | undefined }> {
  const signOff = await findSignOff(db, input.signOffId)
  if (!signOff) throw new InvalidStateError('sign_off_missing', `sign-off ${input.signOffId} not found`)
  const minutes = await getMinutes(db, signOff.minutesId)
  const meeting = await getMeeting(db, minutes.meetingId)
  const settings = await getCommitteeSettings(db, meeting.committeeId)
  if (settings.signingMethod !== 'oidc')
    throw new InvalidStateError('signing_method_not_oidc', 'the committee does not sign with e-legitimation')
  const stored = await getIdentityNumberHash(db, input.personId)
  if (!stored) throw new IdentityMismatchError('no_identity_number_kept')
  const claimed = identityNumberOf(input.claims, input.identityClaim)
  if (!claimed) throw new IdentityMismatchError('no_claim')
  if (!identityNumberMatches(stored, claimed)) throw new IdentityMismatchError('other_person')
  const evidence = evidenceOf(input, stored, claimed)
  return signAndAnnounce(db, actor, {
    signOffId: input.signOffId,
    personId: input.personId,
    on: input.on,
    method: 'oidc',
    evidence,
  })
}

function identityNumberOf(claims: Record<string, unknown>, claim: string): string | undefined {
  for (const name of [claim, 'sub']) {
    const value = claims[name]
    if (typeof value === 'string' && value.trim()) return value
  }
  return undefined
}

// The personnummer never leaves this function in clear: every claim that holds it (the configured
// one, often sub as well) is replaced by the salted hash kept on the person, which shows that the
// token named the appointed signatory without saying who that is to anyone reading the database.
function evidenceOf(input: ElectronicIdSignature, stored: string, claimed: string): SignatureEvidence {
  const number = normaliseIdentityNumber(claimed)
  const claims: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(input.claims)) {
    const holdsNumber =
      typeof value === 'string' && value.replace(/[\s-]/g, '') === number && /\d/.test(value)
    claims[name] = holdsNumber ? stored : value
  }
  const time = (seconds: unknown) =>
    typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : undefined
  const authenticatedAt = time(input.claims.auth_time)
  const issuedAt = time(input.claims.iat)
  return {
    ...(typeof input.claims.iss === 'string' ? { issuer: input.claims.iss } : {}),
    provider: input.provider,
    claims,
    ...(authenticatedAt ? { authenticatedAt } : {}),
    ...(issuedAt ? { issuedAt } : {}),
  }
}

/**
 * Keeps a person's personnummer as a salted hash, so an e-legitimation can be checked against them
 * at sign-off; null removes it. Audited without the number.
 */
export async function setPersonIdentityNumber(
  db: Queryable,
  actor: Actor,
  personId: number,
  value: string | null,
): Promise<void> {
  const hash = value === null || value.trim() === '' ? null : hashIdentityNumber(value)
  await inTransaction(db, async (trx) => {
    const person = await getPerson(trx, personId)
    await setIdentityNumberHash(trx, personId, hash)
    await recordAudit(
      trx,
      actor,
      hash ? 'person.identity_number_set' : 'person.identity_number_removed',
      { type: 'person', id: person.id, organisationId: person.organisationId },
      {},
    )
  })
}
