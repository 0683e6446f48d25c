import type { FastifyInstance } from 'fastify'
import { minutesDocumentJson } from '../../domain/publication/meeting-document-json.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { paths } from '../paths.ts'
import { sendPage } from '../views/render.tsx'
import { documentJsonContext, sendDocumentJson } from './document-json.response.ts'
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

  // The signed-off minutes as open data; with nothing signed off there is no document to give (TF 2:10).
  app.get<{ Params: { committee: string; meeting: string } }>(
    '/committees/:committee/:meeting/protokoll.json',
    async (request, reply) => {
      const view = await publicMeetingFrom(request)
      const page = paths.minutes(view.committee.slug, view.meeting.slug)
      const document = minutesDocumentJson(view, await documentJsonContext(request, view, page))
      if (!document) throw new NotFoundError('minutes', request.params.meeting)
      return sendDocumentJson(reply, document)
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
