import type { Queryable, Trx } from '../../db/database.ts'
import { getSection } from '../minutes/minutes.reads.ts'
import { auditSection } from '../minutes/section.service.ts'
import type { Actor } from '../shared/actor.ts'
import { isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { listSectionsInSignOffs } from '../sign-off/sign-off.reads.ts'
import { insertAppeal, lastAppealDayOfSection, listAppealDays } from './appeal.repository.ts'
import { type Finality, finalityOf } from './finality.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    appeal_before_sign_off: undefined
  }
}

/**
 * Registers that a decision was appealed (laglighetsprövning, KL 13:1): the day the appeal came in,
 * the court, its case number. Until the court has ruled, the decision is not final.
 */
export async function registerAppeal(
  trx: Trx,
  actor: Actor,
  input: { sectionId: number; receivedOn: string; court?: string; caseNumber?: string },
): Promise<void> {
  if (!isIsoDate(input.receivedOn))
    throw new InvalidInputError('date_malformed', 'the date must be YYYY-MM-DD', 'receivedOn')
  const section = await getSection(trx, input.sectionId)
  const signOffs = await listSectionsInSignOffs(trx, [section.id])
  if (!signOffs.some((s) => s.status === 'signed_off')) {
    throw new InvalidStateError(
      'appeal_before_sign_off',
      `${section.label} is not signed off, so it cannot be appealed yet`,
    )
  }
  const appeal = {
    sectionId: section.id,
    receivedOn: input.receivedOn,
    court: input.court?.trim() || 'Förvaltningsrätten',
    caseNumber: input.caseNumber?.trim() || null,
  }
  await insertAppeal(trx, appeal)
  await auditSection(trx, actor, 'section.appeal_registered', section.id, { after: appeal })
}

/** Whether the decision of a § is open to appeal, appealed, or final (laga kraft) on a day. */
export async function finalityOfSection(db: Queryable, sectionId: number, today: string): Promise<Finality> {
  const [lastAppealDay, appealsReceivedOn] = await Promise.all([
    lastAppealDayOfSection(db, sectionId),
    listAppealDays(db, sectionId),
  ])
  return finalityOf({ lastAppealDay, appealsReceivedOn }, today)
}
