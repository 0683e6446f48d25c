import { type Db, inTransaction } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import type { Actor } from '../shared/actor.ts'
import { DomainError, InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import {
  findUserWithHash,
  getPasswordHash,
  getUser,
  insertUser,
  updatePasswordHash,
} from './account.repository.ts'
import { isEmail, maxPasswordLength, minPasswordLength, normaliseEmail, type UserAccount } from './account.ts'
import {
  deleteLoginAttemptsBefore,
  latestSuccess,
  listRecentFailures,
  recordLoginAttempt,
} from './login-attempt.repository.ts'
import {
  maxFailuresPerAccount,
  maxFailuresPerAddress,
  pairFailuresCounted,
  pairRetryAt,
  pairWindowHours,
  retryAfter,
  throttleWindowMinutes,
  trustedAddressHours,
} from './login-throttle.ts'
import { hashPassword, verifyPassword } from './password.ts'
import { deleteSessionsOfUser } from './session.repository.ts'
import { getSignInState, setMustChangePassword } from './sign-in.repository.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    wrong_credentials: undefined
    throttled: undefined
    account_name_length: undefined
    email_has_account: undefined
    current_password_wrong: undefined
    new_password_is_current: undefined
    password_changed_meanwhile: undefined
    password_too_short: undefined
    password_too_long: undefined
  }
}

export { getUser } from './account.repository.ts'

/** Users' names by their audit-log actor ("user:7"), for showing who changed what. */
export async function findUserNames(db: Db, ids: readonly number[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('user_account')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [`user:${r.id}`, r.name]))
}

/** The account of an e-mail address (any case), if there is one. */
export async function findUserByEmail(db: Db, email: string): Promise<UserAccount | undefined> {
  return (await findUserWithHash(db, normaliseEmail(email)))?.user
}
export { grantRole, listGrants, revokeRole } from './role-grant.service.ts'

/** A login that was refused: wrong e-mail or password, or too many failures lately (then `retryAt`). */
export class LoginRefusedError extends DomainError<'wrong_credentials' | 'throttled'> {
  constructor(
    reason: 'wrong_credentials' | 'throttled',
    readonly retryAt?: Date,
  ) {
    super(
      'forbidden',
      reason,
      reason === 'throttled'
        ? `too many failed logins, retry at ${retryAt?.toISOString()}`
        : 'wrong e-mail or password',
    )
  }
}

export interface CreateUserInput {
  email: string
  name: string
  password: string
  personId?: number | null
}

/** Opens an account. The e-mail address is the login, unique without regard to case. */
export async function createUser(db: Db, actor: Actor, input: CreateUserInput, now = new Date()) {
  const email = normaliseEmail(input.email)
  if (!isEmail(email))
    throw new InvalidInputError('email_malformed', 'the e-mail address is malformed', 'email')
  const name = input.name.trim()
  if (!name || name.length > 200)
    throw new InvalidInputError('account_name_length', 'a name of 1–200 characters is needed', 'name')
  assertPasswordRules(input.password, 'password')
  const passwordHash = await hashPassword(input.password)
  return inTransaction(db, async (trx) => {
    if (await findUserWithHash(trx, email))
      throw new InvalidInputError('email_has_account', `${email} has an account`, 'email')
    const user = await insertUser(trx, {
      email,
      name,
      passwordHash,
      personId: input.personId ?? null,
      at: now.toISOString(),
    })
    await recordAudit(trx, actor, 'user.created', { type: 'user_account', id: user.id }, { after: user })
    return user
  })
}

/**
 * Checks an e-mail address and password. Refuses without checking the password while failures
 * call for a wait (login-throttle.ts: per account and address, per address, per account) and
 * tells when to try again. Every attempt is recorded in the database, so the counts hold across
 * app servers.
 */
export async function authenticate(
  db: Db,
  input: {
    email: string
    password: string
    ip: string
    /** false when a second factor follows: its code records the success (second-factor.service). */
    recordSuccess?: boolean
  },
  now = new Date(),
): Promise<UserAccount> {
  const email = normaliseEmail(input.email)
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()
  const retryAt = await loginRetryAt(db, { email, ip: input.ip }, now)
  if (retryAt) throw new LoginRefusedError('throttled', retryAt)

  const found = await findUserWithHash(db, email)
  const matches = await verifyPassword(found?.user.disabled ? undefined : found?.passwordHash, input.password)
  // A right password before a second factor is no success yet: recorded, it would forgive the
  // failed codes before it, and a guesser who has the password could try codes without end.
  if (!matches || input.recordSuccess !== false)
    await inTransaction(db, (trx) =>
      recordLoginAttempt(trx, { email, ip: input.ip, at: now.toISOString(), succeeded: matches }),
    )
  if (!matches || !found) {
    // Old attempts no longer count: forget them (a day is ample) to keep the table small.
    await inTransaction(db, (trx) =>
      deleteLoginAttemptsBefore(trx, ago(Math.max(pairWindowHours, trustedAddressHours) * 3_600_000)),
    )
    throw new LoginRefusedError('wrong_credentials')
  }
  return found.user
}

