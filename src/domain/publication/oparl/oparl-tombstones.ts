import type { Queryable } from '../../../db/database.ts'
import {
  countVanished,
  listPublicObjectStates,
  listVanished,
} from '../../public-record/public-record.reads.ts'
import type { PublicKind, PublicObjectState } from '../../public-record/public-record.ts'
import type { ChangeFilter, PageRequest } from './oparl.repository.ts'
import { type OparlLinks, oparlType } from './oparl-links.ts'
import { dateTime, type OparlObject } from './oparl-objects.ts'

// Objects that were public and are no more — withdrawn, depublished, made confidential, deleted —
// answer as tombstones (OParl 2-08): id, type, created, the time they vanished as `modified`, and
// `deleted: true`, nothing else (nothing of what became secret). An object never public stays
// unknown (404). The public change log keeps them (public_object with public = false).

const typeOf: Record<PublicKind, string> = {
  meeting: 'Meeting',
  location: 'Location',
  'agenda-item': 'AgendaItem',
  file: 'File',
  consultation: 'Consultation',
  paper: 'Paper',
  person: 'Person',
  membership: 'Membership',
  organization: 'Organization',
}

/** The OParl address of an object the public change log follows. */
export function oparlAddressOf(links: OparlLinks, kind: PublicKind, id: number): string {
  switch (kind) {
    case 'agenda-item':
      return links.agendaItem(id)
    default:
      return links[kind](id)
  }
}

export function oparlTombstone(links: OparlLinks, state: PublicObjectState): OparlObject {
  return {
    id: oparlAddressOf(links, state.kind, state.objectId),
    type: oparlType(typeOf[state.kind]),
    created: dateTime(state.firstPublicAt),
    modified: dateTime(state.modifiedAt),
    deleted: true,
  }
}

/** The tombstone of an object, when it was public once and is no more. */
export async function readOparlTombstone(
  db: Queryable,
  links: OparlLinks,
  kind: PublicKind,
  id: number,
): Promise<OparlObject | undefined> {
  const state = (await listPublicObjectStates(db, kind, [id])).get(id)
  return state && !state.public ? oparlTombstone(links, state) : undefined
}

/**
 * The tombstones of a Body's list on a page, when a client asks what changed (`modified_since`,
 * 2-05: never otherwise). They follow the public objects: the page holds what is left of it
 * after those, and the total counts both, so paging stays stable.
 */
export async function tombstonesOnPage(
  db: Queryable,
  links: OparlLinks,
  list: { kind: PublicKind; bodyId: number; publicTotal: number; publicOnPage: number },
  filter: ChangeFilter,
  page: PageRequest,
): Promise<{ data: OparlObject[]; total: number }> {
  if (!filter.modifiedSince) return { data: [], total: 0 }
  const query = { kind: list.kind, organisationId: list.bodyId, window: filter }
  const total = await countVanished(db, query)
  const room = page.limit - list.publicOnPage
  if (total === 0 || room <= 0) return { data: [], total }
  const offset = Math.max(0, (page.page - 1) * page.limit - list.publicTotal)
  const states = await listVanished(db, { ...query, limit: room, offset })
  return { data: states.map((s) => oparlTombstone(links, s)), total }
}
