import { DomainError } from '../shared/errors.ts'
import type { RoleGrant, UserAccount } from './account.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    last_administrator: undefined
    own_account: undefined
    person_taken: undefined
    other_organisation: undefined
  }
}

// An administrator keeps the organisation's accounts: opens them, gives and takes roles, links a
// person, disables an account and gives a new password. These are the rules that can refuse.

/** An account as the organisation's administrator sees it: its roles in this organisation only. */
export interface AccountSummary extends UserAccount {
  /** The organisation that opened the account in the workspace; null for the command line's. */
  homeOrganisationId: number | null
  lastSignedInAt: string | null
  grants: RoleGrant[]
}

export type AccountRefusal =
  /** Taking the role or the account would leave the organisation without an enabled administrator. */
  | 'last_administrator'
  /** Disabling one's own account, or giving oneself a password here instead of changing it. */
  | 'own_account'
  /** The person is already linked to another account. */
  | 'person_taken'
  /** The account also works for an organisation the administrator does not keep. */
  | 'other_organisation'

/** A change to an account that its rules refuse; `reason` says which, for the interface's message. */
export class AccountChangeRefusedError extends DomainError<AccountRefusal> {
  constructor(reason: AccountRefusal) {
    super(
      reason === 'other_organisation' ? 'forbidden' : 'invalid_state',
      reason,
      `account change refused: ${reason}`,
    )
  }
}

/** The organisations besides `organisationId` that the account reaches: by its roles, its person, its opener. */
export function otherOrganisationsOf(
  account: Pick<AccountSummary, 'homeOrganisationId'> & { grants: readonly RoleGrant[] },
  personOrganisationId: number | null,
  organisationId: number,
): number[] {
  const all = [
    ...account.grants.map((g) => g.organisationId),
    personOrganisationId,
    account.homeOrganisationId,
  ]
  return [...new Set(all.filter((id): id is number => id !== null && id !== organisationId))]
}
