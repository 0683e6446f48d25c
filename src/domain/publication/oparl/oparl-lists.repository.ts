import type { Queryable } from '../../../db/database.ts'
import {
  agendaIsPublicWhere,
  publicAgendaItems,
  publicDocumentIds,
} from '../../disclosure/disclosure.predicates.ts'
import { type ChangeFilter, type KeyQuery, type PageRequest, pageOfKeys } from './oparl.repository.ts'

// The keys of the external lists OParl 1.1 added to Body (agendaItem, consultation, file,
// locationList, membership). Which rows are public comes from the disclosure predicates, the same
// as the objects inline in meetings and papers: each list holds exactly the objects a crawler finds
// there. Each page is a count and a page of ids, as for the other lists.

/** Agenda items of public agendas; a confidential one is listed too, as its meeting shows it (neutral, `public: false`). */
function agendaItemKeys(db: Queryable, bodyId: number): KeyQuery {
  return db
    .selectFrom('agenda_item as item')
    .innerJoin('meeting', 'meeting.id', 'item.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select(['item.id as id', 'item.created_at as created', 'item.updated_at as modified'])
    .where(agendaIsPublicWhere)
    .where('committee.organisation_id', '=', bodyId)
}

export const pageOfAgendaItemIds = (db: Queryable, bodyId: number, filter: ChangeFilter, page: PageRequest) =>
  pageOfKeys(db, agendaItemKeys(db, bodyId), filter, page, { kind: 'agenda-item', bodyId })

/** One consultation per public agenda item that carries a matter (its id is the item's). */
export const pageOfConsultationIds = (
  db: Queryable,
  bodyId: number,
  filter: ChangeFilter,
  page: PageRequest,
) =>
  pageOfKeys(
    db,
    publicAgendaItems(db)
      .innerJoin('committee', 'committee.id', 'meeting.committee_id')
      .select(['item.id as id', 'item.created_at as created', 'item.updated_at as modified'])
      .where('item.matter_id', 'is not', null)
      .where('committee.organisation_id', '=', bodyId),
    filter,
    page,
    { kind: 'consultation', bodyId },
  )

/** Stored documents anyone may download; a document is written once, so `modified` is its `created`. */
export const pageOfFileIds = (db: Queryable, bodyId: number, filter: ChangeFilter, page: PageRequest) =>
  pageOfKeys(
    db,
    db
      .selectFrom('document')
      .select(['document.id as id', 'document.created_at as created', 'document.created_at as modified'])
      .where('document.id', 'in', publicDocumentIds(db))
      .where('document.storage_key', 'is not', null)
      .where('document.organisation_id', '=', bodyId),
    filter,
    page,
    { kind: 'file', bodyId },
  )

/** A Location per public meeting with a place (its id is the meeting's). */
export const pageOfLocationIds = (db: Queryable, bodyId: number, filter: ChangeFilter, page: PageRequest) =>
  pageOfKeys(
    db,
    db
      .selectFrom('meeting')
      .innerJoin('committee', 'committee.id', 'meeting.committee_id')
      .select(['meeting.id as id', 'meeting.created_at as created', 'meeting.updated_at as modified'])
      .where(agendaIsPublicWhere)
      .where('meeting.location', 'is not', null)
      .where('committee.organisation_id', '=', bodyId),
    filter,
    page,
    { kind: 'location', bodyId },
  )

/** Every seat on the body's committees (the committee pages name them all). */
export const pageOfMembershipIds = (db: Queryable, bodyId: number, filter: ChangeFilter, page: PageRequest) =>
  pageOfKeys(
    db,
    db
      .selectFrom('membership')
      .innerJoin('committee', 'committee.id', 'membership.committee_id')
      .select([
        'membership.id as id',
        'membership.created_at as created',
        'membership.created_at as modified',
      ])
      .where('committee.organisation_id', '=', bodyId),
    filter,
    page,
    { kind: 'membership', bodyId },
  )

/** The meetings some agenda items are on. */
export async function listMeetingIdsOfAgendaItems(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, number>()
  const rows = await db
    .selectFrom('agenda_item')
    .select(['id', 'meeting_id'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((r) => [r.id, r.meeting_id]))
}
