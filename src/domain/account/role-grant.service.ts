import { type Db, inTransaction } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError, NotFoundError } from '../shared/errors.ts'
import { deleteGrant, findGrant, getUser, insertGrant, listGrantsOfUser } from './account.repository.ts'
import { isRole, type RoleGrant } from './account.ts'
import { claimHomeOrganisation, listEnabledAdministratorIds } from './user-admin.repository.ts'
import { AccountChangeRefusedError } from './user-admin.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    unknown_role: undefined
    administrator_not_per_committee: undefined
    committee_of_other_organisation: undefined
  }
}

export const listGrants = listGrantsOfUser

/**
 * Gives a user a role in an organisation, or for one committee (and its utskott). An administrator
 * always holds the whole organisation. Granting a role the user has changes nothing.
 */
export async function grantRole(
  db: Db,
  actor: Actor,
  input: { userId: number; role: string; organisationId: number; committeeId?: number | null },
): Promise<RoleGrant> {
  const role = input.role
  if (!isRole(role)) throw new InvalidInputError('unknown_role', `unknown role ${role}`, 'role')
  const committeeId = input.committeeId ?? null
  if (role === 'administrator' && committeeId !== null)
    throw new InvalidInputError(
      'administrator_not_per_committee',
      'an administrator holds the whole organisation',
      'committeeId',
    )
  return inTransaction(db, async (trx) => {
    await getUser(trx, input.userId)
    if (committeeId !== null) {
      const committee = await getCommittee(trx, committeeId)
      if (committee.organisationId !== input.organisationId)
        throw new InvalidInputError(
          'committee_of_other_organisation',
          'the committee belongs to another organisation',
          'committeeId',
        )
    }
    const held = (await listGrantsOfUser(trx, input.userId)).find(
      (g) => g.role === role && g.organisationId === input.organisationId && g.committeeId === committeeId,
    )
    if (held) return held
    await claimHomeOrganisation(trx, input.userId, input.organisationId)
    const grant = await insertGrant(trx, {
      userId: input.userId,
      role,
      organisationId: input.organisationId,
      committeeId,
    })
    await recordAudit(trx, actor, 'user.role_granted', auditRef(grant), { after: grant })
    return grant
  })
}

/**
 * Takes a role back. The organisation's last enabled administrator keeps the role, so there is
 * always someone who can manage its accounts.
 */
export async function revokeRole(db: Db, actor: Actor, grantId: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const grant = await findGrant(trx, grantId)
    if (!grant) throw new NotFoundError('role grant', grantId)
    if (grant.role === 'administrator') {
      const others = (await listEnabledAdministratorIds(trx, grant.organisationId)).filter(
        (id) => id !== grant.userId,
      )
      if (others.length === 0) throw new AccountChangeRefusedError('last_administrator')
    }
    await deleteGrant(trx, grantId)
    await recordAudit(trx, actor, 'user.role_revoked', auditRef(grant), { before: grant })
  })
}

const auditRef = (g: RoleGrant) => ({ type: 'user_account', id: g.userId, organisationId: g.organisationId })
