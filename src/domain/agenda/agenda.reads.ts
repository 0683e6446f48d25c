// What other modules may read of the agenda: reads only, no writes. Search reads agendas here rather
// than through agenda.service.ts, which reindexes search after a change (importing it closed a cycle).
import type { Queryable } from '../../db/database.ts'
import { listAttachmentRows } from '../document/document.reads.ts'
import type { Document } from '../document/document.ts'
import { groupBy } from '../shared/group-by.ts'
import { listAgendaItemChangeRows, listAgendaItemRows } from './agenda.repository.ts'
import type { AgendaItem, AgendaItemChange } from './agenda-item.ts'

export { getAgendaItem } from './agenda.repository.ts'

export interface AgendaEntry {
  item: AgendaItem
  attachments: Document[]
  changes: AgendaItemChange[]
}

/** A meeting's whole agenda in order, with attachments and change history, in a fixed number of queries. */
export async function getAgenda(db: Queryable, meetingId: number): Promise<AgendaEntry[]> {
  return (await getAgendas(db, [meetingId])).get(meetingId) ?? []
}

/** The agendas of several meetings at once (for lists and feeds). */
export async function getAgendas(
  db: Queryable,
  meetingIds: readonly number[],
): Promise<Map<number, AgendaEntry[]>> {
  const items = await listAgendaItemRows(db, meetingIds)
  const ids = items.map((i) => i.id)
  const [attachments, changes] = await Promise.all([
    listAttachmentRows(db, ids),
    listAgendaItemChangeRows(db, ids),
  ])
  const attachmentsOf = groupBy(
    attachments,
    (a) => a.agendaItemId,
    (a) => a.document,
  )
  const changesOf = groupBy(changes, (c) => c.agendaItemId)
  const byMeeting = new Map<number, AgendaEntry[]>(meetingIds.map((id) => [id, []]))
  for (const item of items) {
    byMeeting.get(item.meetingId)?.push({
      item,
      attachments: attachmentsOf.get(item.id) ?? [],
      changes: changesOf.get(item.id) ?? [],
    })
  }
  return byMeeting
}
