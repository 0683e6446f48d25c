import { createHash, randomBytes } from 'node:crypto'
import { type Db, inTransaction } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { listMembershipsOfPerson } from '../membership/membership.service.ts'
import { isActiveOn } from '../membership/membership.ts'
import { swedishUtcOffsetHours } from '../shared/swedish-time.ts'
import { getUser, listGrantsOfUser, recordSignIn } from './account.repository.ts'
import { type SignedInUser, type SignInMethod, signInMethods, type UserAccount } from './account.ts'
import { deleteSession, findSession, insertSession, touchSession } from './session.repository.ts'

export { countSessionsOfUser } from './session.repository.ts'

/** A session ends after this long without a request (a working day) … */
export const sessionIdleMinutes = 8 * 60
/** … and after a week in any case. */
export const sessionMaxDays = 7
/** last_seen_at is written at most this often, so reading pages does not write on every request. */
const touchEverySeconds = 60

/** The session's id in the database: the token's SHA-256, so the table alone signs nobody in. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Signs the user in: returns the token for the cookie (shown only here) and when it expires. The
 * session keeps how it was signed in, which decides what the organisation's rules still ask.
 */
export async function startSession(
  db: Db,
  user: UserAccount,
  now = new Date(),
  method: SignInMethod = 'password',
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + sessionIdleMinutes * 60_000)
  await db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      id: sessionIdOf(token),
      user_id: user.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      method,
    })
    await recordSignIn(trx, user.id, now.toISOString())
    await recordAudit(
      trx,
      { kind: 'user', userId: user.id, name: user.name },
      'user.signed_in',
      { type: 'user_account', id: user.id },
      { after: { method } },
    )
  })
  return { token, expiresAt }
}

/**
 * The signed-in user of a session token, or undefined when the session is unknown, expired or the
 * account disabled. Each use moves the expiry on (sliding), up to the session's maximum age.
 */
export async function readSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<(SignedInUser & { sessionId: string; signInMethod: SignInMethod }) | undefined> {
  if (!token || token.length > 200) return undefined
  const id = sessionIdOf(token)
  const session = await findSession(db, id)
  if (!session) return undefined
  const user = await getUser(db, session.user_id)
  if (Date.parse(session.expires_at) <= now.getTime() || user.disabled) {
    await inTransaction(db, (trx) => deleteSession(trx, id))
    return undefined
  }
  if (now.getTime() - Date.parse(session.last_seen_at) >= touchEverySeconds * 1000) {
    const idle = now.getTime() + sessionIdleMinutes * 60_000
    const max = Date.parse(session.created_at) + sessionMaxDays * 86_400_000
    await inTransaction(db, (trx) =>
      touchSession(trx, id, now.toISOString(), new Date(Math.min(idle, max)).toISOString()),
    )
  }
  const today = swedishDay(now)
  const [grants, memberships] = await Promise.all([
    listGrantsOfUser(db, user.id),
    user.personId === null ? [] : listMembershipsOfPerson(db, user.personId),
  ])
  const seatCommitteeIds = [
    ...new Set(memberships.filter((m) => isActiveOn(m, today)).map((m) => m.committeeId)),
  ]
  const signInMethod = (signInMethods as readonly string[]).includes(session.method)
    ? (session.method as SignInMethod)
    : 'password'
  return { ...user, grants, seatCommitteeIds, sessionId: id, signInMethod }
}

/** Signs out of this session only. */
export async function endSession(db: Db, token: string): Promise<void> {
  await inTransaction(db, (trx) => deleteSession(trx, sessionIdOf(token)))
}

const swedishDay = (now: Date) =>
  new Date(now.getTime() + swedishUtcOffsetHours(now.getTime()) * 3_600_000).toISOString().slice(0, 10)
