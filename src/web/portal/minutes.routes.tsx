import type { FastifyInstance } from 'fastify'
import { readPublicMeeting } from '../../domain/publication/public-meeting.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { sendPage } from '../views/render.tsx'
import { slugParam } from './committee.routes.tsx'
import { MinutesPage } from './minutes.page.tsx'
import { namesOf } from './public-names.ts'

export async function minutesRoutes(app: FastifyInstance) {
  app.get<{ Params: { committee: string; meeting: string } }>(
    '/committees/:committee/:meeting/protokoll',
    async (request, reply) => {
      const committeeSlug = slugParam.safeParse(request.params.committee)
      const meetingSlug = slugParam.safeParse(request.params.meeting)
      const view =
        committeeSlug.success && meetingSlug.success
          ? await readPublicMeeting(request.db, committeeSlug.data, meetingSlug.data)
          : undefined
      if (!view) throw new NotFoundError('meeting', request.params.meeting)
      return sendPage(reply, <MinutesPage view={view} names={namesOf(view)} />)
    },
  )
}
