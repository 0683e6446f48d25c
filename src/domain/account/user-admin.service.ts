import { type Db, inTransaction, type Queryable, type Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getPerson } from '../person/person.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError, NotFoundError } from '../shared/errors.ts'
import { assertAllowed, mayManageUsers } from './access.policy.ts'
import { getUser, listGrantsOfUser, updatePasswordHash } from './account.repository.ts'
import { createUser } from './account.service.ts'
import { isRole, type UserAccount } from './account.ts'
import { generatePassword, hashPassword } from './password.ts'
import { grantRole, revokeRole } from './role-grant.service.ts'
import { deleteSessionsOfUser } from './session.repository.ts'
import { clearTotp, getSignInState, setMustChangePassword } from './sign-in.repository.ts'
import {
  findUserIdOfPerson,
  listAccountsOfOrganisation,
  listEnabledAdministratorIds,
  setDisabled,
  setHomeOrganisation,
  setPerson,
} from './user-admin.repository.ts'
import { AccountChangeRefusedError, type AccountSummary, otherOrganisationsOf } from './user-admin.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    person_of_other_organisation: undefined
  }
}

// The administrator's use cases for the organisation's accounts. Each checks, inside its own
// transaction, that the actor administers the organisation and that the account is the
// organisation's, so a route that forgot to ask the policy still cannot change another's account.

export { listAccountsOfOrganisation } from './user-admin.repository.ts'

/** One account of the organisation; `not_found` when the account is not the organisation's. */
export async function getAccountOfOrganisation(
  db: Queryable,
  organisationId: number,
  userId: number,
): Promise<AccountSummary> {
  const [account] = await listAccountsOfOrganisation(db, organisationId, userId)
  if (!account) throw new NotFoundError('user of organisation', userId)
  return account
}

export interface OpenAccountInput {
  organisationId: number
  email: string
  name: string
  /** null or absent: an account without a role (a member who reads and signs through their person). */
  role?: string | null
  committeeId?: number | null
  personId?: number | null
}

/**
 * Opens an account for the organisation, with a role and a linked person if given. Returns the
 * generated one-time password: it exists only in this return value, never stored in clear.
 */
export async function openAccount(
  db: Db,
  actor: Actor,
  input: OpenAccountInput,
): Promise<{ user: UserAccount; password: string }> {
  if (input.role && !isRole(input.role))
    throw new InvalidInputError('unknown_role', `unknown role ${input.role}`, 'role')
  const password = generatePassword()
  const user = await inTransaction(db, async (trx) => {
    await assertActorManagesUsers(trx, actor, input.organisationId)
    const personId = input.personId ?? null
    if (personId !== null) await assertPersonLinkable(trx, input.organisationId, personId, undefined)
    const user = await createUser(trx, actor, { email: input.email, name: input.name, password, personId })
    await setHomeOrganisation(trx, user.id, input.organisationId)
    await requirePasswordChange(trx, actor, user.id, input.organisationId)
    if (input.role)
      await grantRole(trx, actor, {
        userId: user.id,
        role: input.role,
        organisationId: input.organisationId,
        committeeId: input.committeeId ?? null,
      })
    return user
  })
  return { user, password }
}

/** Gives one of the organisation's accounts a role in it (see grantRole). */
export async function grantAccountRole(
  db: Db,
  actor: Actor,
  input: { organisationId: number; userId: number; role: string; committeeId: number | null },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await assertActorManagesUsers(trx, actor, input.organisationId)
    await getAccountOfOrganisation(trx, input.organisationId, input.userId)
    await grantRole(trx, actor, input)
  })
}

/** Takes a role in the organisation back; refused for its last enabled administrator (see revokeRole). */
export async function revokeAccountRole(
  db: Db,
  actor: Actor,
  input: { organisationId: number; userId: number; grantId: number },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await assertActorManagesUsers(trx, actor, input.organisationId)
    const account = await getAccountOfOrganisation(trx, input.organisationId, input.userId)
    if (!account.grants.some((g) => g.id === input.grantId))
      throw new NotFoundError('role grant', input.grantId)
    await revokeRole(trx, actor, input.grantId)
  })
}

/**
 * Links the account to a person of the organisation's register (null: unlinks it). The person's
 * seats then give the user their rights as a member; a person has at most one account.
 */
export async function linkPerson(
  db: Db,
  actor: Actor,
  input: { organisationId: number; userId: number; personId: number | null },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await assertActorManagesUsers(trx, actor, input.organisationId)
    const account = await getAccountOfOrganisation(trx, input.organisationId, input.userId)
    if (
      account.personId !== null &&
      (await getPerson(trx, account.personId)).organisationId !== input.organisationId
    )
      throw new AccountChangeRefusedError('other_organisation')
    if (input.personId !== null)
      await assertPersonLinkable(trx, input.organisationId, input.personId, account.id)
    if (account.personId === input.personId) return
    await setPerson(trx, account.id, input.personId)
    await recordAudit(
      trx,
      actor,
      input.personId === null ? 'user.person_unlinked' : 'user.person_linked',
      { type: 'user_account', id: account.id, organisationId: input.organisationId },
      { before: { personId: account.personId }, after: { personId: input.personId } },
    )
  })
}

/**
 * Disables the account: its user cannot sign in, and every session of theirs ends at once. Nobody
 * disables their own account, and the organisation keeps an enabled administrator.
 */
