import type { FastifyInstance } from 'fastify'
import { sendPage } from '../views/render.tsx'
import { MeetingPage } from './meeting.page.tsx'
import { publicMeetingFrom } from './public-meeting.request.ts'

export async function meetingRoutes(app: FastifyInstance) {
  app.get<{ Params: { committee: string; meeting: string } }>(
    '/committees/:committee/:meeting',
    async (request, reply) => {
      const view = await publicMeetingFrom(request)
      return sendPage(reply, <MeetingPage view={view} />)
    },
  )
}
