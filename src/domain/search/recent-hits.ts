import type { Queryable } from '../../db/database.ts'
import { findCommitteeBySlug } from '../committee/committee.reads.ts'
import { maskPersonalIdentityNumbers } from '../publication/personal-identity-number.ts'
import { listPublicObjectKeys, listRecentHitRows } from './recent-hits.repository.ts'
import type { SavedSearch } from './saved-search.ts'
import type { SearchKind } from './search.ts'
import { excerpt, queryTerms } from './search-text.ts'

/** A public hit of a saved search, with the day it was published: for its mail and its feed. */
export interface RecentHit {
  kind: SearchKind
  objectId: number
  /** "§ 10", "Punkt 4", "Tjänsteutlåtande". */
  label: string | null
  title: string
  /** About thirty words around the first match, plain text. */
  excerpt: string
  committee: { name: string; slug: string }
  meeting: { slug: string; meetsOn: string }
  sectionNumber: number | null
  anchor: string | null
  /** The day of the notice or the sign-off that made it public. */
  publishedOn: string
}

/** The most a saved search reads at once: a mail or a feed never grows past it. */
export const mostRecentHits = 200

/**
 * The public hits of a saved search, newest meeting first, at most `limit`: every word of it in an
 * agenda item, a signed-off § or an attachment (as words or parts of words, as the search page
 * finds them), with its filters. `publishedFrom` keeps those made public on or after that day (of
 * meetings in the year before it: a § signed off later than that is not news). The index holds
 * only what the public may see (reindexMeeting, P2); each hit is checked again against the
 * disclosure rules, and its text masked for personnummer (P3).
 */
export async function listRecentSearchHits(
  db: Queryable,
  search: SavedSearch,
  options: { publishedFrom?: string; limit?: number } = {},
): Promise<RecentHit[]> {
  const terms = queryTerms(search.q)
  if (terms.length === 0) return []
  if ([search.committeeSlug, search.party].some((v) => v?.includes('\u0000'))) return []
  let committeeId: number | undefined
  if (search.committeeSlug) {
    const committee = await findCommitteeBySlug(db, search.committeeSlug)
    if (!committee) return []
    committeeId = committee.id
  }
  const limit = Math.min(Math.max(options.limit ?? mostRecentHits, 1), mostRecentHits)
  const rows = await listRecentHitRows(
    db,
    terms,
    { committeeId, year: search.year, kind: search.kind, party: search.party },
    {
      publishedFrom: options.publishedFrom,
      meetsFrom: options.publishedFrom && yearBefore(options.publishedFrom),
      limit,
    },
  )
  const visible = await listPublicObjectKeys(
    db,
    rows.map((r) => ({ kind: r.kind, objectId: r.object_id })),
  )
  return rows
    .filter((r) => visible.has(`${r.kind}:${r.object_id}`))
    .map((r) => ({
      kind: r.kind,
      objectId: r.object_id,
      label: r.label && maskPersonalIdentityNumbers(r.label),
      title: maskPersonalIdentityNumbers(r.title),
      excerpt: maskPersonalIdentityNumbers(
        excerpt(r.body, terms)
          .map((s) => s.text)
          .join(''),
      ),
      committee: { name: r.committee_name, slug: r.committee_slug },
      meeting: { slug: r.meeting_slug, meetsOn: r.meets_on },
      sectionNumber: r.section_number,
      anchor: r.anchor,
      publishedOn: String(r.published_on).slice(0, 10),
    }))
}

function yearBefore(day: string): string {
  return `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`
}
