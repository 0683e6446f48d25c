import { listMeetingRows, listMembershipRows, listPublicItemsOfMatters } from './oparl.repository.ts'
import {
  listMeetingIdsOfAgendaItems,
  pageOfAgendaItemIds,
  pageOfConsultationIds,
  pageOfFileIds,
  pageOfLocationIds,
  pageOfMembershipIds,
} from './oparl-lists.repository.ts'
import { type OparlObject, oparlConsultation, oparlLocation, oparlMembership } from './oparl-objects.ts'
import { buildFiles, buildMeetings, pagedList } from './oparl-read.ts'

// The external lists OParl 1.1 added to Body (4-01). Each object is built by the same function as
// where it appears inline (an agenda item in its meeting, a consultation in its paper), so a client
// that reads the list and one that reads the meetings see the same object.

const inOrder = (ids: readonly number[], objects: OparlObject[], idOf: (id: number) => string) => {
  const byId = new Map(objects.map((o) => [o.id, o]))
  return ids.flatMap((id) => byId.get(idOf(id)) ?? [])
}

export const listOparlAgendaItems = pagedList(
  pageOfAgendaItemIds,
  async (db, links, ids, today) => {
    const meetingOf = await listMeetingIdsOfAgendaItems(db, ids)
    const meetings = await buildMeetings(db, links, [...new Set(meetingOf.values())], today)
    const items = meetings.flatMap((m) => (m.agendaItem ?? []) as OparlObject[])
    return inOrder(ids, items, links.agendaItem)
  },
  'agenda-item',
)

export const listOparlConsultations = pagedList(
  pageOfConsultationIds,
  async (db, links, ids) => {
    const rows = await listPublicItemsOfMatters(db, { agendaItemIds: ids })
    return inOrder(
      ids,
      rows.map((r) => oparlConsultation(links, r)),
      links.consultation,
    )
  },
  'consultation',
)

/** Each file is built as at its own address, a page of them at once. */
export const listOparlFiles = pagedList(pageOfFileIds, buildFiles, 'file')

export const listOparlLocations = pagedList(
  pageOfLocationIds,
  async (db, links, ids) => {
    const rows = await listMeetingRows(db, ids)
    return rows.flatMap((r) => oparlLocation(links, r) ?? [])
  },
  'location',
)

export const listOparlMemberships = pagedList(
  pageOfMembershipIds,
  async (db, links, ids) => {
    const rows = await listMembershipRows(db, { ids })
    return rows.map((m) => oparlMembership(links, m))
  },
  'membership',
)
