import { inTransaction, type Queryable } from '../../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidStateError } from '../shared/errors.ts'
import { reportDelegatedDecisions } from './delegated-decision.service.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    /** No unreported delegated decision to report to the meeting chosen. */
    nothing_to_report: undefined
  }
}

/**
 * Reports the committee's unreported delegated decisions to a meeting (KL 6:40): one report item
 * on its agenda. Refused when there is nothing to report.
 */
export async function reportDelegatedDecisionsToMeeting(
  db: Queryable,
  actor: Actor,
  input: { meetingId: number },
) {
  return inTransaction(db, async (trx) => {
    const reported = await reportDelegatedDecisions(trx, actor, input)
    if (!reported) throw new InvalidStateError('nothing_to_report', 'no unreported delegated decision')
    return reported
  })
}
