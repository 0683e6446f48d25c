import { inTransaction, type Queryable } from '../../db/database.ts'
import type { Notice } from '../notice-board/notice.ts'
import { postMinutesNotice } from '../notice-board/notice-board.service.ts'
import type { Actor } from '../shared/actor.ts'
import { type SignInput, signSections } from './sign-off.service.ts'
import type { SignOff } from './sign-off.ts'

/**
 * A signatory signs in the workspace. When theirs is the last signature, the §§ are signed off and
 * the notice goes up on the anslagstavla the same day (KL 8:12), in the same transaction, so signed-
 * off §§ are never left unannounced. Refused while a public text of the §§ holds a personal
 * identity number (PersonalIdentityNumbersFoundError, with the places; P3).
 */
export async function signAndAnnounce(
  db: Queryable,
  actor: Actor,
  input: SignInput,
): Promise<{ signOff: SignOff; notice: Notice | undefined }> {
  return inTransaction(db, async (trx) => {
    const signOff = await signSections(trx, actor, input)
    const notice =
      signOff.status === 'signed_off'
        ? await postMinutesNotice(trx, actor, { signOffId: signOff.id, postedOn: input.on })
        : undefined
    return { signOff, notice }
  })
}
