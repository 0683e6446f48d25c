import { createHash, randomBytes } from 'node:crypto'
import { type Db, inTransaction } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import type { Actor } from '../shared/actor.ts'
import { DomainError, InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { assertAllowed, mayManageOrganisation } from './access.policy.ts'
import { getUser, listGrantsOfUser } from './account.repository.ts'
import { authenticate, LoginRefusedError, loginRetryAt } from './account.service.ts'
import { normaliseEmail, type SignedInUser, type SignInMethod, type UserAccount } from './account.ts'
import { deleteLoginAttemptsBefore, recordLoginAttempt } from './login-attempt.repository.ts'
import {
  administersOrganisationNeedingTotp,
  claimTotpStep,
  clearTotp,
  deleteSignInChallenge,
  enableTotp,
  findSignInChallenge,
  getSignInState,
  insertSignInChallenge,
  organisationNeedsTotp,
  setOrganisationNeedsTotp,
  setTotpPendingSecret,
} from './sign-in.repository.ts'
import { acceptedStep, newTotpSecret } from './totp.ts'
import type { TotpSecretBox } from './totp-secret-box.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    wrong_code: undefined
    expired: undefined
    totp_already_on: undefined
    totp_enrolment_missing: undefined
    totp_code_mismatch: undefined
    totp_required: undefined
    totp_code_wrong: undefined
  }
}

// A password account's second factor (TOTP, RFC 6238) and what a signed-in user must do before
// working: change a handed-out password, or enrol TOTP where the organisation requires it of its
// administrators. Wrong codes count as failed logins (login-throttle.ts), so guessing a code is
// slowed exactly as guessing a password is.

/** How long the code may take after the password: five minutes. */
export const challengeMinutes = 5

/** The code was wrong, or the sign-in it belongs to is unknown or too old. */
export class SecondFactorRefusedError extends DomainError<'wrong_code' | 'expired'> {
  constructor(reason: 'wrong_code' | 'expired') {
    super('forbidden', reason, reason === 'expired' ? 'the sign-in expired: start again' : 'wrong code')
  }
}

export type PasswordSignIn =
  | { kind: 'signed_in'; user: UserAccount }
  /** The password was right; the code comes next, in the sign-in this token names (a cookie). */
  | { kind: 'second_factor'; token: string }

const challengeIdOf = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Checks the e-mail address and password (authenticate, with its slow-down). An account with TOTP
 * is not signed in yet: a sign-in waiting for its code is kept in the database, named by a token.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string; returnTo: string },
  now = new Date(),
): Promise<PasswordSignIn> {
  const email = normaliseEmail(input.email)
  const withTotp = await db
    .selectFrom('user_account')
    .select('id')
    .where('email', '=', email)
    .where('totp_secret', 'is not', null)
    .executeTakeFirst()
  const user = await authenticate(db, { ...input, recordSuccess: !withTotp }, now)
  if (!withTotp) return { kind: 'signed_in', user }
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + challengeMinutes * 60_000).toISOString()
  await inTransaction(db, (trx) =>
    insertSignInChallenge(
      trx,
      { id: challengeIdOf(token), userId: user.id, returnTo: input.returnTo, expiresAt },
      now,
    ),
  )
  return { kind: 'second_factor', token }
}

/**
 * The second step: the code of the user's authenticator for the sign-in the token names. Refused
 * while failures call for a wait (as a password is); a wrong code is a failed login; a code is
 * accepted once (its time step is recorded), so a code seen on the way cannot be used again.
 */
export async function passSecondFactor(
  db: Db,
  input: { token: string; code: string; ip: string; secrets: TotpSecretBox },
  now = new Date(),
): Promise<{ user: UserAccount; returnTo: string }> {
  const challenge = input.token ? await findSignInChallenge(db, challengeIdOf(input.token), now) : undefined
  if (!challenge) throw new SecondFactorRefusedError('expired')
  const user = await getUser(db, challenge.userId)
  const retryAt = await loginRetryAt(db, { email: user.email, ip: input.ip }, now)
  if (retryAt) throw new LoginRefusedError('throttled', retryAt)
  const state = await getSignInState(db, user.id)
  const step =
    state.totpSecret && !user.disabled
      ? acceptedStep(input.secrets.open(user.id, state.totpSecret), input.code, now, state.totpLastStep)
      : undefined
  const passed = step !== undefined && (await inTransaction(db, (trx) => claimTotpStep(trx, user.id, step)))
  await inTransaction(db, (trx) =>
    recordLoginAttempt(trx, { email: user.email, ip: input.ip, at: now.toISOString(), succeeded: passed }),
  )
  if (!passed) {
    await inTransaction(db, (trx) =>
      deleteLoginAttemptsBefore(trx, new Date(now.getTime() - 86_400_000).toISOString()),
    )
    throw new SecondFactorRefusedError('wrong_code')
  }
  await inTransaction(db, (trx) => deleteSignInChallenge(trx, challenge.id))
  return { user, returnTo: challenge.returnTo }
}

/** What the signed-in user must do before any other workspace page: nothing, in most cases. */
export type SignInDemand = 'change_password' | 'enrol_totp' | undefined

