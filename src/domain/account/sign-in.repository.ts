import type { Queryable, Trx } from '../../db/database.ts'
import { NotFoundError } from '../shared/errors.ts'

// SQL only, for how an account signs in beyond its password (migration 0027): the must-change
// flag of a handed-out password, TOTP, the organisation's requirement, and the sign-ins waiting
// for their second factor.

/** How the account signs in: what its pages demand, and its TOTP secret (never shown once confirmed). */
export interface SignInState {
  userId: number
  email: string
  mustChangePassword: boolean
  totpSecret: string | null
  totpPendingSecret: string | null
  totpEnabledAt: string | null
  totpLastStep: number | null
}

export async function getSignInState(db: Queryable, userId: number): Promise<SignInState> {
  const row = await db
    .selectFrom('user_account')
    .select([
      'id',
      'email',
      'must_change_password',
      'totp_secret',
      'totp_pending_secret',
      'totp_enabled_at',
      'totp_last_step',
    ])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('user', userId)
  return {
    userId: row.id,
    email: row.email,
    mustChangePassword: Boolean(row.must_change_password),
    totpSecret: row.totp_secret,
    totpPendingSecret: row.totp_pending_secret,
    totpEnabledAt: row.totp_enabled_at,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
  }
}

export async function setMustChangePassword(trx: Trx, userId: number, value: boolean) {
  await trx
    .updateTable('user_account')
    .set({ must_change_password: value })
    .where('id', '=', userId)
    .execute()
}

export async function setTotpPendingSecret(trx: Trx, userId: number, secret: string | null) {
  await trx
    .updateTable('user_account')
    .set({ totp_pending_secret: secret })
    .where('id', '=', userId)
    .execute()
}

/** Turns TOTP on with the secret, the step of the confirming code already used. */
export async function enableTotp(trx: Trx, userId: number, secret: string, step: number, at: string) {
  await trx
    .updateTable('user_account')
    .set({ totp_secret: secret, totp_pending_secret: null, totp_enabled_at: at, totp_last_step: step })
    .where('id', '=', userId)
    .execute()
}

export async function clearTotp(trx: Trx, userId: number) {
  await trx
    .updateTable('user_account')
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute()
}

/**
 * Records the step as used, only when it is later than the last one: false when another request
 * (on this or another app server) used it first, so one code signs in once.
 */
export async function claimTotpStep(trx: Trx, userId: number, step: number): Promise<boolean> {
  const result = await trx
    .updateTable('user_account')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where('totp_secret', 'is not', null)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Whether any organisation the user administers requires TOTP of its administrators. */
export async function administersOrganisationNeedingTotp(db: Queryable, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('role_grant')
    .innerJoin('organisation', 'organisation.id', 'role_grant.organisation_id')
    .select('role_grant.id')
    .where('role_grant.user_id', '=', userId)
    .where('role_grant.role', '=', 'administrator')
    .where('organisation.administrators_need_totp', '=', true)
    .executeTakeFirst()
  return row !== undefined
}

export async function organisationNeedsTotp(db: Queryable, organisationId: number): Promise<boolean> {
  const row = await db
    .selectFrom('organisation')
    .select('administrators_need_totp')
    .where('id', '=', organisationId)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('organisation', organisationId)
  return Boolean(row.administrators_need_totp)
}

export async function setOrganisationNeedsTotp(trx: Trx, organisationId: number, value: boolean) {
  await trx
    .updateTable('organisation')
    .set({ administrators_need_totp: value })
    .where('id', '=', organisationId)
    .execute()
}

/** A sign-in waiting for its second factor. */
export interface SignInChallenge {
  id: string
  userId: number
  returnTo: string
  expiresAt: string
}

export async function insertSignInChallenge(trx: Trx, challenge: SignInChallenge, now: Date) {
  await trx.deleteFrom('sign_in_challenge').where('expires_at', '<', now.toISOString()).execute()
  await trx
    .insertInto('sign_in_challenge')
    .values({
      id: challenge.id,
      user_id: challenge.userId,
      return_to: challenge.returnTo,
      expires_at: challenge.expiresAt,
    })
    .execute()
}

export async function findSignInChallenge(
  db: Queryable,
  id: string,
  now: Date,
): Promise<SignInChallenge | undefined> {
  const row = await db.selectFrom('sign_in_challenge').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || new Date(row.expires_at).getTime() < now.getTime()) return undefined
  return { id: row.id, userId: row.user_id, returnTo: row.return_to, expiresAt: row.expires_at }
}

export async function deleteSignInChallenge(trx: Trx, id: string) {
  await trx.deleteFrom('sign_in_challenge').where('id', '=', id).execute()
}
