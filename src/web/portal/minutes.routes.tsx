import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { sendPage } from '../views/render.tsx'
import { ExtractPage } from './extract.page.tsx'
import { MinutesPage } from './minutes.page.tsx'
import { publicMeetingFrom } from './public-meeting.request.ts'
import { namesOf } from './public-names.ts'

export async function minutesRoutes(app: FastifyInstance) {
  app.get<{ Params: { committee: string; meeting: string } }>(
    '/committees/:committee/:meeting/protokoll',
    async (request, reply) => {
      const view = await publicMeetingFrom(request)
      return sendPage(reply, <MinutesPage view={view} names={namesOf(view)} today={request.today} />)
    },
  )

  // A printable extract of one § (protokollsutdrag): only a signed-off, public § (TF 2:10, OSL), else 404.
  app.get<{ Params: { committee: string; meeting: string; number: string } }>(
    '/committees/:committee/:meeting/protokoll/utdrag/:number',
    async (request, reply) => {
      const view = await publicMeetingFrom(request)
      // The public record holds only signed-off §§; a confidential § is kept there as a number only.
      const entry = view.minutes?.sections.find(
        (s) => String(s.section.number) === request.params.number && !s.section.confidential,
      )
      if (!entry) throw new NotFoundError('section', request.params.number)
      return sendPage(reply, <ExtractPage view={view} entry={entry} names={namesOf(view)} />)
    },
  )
}
