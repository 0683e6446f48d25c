import type { Trx } from '../../db/database.ts'

/** A signing with an e-legitimation under way: who started it, for which sign-off, and its secrets. */
export interface SigningFlow {
  state: string
  signOffId: number
  personId: number
  userId: number
  verifier: string
  nonce: string
  expiresAt: string
}

/** Keeps a flow until the broker answers; flows expired by then are removed on the way. */
export async function insertSigningFlow(trx: Trx, flow: SigningFlow, now: Date): Promise<void> {
  await trx.deleteFrom('signing_flow').where('expires_at', '<', now.toISOString()).execute()
  await trx
    .insertInto('signing_flow')
    .values({
      state: flow.state,
      sign_off_id: flow.signOffId,
      person_id: flow.personId,
      user_id: flow.userId,
      verifier: flow.verifier,
      nonce: flow.nonce,
      expires_at: flow.expiresAt,
    })
    .execute()
}

/**
 * Takes the flow of this state, once: it is deleted in the same statement, so an answer replayed,
 * or reaching two servers at once, finds it only the first time. Undefined when unknown or expired.
 */
export async function takeSigningFlow(trx: Trx, state: string, now: Date): Promise<SigningFlow | undefined> {
  const row = await trx
    .deleteFrom('signing_flow')
    .where('state', '=', state)
    .returningAll()
    .executeTakeFirst()
  if (!row || new Date(row.expires_at).getTime() < now.getTime()) return undefined
  return {
    state: row.state,
    signOffId: row.sign_off_id,
    personId: row.person_id,
    userId: row.user_id,
    verifier: row.verifier,
    nonce: row.nonce,
    expiresAt: row.expires_at,
  }
}
