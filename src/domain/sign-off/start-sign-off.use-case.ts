import { inTransaction, type Queryable } from '../../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { prepareSignOff } from './sign-off.service.ts'
import { queueSignOffReadyMail } from './sign-off-ready-mail.service.ts'

/**
 * Puts §§ of the minutes up for sign-off: at the meeting (immediate, the signatories are in the
 * room) or afterwards, when each appointed signatory is told by mail that they are ready to read,
 * comment on and sign (KL 5:69). The mail is queued in the same transaction, so it goes only if the
 * sign-off is prepared.
 */
export async function startSignOff(
  db: Queryable,
  actor: Actor,
  input: {
    minutesId: number
    sectionNumbers: number[]
    immediate: boolean
    /** What the mail says of the meeting, and where it links to. */
    meeting: { id: number; meetsOn: string; committeeName: string; signOffPlannedOn: string | null }
    publicUrl: string
  },
) {
  return inTransaction(db, async (trx) => {
    const signOff = await prepareSignOff(trx, actor, {
      minutesId: input.minutesId,
      sectionNumbers: input.sectionNumbers,
      immediate: input.immediate,
    })
    if (!input.immediate)
      await queueSignOffReadyMail(trx, {
        signOff,
        committeeName: input.meeting.committeeName,
        meetsOn: input.meeting.meetsOn,
        meetingId: input.meeting.id,
        signOffPlannedOn: input.meeting.signOffPlannedOn,
        publicUrl: input.publicUrl,
      })
    return signOff
  })
}
