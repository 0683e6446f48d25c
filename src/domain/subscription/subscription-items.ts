import type { Queryable } from '../../db/database.ts'
import { noticeKindLabels } from '../notice-board/notice.ts'
import { readMatterRecord } from '../publication/matter-record.ts'
import { type BoardNotice, readNoticeBoard } from '../publication/notice-board-record.ts'
import type { Subscription } from './subscription.ts'

// What a subscription follows, read only through the publication functions: the notice board as
// the public sees it (KL 8:10–12) and the public record of a matter, where confidential items and
// §§ never appear (OSL, P2). Whatever these functions do not show is never mailed.

/** Something published that a subscriber is told of: a line of text and a portal address. */
export interface PublishedItem {
  /** Stable name of the item: 'notice:7', 'item:31', 'decision:31:5'. */
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
 * The items each subscription would be told of today: the notices up on the board (all of them, or
 * those of meetings and minutes of the committee) and the public agenda items and decisions of a
 * matter. A fixed number of queries, plus four per matter followed.
 */
export async function listPublishedItems(
  db: Queryable,
  subscriptions: readonly Subscription[],
  today: string,
): Promise<Map<number, PublishedItem[]>> {
  const needsBoard = subscriptions.some((s) => s.target.kind !== 'matter')
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
  const items = new Map<number, PublishedItem[]>()
  for (const s of subscriptions) {
    const target = s.target
    if (target.kind === 'matter') items.set(s.id, matterItems.get(target.registryNumber) ?? [])
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
