import { inTransaction, type Queryable } from '../../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { setPersonIdentityNumber } from './oidc-signature.service.ts'

/**
 * Keeps the personnummer of members and substitutes, against which a signature with
 * e-legitimation is checked: each as a salted hash, all or none in one transaction.
 */
export async function recordIdentityNumbers(
  db: Queryable,
  actor: Actor,
  numbers: ReadonlyArray<{ personId: number; number: string }>,
) {
  await inTransaction(db, async (trx) => {
    for (const { personId, number } of numbers) await setPersonIdentityNumber(trx, actor, personId, number)
  })
}
