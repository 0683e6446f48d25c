import type { Queryable } from '../../../db/database.ts'
import type { ChangeFilter, PageRequest } from './oparl.repository.ts'
import { listMeetingRows, listMembershipRows, listPublicItemsOfMatters } from './oparl.repository.ts'
import type { OparlLinks } from './oparl-links.ts'
import {
  listMeetingIdsOfAgendaItems,
  pageOfAgendaItemIds,
  pageOfConsultationIds,
  pageOfFileIds,
  pageOfLocationIds,
  pageOfMembershipIds,
} from './oparl-lists.repository.ts'
import { type OparlObject, oparlConsultation, oparlLocation, oparlMembership } from './oparl-objects.ts'
import { buildFiles, buildMeetings, type ObjectPage } from './oparl-read.ts'

// The external lists OParl 1.1 added to Body (4-01). Each object is built by the same function as
// where it appears inline (an agenda item in its meeting, a consultation in its paper), so a client
// that reads the list and one that reads the meetings see the same object.

const inOrder = (ids: readonly number[], objects: OparlObject[], idOf: (id: number) => string) => {
  const byId = new Map(objects.map((o) => [o.id, o]))
  return ids.flatMap((id) => byId.get(idOf(id)) ?? [])
}

export async function listOparlAgendaItems(
  db: Queryable,
  links: OparlLinks,
  bodyId: number,
  filter: ChangeFilter,
  page: PageRequest,
  today: string,
): Promise<ObjectPage> {
  const { ids, total } = await pageOfAgendaItemIds(db, bodyId, filter, page)
  const meetingOf = await listMeetingIdsOfAgendaItems(db, ids)
  const meetings = await buildMeetings(db, links, [...new Set(meetingOf.values())], today)
  const items = meetings.flatMap((m) => (m.agendaItem ?? []) as OparlObject[])
  return { data: inOrder(ids, items, links.agendaItem), total }
}

export async function listOparlConsultations(
  db: Queryable,
  links: OparlLinks,
  bodyId: number,
  filter: ChangeFilter,
  page: PageRequest,
): Promise<ObjectPage> {
  const { ids, total } = await pageOfConsultationIds(db, bodyId, filter, page)
  const rows = await listPublicItemsOfMatters(db, { agendaItemIds: ids })
  return {
    data: inOrder(
      ids,
      rows.map((r) => oparlConsultation(links, r)),
      links.consultation,
    ),
    total,
  }
}

/** Each file is built as at its own address, a page of them at once. */
export async function listOparlFiles(
  db: Queryable,
  links: OparlLinks,
  bodyId: number,
  filter: ChangeFilter,
  page: PageRequest,
): Promise<ObjectPage> {
  const { ids, total } = await pageOfFileIds(db, bodyId, filter, page)
  return { data: await buildFiles(db, links, ids), total }
}

export async function listOparlLocations(
  db: Queryable,
  links: OparlLinks,
  bodyId: number,
  filter: ChangeFilter,
  page: PageRequest,
): Promise<ObjectPage> {
  const { ids, total } = await pageOfLocationIds(db, bodyId, filter, page)
  const rows = await listMeetingRows(db, ids)
  return { data: rows.flatMap((r) => oparlLocation(links, r) ?? []), total }
}

export async function listOparlMemberships(
  db: Queryable,
  links: OparlLinks,
  bodyId: number,
  filter: ChangeFilter,
  page: PageRequest,
): Promise<ObjectPage> {
  const { ids, total } = await pageOfMembershipIds(db, bodyId, filter, page)
  const rows = await listMembershipRows(db, { ids })
  return { data: rows.map((m) => oparlMembership(links, m)), total }
}
