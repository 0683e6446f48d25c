import type { Trx } from '../../db/database.ts'

/** A sign-in through the identity provider under way: its secrets and where the user goes after. */
export interface SignInFlow {
  state: string
  verifier: string
  nonce: string
  returnTo: string
  expiresAt: string
}

/** Keeps a flow until the provider answers; flows expired by then are removed on the way. */
export async function insertSignInFlow(trx: Trx, flow: SignInFlow, now: Date): Promise<void> {
  await trx.deleteFrom('sign_in_flow').where('expires_at', '<', now.toISOString()).execute()
  await trx
    .insertInto('sign_in_flow')
    .values({
      state: flow.state,
      verifier: flow.verifier,
      nonce: flow.nonce,
      return_to: flow.returnTo,
      expires_at: flow.expiresAt,
    })
    .execute()
}

/**
 * Takes the flow of this state, once (deleted in the same statement, as signing_flow is), so a
 * replayed answer finds nothing. Undefined when unknown or expired.
 */
export async function takeSignInFlow(trx: Trx, state: string, now: Date): Promise<SignInFlow | undefined> {
  const row = await trx
    .deleteFrom('sign_in_flow')
    .where('state', '=', state)
    .returningAll()
    .executeTakeFirst()
  if (!row || new Date(row.expires_at).getTime() < now.getTime()) return undefined
  return {
    state: row.state,
    verifier: row.verifier,
    nonce: row.nonce,
    returnTo: row.return_to,
    expiresAt: row.expires_at,
  }
}
