import type { FastifyInstance } from 'fastify'
import { readPublicMeeting } from '../../domain/publication/public-meeting.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { sendPage } from '../views/render.tsx'
import { slugParam } from './committee.routes.tsx'
import { ExtractPage } from './extract.page.tsx'
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
      return sendPage(reply, <MinutesPage view={view} names={namesOf(view)} today={request.today} />)
    },
  )

  // A printable extract of one § (protokollsutdrag): only a signed-off, public § (TF 2:10, OSL), else 404.
  app.get<{ Params: { committee: string; meeting: string; number: string } }>(
    '/committees/:committee/:meeting/protokoll/utdrag/:number',
    async (request, reply) => {
      const committeeSlug = slugParam.safeParse(request.params.committee)
      const meetingSlug = slugParam.safeParse(request.params.meeting)
      const view =
        committeeSlug.success && meetingSlug.success
          ? await readPublicMeeting(request.db, committeeSlug.data, meetingSlug.data)
          : undefined
      // The public record holds only signed-off §§; a confidential § is kept there as a number only.
      const entry = view?.minutes?.sections.find(
        (s) => String(s.section.number) === request.params.number && !s.section.confidential,
      )
      if (!view || !entry) throw new NotFoundError('section', request.params.number)
      return sendPage(reply, <ExtractPage view={view} entry={entry} names={namesOf(view)} />)
    },
  )
}
