import type { FastifyInstance } from 'fastify'
import { readNoticeArchive, readNoticeBoard } from '../../domain/publication/notice-board-record.ts'
import { sendPage } from '../views/render.tsx'
import { NoticeArchivePage, NoticeBoardPage } from './notice-board.page.tsx'

/** A page number from the query string: anything odd is page 1, never an error. */
export function pageNumber(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1
  return n >= 1 ? n : 1
}

export async function noticeBoardRoutes(app: FastifyInstance) {
  app.get('/anslagstavla', async (request, reply) => {
    // The board turns at Swedish midnight: a notice is up from its posting day until it comes down.
    const today = request.today
    return sendPage(
      reply,
      <NoticeBoardPage notices={await readNoticeBoard(request.db, today)} today={today} />,
    )
  })

  app.get<{ Querystring: { sida?: unknown } }>('/anslagstavla/arkiv', async (request, reply) => {
    const page = pageNumber(request.query.sida)
    const { notices, hasMore } = await readNoticeArchive(request.db, request.today, page)
    return sendPage(reply, <NoticeArchivePage notices={notices} page={page} hasMore={hasMore} />)
  })
}
