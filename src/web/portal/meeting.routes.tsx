import type { FastifyInstance } from 'fastify'
import { agendaDocumentJson } from '../../domain/publication/meeting-document-json.ts'
import { paths } from '../paths.ts'
import { sendPage } from '../views/render.tsx'
import { documentJsonContext, sendDocumentJson } from './document-json.response.ts'
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

  // The same public agenda as open data: before the notice is out it is empty, as on the page.
  app.get<{ Params: { committee: string; meeting: string } }>(
    '/committees/:committee/:meeting/dagordning.json',
    async (request, reply) => {
      const view = await publicMeetingFrom(request)
      const page = paths.meeting(view.committee.slug, view.meeting.slug)
      return sendDocumentJson(reply, agendaDocumentJson(view, await documentJsonContext(request, view, page)))
    },
  )
}
