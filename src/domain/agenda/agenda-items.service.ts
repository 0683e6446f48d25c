import { type Db, inTransaction } from '../../db/database.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import { registerMatter } from '../matter/matter.service.ts'
import { getMeeting } from '../meeting/meeting.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError } from '../shared/errors.ts'
import { type AgendaItemInput, addAgendaItem } from './agenda.service.ts'
import type { AgendaItem } from './agenda-item.ts'
import { agendaTemplateFor } from './agenda-template.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    standard_items_missing: undefined
  }
}

// Adding items the way a secretary builds an agenda: the standard items in one go, and an item for
// a matter found by its registry number (or registered on the spot).

/** Adds the chosen standard items, in the template's order, all or none. */
export async function addStandardItems(
  db: Db,
  actor: Actor,
  input: { meetingId: number; keys: readonly string[] },
): Promise<AgendaItem[]> {
  return inTransaction(db, async (trx) => {
    const meeting = await getMeeting(trx, input.meetingId)
    const chosen = agendaTemplateFor(meeting.committeeId).filter((s) => input.keys.includes(s.key))
    if (chosen.length === 0)
      throw new InvalidInputError('standard_items_missing', 'choose at least one standard item', 'keys')
    const items: AgendaItem[] = []
    for (const standard of chosen)
      items.push(await addAgendaItem(trx, actor, { meetingId: meeting.id, title: standard.title }))
    return items
  })
}

/**
 * Adds an item, for the matter with `registryNumber` when one is given: the matter is found, or
 * registered with the item's title if it is new (in the same transaction as the item).
 */
export async function addAgendaItemForMatter(
  db: Db,
  actor: Actor,
  input: AgendaItemInput & { meetingId: number; registryNumber?: string },
): Promise<AgendaItem> {
  const { registryNumber, ...item } = input
  return inTransaction(db, async (trx) => {
    if (!registryNumber?.trim()) return addAgendaItem(trx, actor, item)
    const meeting = await getMeeting(trx, input.meetingId)
    const committee = await getCommittee(trx, meeting.committeeId)
    const { registryNumberPattern } = await getCommitteeSettings(trx, committee.id)
    const matter = await registerMatter(trx, actor, {
      organisationId: committee.organisationId,
      registryNumber,
      ...(item.title ? { title: item.title } : {}),
      ...(registryNumberPattern ? { registryNumberPattern } : {}),
    })
    return addAgendaItem(trx, actor, { ...item, matterId: matter.id })
  })
}