export async function disableAccount(
  db: Db,
  actor: Actor,
  input: { organisationId: number; userId: number },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const account = await accountForWholeChange(trx, actor, input)
    if (account.disabled) return
    if (account.grants.some((g) => g.role === 'administrator')) {
      const others = (await listEnabledAdministratorIds(trx, input.organisationId)).filter(
        (id) => id !== account.id,
      )
      if (others.length === 0) throw new AccountChangeRefusedError('last_administrator')
    }
    await setDisabled(trx, account.id, true)
    const sessionsEnded = await deleteSessionsOfUser(trx, account.id)
    await recordAudit(trx, actor, 'user.disabled', auditRef(account, input.organisationId), {
      after: { disabled: true, sessionsEnded },
    })
  })
}

/** Lets a disabled account sign in again (with the password it had). */
export async function enableAccount(
  db: Db,
  actor: Actor,
  input: { organisationId: number; userId: number },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const account = await accountForWholeChange(trx, actor, input)
    if (!account.disabled) return
    await setDisabled(trx, account.id, false)
    await recordAudit(trx, actor, 'user.enabled', auditRef(account, input.organisationId), {
      after: { disabled: false },
    })
  })
}

/**
 * Gives the account a new generated password and ends all its sessions, so the old password and
 * every signed-in device stop working at once. Returns the password: shown once, never stored in clear.
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  input: { organisationId: number; userId: number },
  now = new Date(),
): Promise<string> {
  const password = generatePassword()
  const passwordHash = await hashPassword(password)
  await inTransaction(db, async (trx) => {
    const account = await accountForWholeChange(trx, actor, input)
    await updatePasswordHash(trx, account.id, passwordHash, now.toISOString())
    const sessionsEnded = await deleteSessionsOfUser(trx, account.id)
    await recordAudit(trx, actor, 'user.password_reset', auditRef(account, input.organisationId), {
      after: { passwordChangedAt: now.toISOString(), sessionsEnded },
    })
    await requirePasswordChange(trx, actor, account.id, input.organisationId)
  })
  return password
}

/**
 * A password handed out by someone else (a new account's, a reset) is known to two people: its
 * user must choose their own at first login before any workspace page opens.
 */
export async function requirePasswordChange(
  trx: Trx,
  actor: Actor,
  userId: number,
  organisationId: number | null,
): Promise<void> {
  await setMustChangePassword(trx, userId, true)
  await recordAudit(
    trx,
    actor,
    'user.password_change_required',
    { type: 'user_account', id: userId, ...(organisationId === null ? {} : { organisationId }) },
    { after: { mustChangePassword: true } },
  )
}

/**
 * Turns the account's second factor (TOTP) off, for a user who lost their authenticator: they sign
 * in with the password alone and may enrol again (must, as an administrator where it is required).
 * Not for one's own account, whose factor is turned off under Mitt konto.
 */
export async function resetSecondFactor(
  db: Db,
  actor: Actor,
  input: { organisationId: number; userId: number },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const account = await accountForWholeChange(trx, actor, input)
    const state = await getSignInState(trx, account.id)
    if (!state.totpSecret && !state.totpPendingSecret) return
    await clearTotp(trx, account.id)
    await recordAudit(trx, actor, 'user.totp_reset', auditRef(account, input.organisationId), {
      before: { totpEnabledAt: state.totpEnabledAt },
      after: { totpEnabledAt: null },
    })
  })
}

const auditRef = (account: { id: number }, organisationId: number) => ({
  type: 'user_account',
  id: account.id,
  organisationId,
})

/** The actor administers the organisation, and their account is enabled. The system (CLI) always may. */
async function assertActorManagesUsers(db: Queryable, actor: Actor, organisationId: number) {
  if (actor.kind === 'system') return
  const [user, grants] = await Promise.all([getUser(db, actor.userId), listGrantsOfUser(db, actor.userId)])
  assertAllowed(
    !user.disabled && mayManageUsers({ grants, seatCommitteeIds: [], personId: null }, organisationId),
    'manage users',
  )
}

/**
 * For changes to the whole account (disable, password): the actor's own account is refused, and so is
 * an account that also works for an organisation the actor does not administer, whose
 * administrator alone decides over it.
 */
async function accountForWholeChange(
  db: Queryable,
  actor: Actor,
  input: { organisationId: number; userId: number },
): Promise<AccountSummary> {
  await assertActorManagesUsers(db, actor, input.organisationId)
  if (actor.kind === 'user' && actor.userId === input.userId)
    throw new AccountChangeRefusedError('own_account')
  const account = await getAccountOfOrganisation(db, input.organisationId, input.userId)
  const personOrganisationId =
    account.personId === null ? null : (await getPerson(db, account.personId)).organisationId
  const others = otherOrganisationsOf(
    { homeOrganisationId: account.homeOrganisationId, grants: await listGrantsOfUser(db, account.id) },
    personOrganisationId,
    input.organisationId,
  )
  if (actor.kind === 'user' && others.length > 0) {
    const actorGrants = await listGrantsOfUser(db, actor.userId)
    const who = { grants: actorGrants, seatCommitteeIds: [], personId: null }
    if (others.some((id) => !mayManageUsers(who, id)))
      throw new AccountChangeRefusedError('other_organisation')
  }
  return account
}

/** The person is in the organisation's register and linked to no other account. */
async function assertPersonLinkable(
  db: Queryable,
  organisationId: number,
  personId: number,
  userId: number | undefined,
) {
  const person = await getPerson(db, personId).catch(() => undefined)
  if (!person || person.organisationId !== organisationId)
    throw new InvalidInputError(
      'person_of_other_organisation',
      'the person is not in the organisation',
      'personId',
    )
  const linked = await findUserIdOfPerson(db, personId)
  if (linked !== undefined && linked !== userId) throw new AccountChangeRefusedError('person_taken')
}
