import type { Queryable, Trx } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import { NotFoundError } from '../shared/errors.ts'
import type { Role, RoleGrant, UserAccount } from './account.ts'

const toUser = (row: Selected<'user_account'>): UserAccount => ({
  id: row.id,
  email: row.email,
  name: row.name,
  personId: row.person_id,
  disabled: Boolean(row.disabled),
  createdAt: row.created_at,
  passwordChangedAt: row.password_changed_at,
})

const toGrant = (row: Selected<'role_grant'>): RoleGrant => ({
  id: row.id,
  userId: row.user_id,
  role: row.role as Role,
  organisationId: row.organisation_id,
  committeeId: row.committee_id,
})

export async function getUser(db: Queryable, id: number): Promise<UserAccount> {
  const row = await db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('user', id)
  return toUser(row)
}

/** The user and their password hash, for checking a password; the hash never leaves the domain. */
export async function findUserWithHash(
  db: Queryable,
  email: string,
): Promise<{ user: UserAccount; passwordHash: string } | undefined> {
  const row = await db.selectFrom('user_account').selectAll().where('email', '=', email).executeTakeFirst()
  return row && { user: toUser(row), passwordHash: row.password_hash }
}

export async function getPasswordHash(db: Queryable, userId: number): Promise<string> {
  const row = await db
    .selectFrom('user_account')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('user', userId)
  return row.password_hash
}

export async function insertUser(
  trx: Trx,
  values: { email: string; name: string; passwordHash: string; personId: number | null; at: string },
): Promise<UserAccount> {
  const row = await trx
    .insertInto('user_account')
    .values({
      email: values.email,
      name: values.name,
      password_hash: values.passwordHash,
      person_id: values.personId,
      created_at: values.at,
      password_changed_at: values.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toUser(row)
}

export async function updatePasswordHash(trx: Trx, userId: number, passwordHash: string, at: string) {
  await trx
    .updateTable('user_account')
    .set({ password_hash: passwordHash, password_changed_at: at })
    .where('id', '=', userId)
    .execute()
}

/** Remembers when the user last signed in, for the administrator's list of accounts. */
export async function recordSignIn(trx: Trx, userId: number, at: string) {
  await trx.updateTable('user_account').set({ last_signed_in_at: at }).where('id', '=', userId).execute()
}

export async function listGrantsOfUser(db: Queryable, userId: number): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('role_grant')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute()
  return rows.map(toGrant)
}

export async function findGrant(db: Queryable, id: number): Promise<RoleGrant | undefined> {
  const row = await db.selectFrom('role_grant').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toGrant(row)
}

export async function insertGrant(trx: Trx, values: Omit<RoleGrant, 'id'>): Promise<RoleGrant> {
  const row = await trx
    .insertInto('role_grant')
    .values({
      user_id: values.userId,
      role: values.role,
      organisation_id: values.organisationId,
      committee_id: values.committeeId,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toGrant(row)
}

export async function deleteGrant(trx: Trx, id: number) {
  await trx.deleteFrom('role_grant').where('id', '=', id).execute()
}