/**
 * When the account may be tried again from the address, or undefined when it may now: the counts
 * of login-throttle.ts over every failure recorded (wrong passwords and wrong second-factor codes).
 */
export async function loginRetryAt(
  db: Db,
  by: { email: string; ip: string },
  now = new Date(),
): Promise<Date | undefined> {
  const email = normaliseEmail(by.email)
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()
  const window = ago(throttleWindowMinutes * 60_000)
  const [byPair, byAddress, byAccount, trusted] = await Promise.all([
    listRecentFailures(db, { email, ip: by.ip }, ago(pairWindowHours * 3_600_000), pairFailuresCounted),
    listRecentFailures(db, { ip: by.ip }, window, maxFailuresPerAddress),
    listRecentFailures(db, { email }, window, maxFailuresPerAccount),
    latestSuccess(db, { email, ip: by.ip }, ago(trustedAddressHours * 3_600_000)),
  ])
  return [
    pairRetryAt(byPair),
    trusted ? undefined : retryAfter(byAddress, maxFailuresPerAddress),
    trusted ? undefined : retryAfter(byAccount, maxFailuresPerAccount),
  ]
    .filter((d): d is Date => d !== undefined && d > now)
    .sort((a, b) => b.getTime() - a.getTime())[0]
}

/**
 * Changes a user's own password after re-entering the current one. Every other session of the user
 * ends, so a stolen session does not outlive the change.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { userId: number; currentPassword: string; newPassword: string; keepSessionId?: string },
  now = new Date(),
): Promise<void> {
  const verifiedHash = await getPasswordHash(db, input.userId)
  if (!(await verifyPassword(verifiedHash, input.currentPassword)))
    throw new InvalidInputError('current_password_wrong', 'the current password is wrong', 'currentPassword')
  assertPasswordRules(input.newPassword, 'newPassword')
  if (input.newPassword === input.currentPassword)
    throw new InvalidInputError(
      'new_password_is_current',
      'the new password is the current one',
      'newPassword',
    )
  const newHash = await hashPassword(input.newPassword)
  await db.transaction().execute(async (trx) => {
    // Changed by someone else (another tab) between the check and now: start over.
    if ((await getPasswordHash(trx, input.userId)) !== verifiedHash)
      throw new InvalidStateError('password_changed_meanwhile', 'the password was changed meanwhile')
    await updatePasswordHash(trx, input.userId, newHash, now.toISOString())
    // A handed-out password, once changed, no longer holds the user on the change form.
    const { mustChangePassword } = await getSignInState(trx, input.userId)
    if (mustChangePassword) await setMustChangePassword(trx, input.userId, false)
    const ended = await deleteSessionsOfUser(trx, input.userId, input.keepSessionId)
    const user = await getUser(trx, input.userId)
    await recordAudit(
      trx,
      actor,
      'user.password_changed',
      { type: 'user_account', id: user.id },
      {
        after: {
          passwordChangedAt: user.passwordChangedAt,
          otherSessionsEnded: ended,
          ...(mustChangePassword ? { handedOutPasswordReplaced: true } : {}),
        },
      },
    )
  })
}

/** Ends every session of the user, on every device: they must sign in again everywhere. */
export async function logoutEverywhere(db: Db, actor: Actor, userId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await getUser(trx, userId)
    const ended = await deleteSessionsOfUser(trx, userId)
    await recordAudit(
      trx,
      actor,
      'user.signed_out_everywhere',
      { type: 'user_account', id: userId },
      {
        after: { sessionsEnded: ended },
      },
    )
    return ended
  })
}

function assertPasswordRules(password: string, field: string) {
  if (password.length < minPasswordLength)
    throw new InvalidInputError(
      'password_too_short',
      `the password needs at least ${minPasswordLength} characters`,
      field,
    )
  if (password.length > maxPasswordLength)
    throw new InvalidInputError(
      'password_too_long',
      `the password may have at most ${maxPasswordLength} characters`,
      field,
    )
}
