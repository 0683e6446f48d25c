import { inTransaction, type Queryable } from '../../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { NotFoundError } from '../shared/errors.ts'
import { listDissents } from './section-record.repository.ts'
import { addDissentReason } from './section-record.service.ts'

/**
 * Adds the written reason of a dissent entered at a § (KL 4:27: it may follow until the sign-off,
 * or the committee's own deadline). A dissent of another § is not found: an address cannot reach it.
 */
export async function addDissentReasonAtSection(
  db: Queryable,
  actor: Actor,
  input: { sectionId: number; dissentId: number; text: string; on: string },
) {
  return inTransaction(db, async (trx) => {
    const dissent = (await listDissents(trx, [input.sectionId])).find((d) => d.id === input.dissentId)
    if (!dissent) throw new NotFoundError('dissent', input.dissentId)
    return addDissentReason(trx, actor, { dissentId: dissent.id, text: input.text, on: input.on })
  })
}
