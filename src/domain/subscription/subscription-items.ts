import type { Queryable } from '../../db/database.ts'
import { noticeKindLabels } from '../notice-board/notice.ts'
import { readMatterRecord } from '../publication/matter-record.ts'
import { type BoardNotice, readNoticeBoard } from '../publication/notice-board-record.ts'
import { type PersonActivity, readPersonActivity } from '../publication/person-activity.ts'
import { listRecentSearchHits, type RecentHit } from '../search/recent-hits.ts'
import { type SavedSearch, savedSearchText } from '../search/saved-search.ts'
import { type SearchKind, searchKindLabels } from '../search/search.ts'
import type { Subscription } from './subscription.ts'

// What a subscription follows, read only through the publication functions: the notice board as
// the public sees it (KL 8:10–12), the public record of a matter or a person, and the search index
// of public entries re-checked against the disclosure rules (recent-hits.ts), where confidential
// items and §§ never appear (OSL, P2). Whatever these functions do not show is never mailed.

/** Something published that a subscriber is told of: a line of text and a portal address. */
export interface PublishedItem {
  /**
   * Stable name of the item: 'notice:7', 'item:31', 'decision:31:5'; a person's 'motion:12',
   * 'dissent:3', 'statement:8', 'ballot:41'; a search hit's 'hit:section:52'.
   */
  key: string
  text: string
  /** A path on the portal (the same shapes as src/web/paths.ts; the domain does not import web). */
  path: string
}

const segment = (text: string) => encodeURIComponent(text)

function noticeItem({ notice, target }: BoardNotice): PublishedItem {
  const path = !target
    ? '/anslagstavla'
    : notice.kind === 'minutes'
      ? `/committees/${target.committeeSlug}/${target.meetingSlug}/protokoll`
      : `/committees/${target.committeeSlug}/${target.meetingSlug}`
  return { key: `notice:${notice.id}`, text: `${noticeKindLabels[notice.kind]}: ${notice.title}`, path }
}

/**
 * How far back a saved search looks for what is new: entries made public (notice, sign-off) in the
 * last two weeks. What was published earlier and is not yet mailed (a subscription confirmed
 * today) is not news; the window keeps each run's reading bounded however old the subscription.
 */
export const searchWindowDays = 14

/**
 * The items each subscription would be told of today: the notices up on the board (all of them, or
 * those of meetings and minutes of the committee), the public agenda items and decisions of a
 * matter, what a person did in public §§ (the newest page of their record), and the public hits of
 * a saved search made public in the last {@link searchWindowDays} days. A fixed number of queries,
 * plus four per matter, eight per person and a few per distinct search followed.
 */
export async function listPublishedItems(
  db: Queryable,
  subscriptions: readonly Subscription[],
  today: string,
): Promise<Map<number, PublishedItem[]>> {
  const needsBoard = subscriptions.some(
    (s) => s.target.kind === 'notice_board' || s.target.kind === 'committee',
  )
  const board = needsBoard ? await readNoticeBoard(db, today) : []
  const registryNumbers = [
    ...new Set(subscriptions.flatMap((s) => (s.target.kind === 'matter' ? [s.target.registryNumber] : []))),
  ]
  const matterItems = new Map<string, PublishedItem[]>()
  for (const registryNumber of registryNumbers) {
    const record = await readMatterRecord(db, registryNumber)
    matterItems.set(
      registryNumber,
      (record?.steps ?? []).flatMap((step) => {
        const meetingPath = `/committees/${step.committeeSlug}/${step.meetingSlug}`
        const where = `${step.committeeName} ${step.meetsOn}`
        return [
          {
            key: `item:${step.agendaItemId}`,
            text: `På dagordningen: ${where}${step.title ? `, ${step.title}` : ''}`,
            path: meetingPath,
          },
          ...step.decisions.map((d) => ({
            key: `decision:${step.agendaItemId}:${d.number}`,
            text: `Beslut: ${where}, ${d.label} ${d.title}`,
            path: `${meetingPath}/protokoll#paragraf-${d.number}`,
          })),
        ]
      }),
    )
  }
  const personItems = new Map<string, PublishedItem[]>()
  for (const s of subscriptions) {
    if (s.target.kind !== 'person' || personItems.has(s.target.personSlug)) continue
    const found = await readPersonActivity(db, s.target.personSlug)
    personItems.set(s.target.personSlug, (found?.activity ?? []).map(activityItem))
  }
  const searchItems = new Map<string, PublishedItem[]>()
  const publishedFrom = daysBefore(today, searchWindowDays)
  for (const s of subscriptions) {
    if (s.target.kind !== 'search') continue
    const text = savedSearchText(s.target.search)
    if (searchItems.has(text)) continue
    const hits = await listRecentSearchHits(db, s.target.search, { publishedFrom })
    searchItems.set(text, hits.map(hitItem))
  }
  const items = new Map<number, PublishedItem[]>()
  for (const s of subscriptions) {
    const target = s.target
    if (target.kind === 'person') items.set(s.id, personItems.get(target.personSlug) ?? [])
    else if (target.kind === 'search') items.set(s.id, searchItems.get(savedSearchText(target.search)) ?? [])
    else if (target.kind === 'matter') items.set(s.id, matterItems.get(target.registryNumber) ?? [])
    else if (target.kind === 'notice_board') items.set(s.id, board.map(noticeItem))
    else
      items.set(
        s.id,
        board
          .filter(
            (b) =>
              (b.notice.kind === 'meeting' || b.notice.kind === 'minutes') &&
              b.target?.committeeSlug === target.committeeSlug,
          )
          .map(noticeItem),
      )
  }
  return items
}

