import type { Queryable, Trx } from '../../db/database.ts'
import { forUpdate } from '../../db/dialect.ts'
import type { Selected } from '../../db/schema.ts'
import type { Role, RoleGrant } from './account.ts'
import type { AccountSummary } from './user-admin.ts'

// SQL for keeping the organisation's accounts. Which accounts are the organisation's: those it
// opened, those with a role in it, and those linked to a person of its register.

const toSummary = (row: Selected<'user_account'>, grants: RoleGrant[]): AccountSummary => ({
  id: row.id,
  email: row.email,
  name: row.name,
  personId: row.person_id,
  disabled: Boolean(row.disabled),
  createdAt: row.created_at,
  passwordChangedAt: row.password_changed_at,
  homeOrganisationId: row.organisation_id,
  lastSignedInAt: row.last_signed_in_at,
  grants: grants.filter((g) => g.userId === row.id),
})

const toGrant = (row: Selected<'role_grant'>): RoleGrant => ({
  id: row.id,
  userId: row.user_id,
  role: row.role as Role,
  organisationId: row.organisation_id,
  committeeId: row.committee_id,
})

/** The organisation's accounts by name, each with its roles in the organisation (not elsewhere). */
export async function listAccountsOfOrganisation(
  db: Queryable,
  organisationId: number,
  userId?: number,
): Promise<AccountSummary[]> {
  let query = db
    .selectFrom('user_account')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('organisation_id', '=', organisationId),
        eb(
          'id',
          'in',
          eb.selectFrom('role_grant').select('user_id').where('organisation_id', '=', organisationId),
        ),
        eb(
          'person_id',
          'in',
          eb.selectFrom('person').select('id').where('organisation_id', '=', organisationId),
        ),
      ]),
    )
  if (userId !== undefined) query = query.where('id', '=', userId)
  const rows = await query.orderBy('name').orderBy('id').execute()
  if (rows.length === 0) return []
  const grants = await db
    .selectFrom('role_grant')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where(
      'user_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute()
  return rows.map((row) => toSummary(row, grants.map(toGrant)))
}

/**
 * Makes the organisation the account's home unless it has one, so an account whose last role is
 * taken back stays in the organisation's list.
 */
export async function claimHomeOrganisation(trx: Trx, userId: number, organisationId: number) {
  await trx
    .updateTable('user_account')
    .set({ organisation_id: organisationId })
    .where('id', '=', userId)
    .where('organisation_id', 'is', null)
    .execute()
}

export async function setHomeOrganisation(trx: Trx, userId: number, organisationId: number) {
  await trx
    .updateTable('user_account')
    .set({ organisation_id: organisationId })
    .where('id', '=', userId)
    .execute()
}

export async function setDisabled(trx: Trx, userId: number, disabled: boolean) {
  await trx.updateTable('user_account').set({ disabled }).where('id', '=', userId).execute()
}

export async function setPerson(trx: Trx, userId: number, personId: number | null) {
  await trx.updateTable('user_account').set({ person_id: personId }).where('id', '=', userId).execute()
}

/** The account linked to the person, if any. */
export async function findUserIdOfPerson(db: Queryable, personId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('user_account')
    .select('id')
    .where('person_id', '=', personId)
    .executeTakeFirst()
  return row?.id
}

/**
 * The enabled accounts holding the administrator role of the organisation. Locks the organisation's
 * row first on PostgreSQL, so two administrators removing each other at once cannot both succeed.
 */
export async function listEnabledAdministratorIds(trx: Trx, organisationId: number): Promise<number[]> {
  await forUpdate(trx, trx.selectFrom('organisation').select('id').where('id', '=', organisationId)).execute()
  const rows = await trx
    .selectFrom('role_grant')
    .innerJoin('user_account', 'user_account.id', 'role_grant.user_id')
    .select('user_account.id')
    .where('role_grant.organisation_id', '=', organisationId)
    .where('role_grant.role', '=', 'administrator')
    .where('user_account.disabled', '=', false)
    .execute()
  return [...new Set(rows.map((r) => r.id))]
}