/**
 * The organisation's TOTP rule asks a second factor of a password sign-in only: a session signed
 * in through the identity provider has passed the provider's own (which Paragraf cannot see).
 */
export async function signInDemandOf(
  db: Db,
  user: Pick<SignedInUser, 'id' | 'grants'> & { signInMethod?: SignInMethod },
): Promise<SignInDemand> {
  const state = await getSignInState(db, user.id)
  if (state.mustChangePassword) return 'change_password'
  if (user.signInMethod === 'oidc') return undefined
  if (state.totpSecret || !user.grants.some((g) => g.role === 'administrator')) return undefined
  return (await administersOrganisationNeedingTotp(db, user.id)) ? 'enrol_totp' : undefined
}

/** Whether TOTP is on for the user, or they must turn it on. */
export async function secondFactorOf(
  db: Db,
  userId: number,
): Promise<{ enabledAt: string | null; required: boolean }> {
  const state = await getSignInState(db, userId)
  return {
    enabledAt: state.totpSecret ? state.totpEnabledAt : null,
    required: await administersOrganisationNeedingTotp(db, userId),
  }
}

/** The secret to enrol: the one shown before, until it is confirmed, or a new one (kept sealed). */
export async function startTotpEnrolment(db: Db, userId: number, secrets: TotpSecretBox): Promise<string> {
  return inTransaction(db, async (trx) => {
    const state = await getSignInState(trx, userId)
    if (state.totpSecret) throw new InvalidStateError('totp_already_on', 'TOTP is already on')
    if (state.totpPendingSecret) return secrets.open(userId, state.totpPendingSecret)
    const secret = newTotpSecret()
    await setTotpPendingSecret(trx, userId, secrets.seal(userId, secret))
    return secret
  })
}

/** Turns TOTP on once a code of the secret shown proves the authenticator holds it. */
export async function confirmTotpEnrolment(
  db: Db,
  actor: Actor,
  input: { userId: number; code: string; secrets: TotpSecretBox },
  now = new Date(),
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const state = await getSignInState(trx, input.userId)
    if (state.totpSecret) throw new InvalidStateError('totp_already_on', 'TOTP is already on')
    if (!state.totpPendingSecret)
      throw new InvalidStateError('totp_enrolment_missing', 'no TOTP enrolment under way')
    const step = acceptedStep(
      input.secrets.open(input.userId, state.totpPendingSecret),
      input.code,
      now,
      null,
    )
    if (step === undefined)
      throw new InvalidInputError('totp_code_mismatch', 'the code does not match the secret', 'code')
    await enableTotp(trx, input.userId, state.totpPendingSecret, step, now.toISOString())
    await recordAudit(
      trx,
      actor,
      'user.totp_enrolled',
      { type: 'user_account', id: input.userId },
      {
        after: { totpEnabledAt: now.toISOString() },
      },
    )
  })
}

/**
 * Turns the user's own TOTP off, with a current code (a session left open cannot). Refused for an
 * administrator of an organisation that requires it.
 */
export async function turnOffTotp(
  db: Db,
  actor: Actor,
  input: { userId: number; code: string; secrets: TotpSecretBox },
  now = new Date(),
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const state = await getSignInState(trx, input.userId)
    if (!state.totpSecret) return
    if (await administersOrganisationNeedingTotp(trx, input.userId))
      throw new InvalidStateError('totp_required', 'the organisation requires TOTP of its administrators')
    const step = acceptedStep(
      input.secrets.open(input.userId, state.totpSecret),
      input.code,
      now,
      state.totpLastStep,
    )
    if (step === undefined || !(await claimTotpStep(trx, input.userId, step)))
      throw new InvalidInputError('totp_code_wrong', 'wrong or used code', 'code')
    await clearTotp(trx, input.userId)
    await recordAudit(
      trx,
      actor,
      'user.totp_turned_off',
      { type: 'user_account', id: input.userId },
      {
        before: { totpEnabledAt: state.totpEnabledAt },
        after: { totpEnabledAt: null },
      },
    )
  })
}

export { organisationNeedsTotp } from './sign-in.repository.ts'

/**
 * Whether the organisation's administrators must sign in with TOTP besides their password. An
 * administrator without it is led to enrol at their next page.
 */
export async function setAdministratorsNeedTotp(
  db: Db,
  actor: Actor,
  organisationId: number,
  value: boolean,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (actor.kind === 'user')
      assertAllowed(
        mayManageOrganisation(
          { grants: await listGrantsOfUser(trx, actor.userId), seatCommitteeIds: [], personId: null },
          organisationId,
        ),
        'organisation sign-in settings',
      )
    const before = await organisationNeedsTotp(trx, organisationId)
    if (before === value) return
    await setOrganisationNeedsTotp(trx, organisationId, value)
    await recordAudit(
      trx,
      actor,
      'organisation.administrators_totp_changed',
      { type: 'organisation', id: organisationId, organisationId },
      { before: { administratorsNeedTotp: before }, after: { administratorsNeedTotp: value } },
    )
  })
}
