import type { FastifyInstance } from 'fastify'
import { listCommittees } from '../../domain/committee/committee.service.ts'
import { listMeetings } from '../../domain/meeting/meeting.service.ts'
import { todayInSweden } from '../views/format.ts'
import { sendPage } from '../views/render.tsx'
import { StartPage } from './start.page.tsx'

export async function startRoutes(app: FastifyInstance) {
  app.get('/', async (request, reply) => {
    const today = todayInSweden()
    const [committees, upcoming, recent] = await Promise.all([
      listCommittees(request.db),
      listMeetings(request.db, { from: today, order: 'asc', limit: 10 }),
      listMeetings(request.db, { to: today, order: 'desc', limit: 50 }),
    ])
    const recentMinutes = recent
      .filter((m) => m.status === 'signed_off' || m.status === 'published')
      .slice(0, 10)
    const visible = upcoming.filter((m) => m.status !== 'cancelled' || m.cancellationReason)
    return sendPage(
      reply,
      <StartPage committees={committees} upcoming={visible} recentMinutes={recentMinutes} />,
    )
  })
}
