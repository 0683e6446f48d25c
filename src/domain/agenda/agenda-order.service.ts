import type { Trx } from '../../db/database.ts'
import { getMeeting } from '../meeting/meeting.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { ConflictError } from '../shared/errors.ts'
import { getAgendaItem, listAgendaItemRows, updateAgendaItemRow } from './agenda.repository.ts'
import { assertAgendaOpen, noteChange } from './agenda.service.ts'
import type { AgendaItem } from './agenda-item.ts'

export type AgendaDirection = 'up' | 'down'

/**
 * Moves an item one step up or down the agenda by swapping places with its neighbour. The printed
 * numbers stay with the places, so the agenda still reads 1, 2, 3. Both items' versions are bumped:
 * a secretary editing either one is told that the agenda changed.
 */
export async function moveAgendaItem(
  trx: Trx,
  actor: Actor,
  input: { agendaItemId: number; version: number; direction: AgendaDirection },
): Promise<AgendaItem> {
  const item = await getAgendaItem(trx, input.agendaItemId)
  if (item.version !== input.version)
    throw new ConflictError(`agenda item ${item.number ?? item.id}`, input.version, item.version)
  const meeting = await getMeeting(trx, item.meetingId)
  assertAgendaOpen(meeting)
  const items = await listAgendaItemRows(trx, [meeting.id])
  const index = items.findIndex((i) => i.id === item.id)
  const neighbour = items[input.direction === 'up' ? index - 1 : index + 1]
  if (!neighbour) return item // already first or last: nothing to move
  const moved = await updateAgendaItemRow(trx, item, {
    position: neighbour.position,
    number: neighbour.number,
  })
  await updateAgendaItemRow(trx, neighbour, { position: item.position, number: item.number })
  const where = input.direction === 'up' ? 'upp' : 'ned'
  await noteChange(
    trx,
    actor,
    meeting,
    moved,
    'moved',
    `Punkt ${item.number ?? index + 1} flyttades ${where} till punkt ${moved.number ?? (input.direction === 'up' ? index : index + 2)}`,
    { position: item.position, number: item.number },
    { position: moved.position, number: moved.number },
  )
  return moved
}
