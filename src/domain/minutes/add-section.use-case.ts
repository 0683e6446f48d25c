import { inTransaction, type Queryable } from '../../db/database.ts'
import { getAgenda } from '../agenda/agenda.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { applyRollCall } from './roll-call.service.ts'
import { addSection } from './section.service.ts'

/**
 * Adds a § to a meeting's minutes, numbered by the committee's scheme: for an item of the agenda
 * its title, its text (the officer's account of the matter), its proposal as the decision and its
 * confidentiality; otherwise the title typed. The roll call then applies to the new § too (who
 * served, who was there), all in one transaction.
 */
export async function addSectionToMinutes(
  db: Queryable,
  actor: Actor,
  input: { meetingId: number; minutesId: number; agendaItemId?: number | undefined; title: string },
) {
  return inTransaction(db, async (trx) => {
    const item = input.agendaItemId
      ? (await getAgenda(trx, input.meetingId)).find((e) => e.item.id === input.agendaItemId)?.item
      : undefined
    const section = await addSection(trx, actor, {
      minutesId: input.minutesId,
      title: item ? (item.title ?? item.heading ?? '') : input.title,
      ...(item
        ? {
            agendaItemId: item.id,
            decision: item.proposal,
            confidential: item.confidential,
            ...(item.summary ? { summary: item.summary } : {}),
          }
        : {}),
    })
    await applyRollCall(trx, actor, { meetingId: input.meetingId, minutesId: input.minutesId })
    return section
  })
}
