import type { Queryable } from '../../db/database.ts'
import type { Notice } from '../notice-board/notice.ts'
import { listNoticesDownBy, listNoticesUpOn } from '../notice-board/notice-board.reads.ts'
import { listNoticeTargetRows } from './publication.repository.ts'

/** A notice with the meeting it concerns, so the board can link to the meeting or its minutes. */
export interface BoardNotice {
  notice: Notice
  target:
    | {
        committeeName: string
        committeeSlug: string
        meetingSlug: string
        meetsOn: string
        signedOffOn: string | null
      }
    | undefined
}

async function withTargets(db: Queryable, notices: Notice[]): Promise<BoardNotice[]> {
  const targets = new Map(
    (
      await listNoticeTargetRows(
        db,
        notices.map((n) => n.id),
      )
    ).map((t) => [t.noticeId, t]),
  )
  return notices.map((notice) => ({ notice, target: targets.get(notice.id) }))
}

/** The notices up on the anslagstavla on a day: each stays until its appeal period has run out (KL 8:12). */
export async function readNoticeBoard(db: Queryable, day: string): Promise<BoardNotice[]> {
  return withTargets(db, await listNoticesUpOn(db, day))
}

/** One page of the archive of notices that have come down, newest first, and whether more follow. */
export async function readNoticeArchive(
  db: Queryable,
  day: string,
  page: number,
  pageSize = 25,
): Promise<{ notices: BoardNotice[]; hasMore: boolean }> {
  const rows = await listNoticesDownBy(db, day, pageSize + 1, (page - 1) * pageSize)
  return { notices: await withTargets(db, rows.slice(0, pageSize)), hasMore: rows.length > pageSize }
}
