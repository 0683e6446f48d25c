import { sql } from 'kysely'
import type { Queryable } from '../../db/database.ts'
import {
  publicAgendaItems,
  publicDocumentIds,
  sectionIsPublicWhere,
} from '../disclosure/disclosure.predicates.ts'
import { matching, type SearchFilter } from './search.repository.ts'
import type { SearchKind } from './search.ts'
import { entryTextId, withEntryTexts } from './search-entry-text.ts'
import type { QueryTerm } from './search-text.ts'

// The newest hits of a search, for a saved search's mail and feed: both tiers (words and parts of
// words) at once, newest meeting first, with the day each entry was published.

/** The day an entry became public: its notice or sign-off; an agenda held without a notice, its meeting. */
const publishedOn = sql<string>`coalesce(e.published_on, e.meets_on)`

export interface RecentHitWindow {
  /** Only entries published on or after this day, of meetings on or after `meetsFrom`. */
  publishedFrom?: string | undefined
  meetsFrom?: string | undefined
  limit: number
}

/**
 * The newest entries matching in either tier, at most `limit`: the day each was made public first
 * (a § signed off after the next meeting's notice is newer than that agenda), then the latest
 * meeting, a § before the agenda item it came from. The database walks the date index (0022),
 * newest meeting first, for `limit` light rows a tier; only those kept are read in full.
 */
export async function listRecentHitRows(
  db: Queryable,
  terms: readonly QueryTerm[],
  filter: SearchFilter,
  window: RecentHitWindow,
) {
  const candidates = new Map<
    number,
    { id: number; published: string; meetsOn: string; kind: string; objectId: number }
  >()
  for (const tier of ['words', 'parts'] as const) {
    let query = matching(db, terms, filter, tier).select([
      'e.id',
      publishedOn.as('published'),
      'e.meets_on',
      'e.kind',
      'e.object_id',
    ])
    if (window.publishedFrom) query = query.where(publishedOn, '>=', window.publishedFrom)
    // Bounds the walk down the date index when the window holds fewer hits than the limit.
    if (window.meetsFrom) query = query.where('e.meets_on', '>=', window.meetsFrom)
    const rows = await query
      .orderBy('e.meets_on', 'desc')
      // Within a meeting, its §§ (signed off later) before its documents and agenda items.
      .orderBy('e.kind', 'desc')
      .orderBy('e.object_id')
      .limit(window.limit)
      .execute()
    for (const r of rows)
      candidates.set(r.id, {
        id: r.id,
        published: String(r.published).slice(0, 10),
        meetsOn: r.meets_on,
        kind: r.kind,
        objectId: r.object_id,
      })
  }
  const kept = [...candidates.values()]
    .sort(
      (a, b) =>
        b.published.localeCompare(a.published) ||
        b.meetsOn.localeCompare(a.meetsOn) ||
        b.kind.localeCompare(a.kind) ||
        a.objectId - b.objectId,
    )
    .slice(0, window.limit)
  if (kept.length === 0) return []
  const rows = await db
    .selectFrom('search_entry as e')
    .innerJoin('committee as c', 'c.id', 'e.committee_id')
    .innerJoin('meeting as m', 'm.id', 'e.meeting_id')
    .select([
      'e.id',
      'e.kind',
      'e.object_id',
      'e.meets_on',
      'e.label',
      'e.anchor',
      'e.section_number',
      'e.title',
      'e.body',
      entryTextId(db),
      publishedOn.as('published_on'),
      'c.name as committee_name',
      'c.slug as committee_slug',
      'm.slug as meeting_slug',
    ])
    .where(
      'e.id',
      'in',
      kept.map((k) => k.id),
    )
    .execute()
    .then((found) => withEntryTexts(db, found))
  const byId = new Map(rows.map((row) => [row.id, { ...row, kind: row.kind as SearchKind }]))
  return kept.flatMap((k) => {
    const row = byId.get(k.id)
    return row ? [row] : []
  })
}

/**
 * Which of these agenda items, §§ and documents the public may see now, decided by the disclosure
 * predicates rather than taken from the index: an entry left behind by a change not yet reindexed
 * is never mailed.
 */
export async function listPublicObjectKeys(
  db: Queryable,
  objects: ReadonlyArray<{ kind: SearchKind; objectId: number }>,
): Promise<Set<string>> {
  const idsOf = (kind: SearchKind) => [
    ...new Set(objects.filter((o) => o.kind === kind).map((o) => o.objectId)),
  ]
  const items = idsOf('agenda_item')
  const sections = idsOf('section')
  const documents = idsOf('document')
  const [itemRows, sectionRows, documentRows] = await Promise.all([
    items.length === 0
      ? []
      : publicAgendaItems(db).select('item.id as id').where('item.id', 'in', items).execute(),
    sections.length === 0
      ? []
      : db
          .selectFrom('section')
          .leftJoin('agenda_item', 'agenda_item.id', 'section.agenda_item_id')
          .select('section.id as id')
          .where('section.id', 'in', sections)
          .where(sectionIsPublicWhere)
          .execute(),
    documents.length === 0
      ? []
      : publicDocumentIds(db).where('attachment.document_id', 'in', documents).execute(),
  ])
  return new Set([
    ...itemRows.map((r) => `agenda_item:${r.id}`),
    ...sectionRows.map((r) => `section:${r.id}`),
    ...documentRows.map((r) => `document:${r.document_id}`),
  ])
}
