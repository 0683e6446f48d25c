import type { SearchKind } from './search.ts'
import { searchKinds } from './search.ts'

/** The words and filters of a search, without a page: what a saved search (bevakning, feed) repeats. */
export interface SavedSearch {
  q: string
  committeeSlug?: string | undefined
  year?: number | undefined
  kind?: SearchKind | undefined
  party?: string | undefined
}

/**
 * One text per search, whatever order its filters came in: the keys in a fixed order, absent ones
 * left out, the words with their spaces collapsed. Stored with a subscription and compared by its
 * unique key, so an address follows one search once.
 */
export function savedSearchText(search: SavedSearch): string {
  const canonical: Record<string, string | number> = { q: search.q.trim().replace(/\s+/g, ' ') }
  if (search.committeeSlug) canonical.committeeSlug = search.committeeSlug
  if (search.year !== undefined) canonical.year = search.year
  if (search.kind) canonical.kind = search.kind
  if (search.party) canonical.party = search.party
  return JSON.stringify(canonical)
}

/** The search of a stored text; undefined for one that cannot be read (never written by this module). */
export function parseSavedSearch(text: string | null): SavedSearch | undefined {
  if (!text) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  if (typeof v.q !== 'string') return undefined
  return {
    q: v.q,
    committeeSlug: typeof v.committeeSlug === 'string' ? v.committeeSlug : undefined,
    year: typeof v.year === 'number' ? v.year : undefined,
    kind: searchKinds.includes(v.kind as SearchKind) ? (v.kind as SearchKind) : undefined,
    party: typeof v.party === 'string' ? v.party : undefined,
  }
}
