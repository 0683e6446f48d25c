import type { QueryTerm, Segment } from './search-text.ts'

/** What a search entry is: a point of a public agenda, a signed-off § or an attachment's text. */
export type SearchKind = 'agenda_item' | 'section' | 'document'

export const searchKinds: readonly SearchKind[] = ['agenda_item', 'section', 'document']

export const searchKindLabels: Record<SearchKind, string> = {
  agenda_item: 'Punkt på dagordningen',
  section: 'Paragraf i protokollet',
  document: 'Handling',
}

export interface SearchQuery {
  q: string
  committeeSlug?: string | undefined
  year?: number | undefined
  kind?: SearchKind | undefined
  /** A party abbreviation as printed ("S", "F!"): §§ with its motions, dissents or statements. */
  party?: string | undefined
  /** From 1. */
  page: number
  pageSize: number
}

/**
 * How well an entry matched: every term as a word in the title (with the same stem), as a word
 * anywhere, or only as part of a longer word (a compound: "plan" in "översiktsplan").
 */
export type SearchMatch = 'title' | 'word' | 'part'

export interface SearchHit {
  kind: SearchKind
  /** The agenda item's, section's or document's id. */
  objectId: number
  title: string
  titleSegments: Segment[]
  /** About thirty words around the first match; `hit` marks the matching words. Plain text, never markup. */
  excerpt: Segment[]
  /** "§ 10", "Punkt 4", "Tjänsteutlåtande". */
  label: string | null
  match: SearchMatch
  committee: { name: string; slug: string }
  meeting: { id: number; slug: string; meetsOn: string }
  /** Where the hit is shown: the meeting page at an anchor, or a § of the minutes. */
  location: {
    committeeSlug: string
    meetingSlug: string
    sectionNumber: number | null
    anchor: string | null
  }
}

export interface SearchResult {
  /** The hits, counted up to `mostHitsCounted` (search.service.ts). */
  total: number
  /** Present when counting stopped at `total`: there are more hits than that. */
  moreThanTotal?: true
  page: number
  pageSize: number
  /** The number of pages, at least 1. */
  pages: number
  hits: SearchHit[]
  /** The terms searched for, after stop words were left out (none: nothing was searched). */
  terms: QueryTerm[]
}
