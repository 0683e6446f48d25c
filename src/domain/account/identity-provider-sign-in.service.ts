import { type Db, inTransaction } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { findOrganisationBySlug, listOrganisations } from '../organisation/organisation.reads.ts'
import { systemActor } from '../shared/actor.ts'
import { DomainError } from '../shared/errors.ts'
import { findUserWithHash, listGrantsOfUser, updatePasswordHash } from './account.repository.ts'
import { createUser } from './account.service.ts'
import { isEmail, normaliseEmail, type UserAccount } from './account.ts'
import { generatePassword, hashPassword } from './password.ts'
import { getSignInState, setMustChangePassword } from './sign-in.repository.ts'
import { setHomeOrganisation } from './user-admin.repository.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    no_verified_email: undefined
    disabled: undefined
  }
}

// Staff sign in through the organisation's identity provider (OpenID Connect: Entra ID, Keycloak,
// an e-ID broker). The provider vouches for the e-mail address; the account with that address is
// the user's, or one is opened on the first sign-in, with no role: an administrator gives it one.

/** The ID token did not name a person Paragraf can let in. */
export class IdentityProviderRefusedError extends DomainError<'no_verified_email' | 'disabled'> {
  constructor(reason: 'no_verified_email' | 'disabled') {
    super('forbidden', reason, `sign-in through the identity provider refused (${reason})`)
  }
}

export interface IdentityProviderSignIn {
  /** The verified ID token's claims (openid-client checked signature, issuer, audience, nonce). */
  claims: Record<string, unknown>
  /** Where new accounts belong (LOGIN_OIDC_ORGANISATION), else the installation's only one. */
  organisationSlug: string | undefined
}

export interface IdentityProviderResult {
  user: UserAccount
  /** Opened by this sign-in. */
  created: boolean
  /** No role and no person yet: nothing to work with until an administrator gives one. */
  waiting: boolean
}

/**
 * The account of the verified e-mail address in the ID token, opened (without a role) when there
 * is none. An unverified address is refused: anyone may put any address in their profile at some
 * providers, and it would open another's account. Audited, with the provider and its subject.
 */
export async function signInWithIdentityProvider(
  db: Db,
  input: IdentityProviderSignIn,
): Promise<IdentityProviderResult> {
  const { claims } = input
  const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : ''
  const verified = claims.email_verified === true || claims.email_verified === 'true'
  if (!isEmail(email) || !verified) throw new IdentityProviderRefusedError('no_verified_email')
  const provider = {
    issuer: typeof claims.iss === 'string' ? claims.iss : null,
    subject: typeof claims.sub === 'string' ? claims.sub : null,
  }
  const actor = systemActor('identity-provider')
  // Looked up before the transaction: createUser opens its own (or joins this one) either way.
  const organisationId = await organisationForNewAccounts(db, input.organisationSlug)
  return inTransaction(db, async (trx) => {
    const found = await findUserWithHash(trx, email)
    if (found?.user.disabled) throw new IdentityProviderRefusedError('disabled')
    let user = found?.user
    let created = false
    if (!user) {
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email
      // The account needs a password hash; this one nobody knows, so it signs in through the
      // provider only, until an administrator hands out a password.
      user = await createUser(trx, actor, { email, name: name.slice(0, 200), password: generatePassword() })
      if (organisationId !== undefined) await setHomeOrganisation(trx, user.id, organisationId)
      created = true
      await recordAudit(
        trx,
        actor,
        'user.created_by_identity_provider',
        { type: 'user_account', id: user.id, ...(organisationId === undefined ? {} : { organisationId }) },
        { after: { email, ...provider, roles: [] } },
      )
    } else if ((await getSignInState(trx, user.id)).mustChangePassword) {
      // A handed-out password the user never needed: void it rather than keep it valid, unchanged.
      await updatePasswordHash(trx, user.id, await hashPassword(generatePassword()), new Date().toISOString())
      await setMustChangePassword(trx, user.id, false)
      await recordAudit(
        trx,
        actor,
        'user.handed_out_password_voided',
        { type: 'user_account', id: user.id },
        {
          after: { mustChangePassword: false },
        },
      )
    }
    await recordAudit(
      trx,
      { kind: 'user', userId: user.id, name: user.name },
      'user.signed_in_with_identity_provider',
      { type: 'user_account', id: user.id },
      { after: provider },
    )
    const grants = await listGrantsOfUser(trx, user.id)
    return { user, created, waiting: grants.length === 0 && user.personId === null }
  })
}

async function organisationForNewAccounts(db: Db, slug: string | undefined): Promise<number | undefined> {
  if (slug) return (await findOrganisationBySlug(db, slug))?.id
  const all = await listOrganisations(db)
  return all.length === 1 ? all[0]?.id : undefined
}
