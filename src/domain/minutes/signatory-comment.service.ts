import type { Db } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { findSignOff } from '../sign-off/sign-off.reads.ts'
import { getSectionOwners, listSignatoryIds } from './minutes.repository.ts'
import { insertSignatoryComment } from './signatory-comment.repository.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    comment_missing: undefined
    comment_too_long: undefined
    section_not_in_sign_off: undefined
    comment_after_sign_off: undefined
    comment_by_non_signatory: undefined
  }
}

export { listSignatoryComments, type SignatoryComment } from './signatory-comment.repository.ts'

export const maxCommentLength = 4000

/**
 * An appointed signatory's comment on a § of a pending sign-off, to the secretary before signing
 * (KL 5:69: the signatories attest the minutes, so they may ask for a change first). Audited.
 */
export async function commentOnSection(
  db: Db,
  actor: Actor,
  input: { signOffId: number; sectionId: number; personId: number; text: string; at: Date },
): Promise<number> {
  const text = input.text.trim()
  if (!text) throw new InvalidInputError('comment_missing', 'write the comment', 'text')
  if (text.length > maxCommentLength)
    throw new InvalidInputError('comment_too_long', `at most ${maxCommentLength} characters`, 'text')
  return db.transaction().execute(async (trx) => {
    const signOff = await findSignOff(trx, input.signOffId)
    if (!signOff?.sectionIds.includes(input.sectionId))
      throw new InvalidInputError('section_not_in_sign_off', 'the § is not in this sign-off', 'sectionId')
    if (signOff.status === 'signed_off')
      throw new InvalidStateError(
        'comment_after_sign_off',
        'the §§ are signed off: ask for a rectification instead',
      )
    if (!(await listSignatoryIds(trx, signOff.minutesId)).includes(input.personId))
      throw new InvalidStateError(
        'comment_by_non_signatory',
        'only the appointed signatories comment on the draft',
      )
    const id = await insertSignatoryComment(trx, {
      signOffId: input.signOffId,
      sectionId: input.sectionId,
      personId: input.personId,
      text,
      createdAt: input.at.toISOString(),
    })
    const owners = await getSectionOwners(trx, input.sectionId)
    await recordAudit(
      trx,
      actor,
      'section.signatory_commented',
      { type: 'section', id: input.sectionId, organisationId: owners.organisationId },
      { after: { signOffId: input.signOffId, personId: input.personId, text } },
    )
    return id
  })
}