/** A registry number as it appears in a portal path. */
export const matterPath = (registryNumber: string) => `/arenden/${segment(registryNumber)}`

/** A § of the minutes as a portal path (paths.section). */
const sectionPath = (committeeSlug: string, meetingSlug: string, number: number) =>
  `/committees/${committeeSlug}/${meetingSlug}/protokoll#paragraf-${number}`

function activityItem(a: PersonActivity): PublishedItem {
  const { section } = a
  const where = `${section.committeeName} ${section.meetsOn}, ${section.sectionLabel} ${section.sectionTitle}`
  return {
    key: a.key,
    text: `${a.heading}: ${where}${a.text ? ` – ${shortened(a.text)}` : ''}`,
    path: sectionPath(section.committeeSlug, section.meetingSlug, section.sectionNumber),
  }
}

/** Where a hit is shown: a § of the minutes, or the meeting page at the item (search.page.tsx's hitPath). */
export function recentHitPath(hit: RecentHit): string {
  const meeting = `/committees/${hit.committee.slug}/${hit.meeting.slug}`
  if (hit.kind === 'section' && hit.sectionNumber !== null)
    return sectionPath(hit.committee.slug, hit.meeting.slug, hit.sectionNumber)
  return `${meeting}${hit.anchor ? `#${segment(hit.anchor)}` : ''}`
}

function hitItem(hit: RecentHit): PublishedItem {
  return {
    key: `hit:${hit.kind}:${hit.objectId}`,
    text: `${searchKindLabels[hit.kind]}: ${hit.committee.name} ${hit.meeting.meetsOn}, ${hit.label ? `${hit.label} ` : ''}${hit.title}`,
    path: recentHitPath(hit),
  }
}

/** The search kinds by their names in the search page's address (search.routes.tsx). */
const kindParams: Record<SearchKind, string> = {
  agenda_item: 'dagordning',
  section: 'protokoll',
  document: 'handling',
}

/** The search page of a saved search (paths.search): its words and filters, by their Swedish names. */
export function searchPath(search: SavedSearch): string {
  const query = new URLSearchParams()
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') query.set(name, String(value))
  }
  set('q', search.q)
  set('namnd', search.committeeSlug)
  set('ar', search.year)
  set('typ', search.kind && kindParams[search.kind])
  set('parti', search.party)
  const text = query.toString()
  return text ? `/sok?${text}` : '/sok'
}

/** A person's page (paths.person). */
export const personPath = (personSlug: string) => `/personer/${personSlug}`

/** The calendar day `days` before `day` (YYYY-MM-DD). */
function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 24 * 60 * 60_000).toISOString().slice(0, 10)
}

/** A text on one line of a mail: whitespace collapsed, at most 300 characters. */
function shortened(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 300 ? `${line.slice(0, 299)}…` : line
}
