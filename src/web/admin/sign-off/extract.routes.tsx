import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../../domain/shared/errors.ts'
import { sendPage } from '../../views/render.tsx'
import { loadMinutes, type MeetingParams, minutesToKeep } from '../minutes/minutes.data.ts'
import { adminView } from '../shared/admin-request.ts'
import { WorkspaceExtractPage } from './extract.page.tsx'
import { noPageQuery, sectionParams } from './sign-off.schema.ts'

type Params = { Params: MeetingParams['Params'] & { number: string } }

/** The secretary's extract of a signed-off § (protokollsutdrag), confidential §§ included. */
export async function extractRoutes(app: FastifyInstance) {
  app.get<Params>(
    '/admin/namnder/:committee/sammantraden/:meeting/protokoll/paragrafer/:number/utdrag',
    { schema: { params: sectionParams, querystring: noPageQuery } },
    async (request, reply) => {
      const { committee, meeting } = await minutesToKeep(request)
      const data = await loadMinutes(request, committee, meeting)
      const entry = data.record?.sections.find((s) => String(s.section.number) === request.params.number)
      // An extract is of the signed-off minutes: before sign-off there is nothing to attest (TF 2:10).
      if (entry?.signOff?.status !== 'signed_off')
        throw new NotFoundError('signed-off section', request.params.number)
      return sendPage(
        reply,
        <WorkspaceExtractPage
          view={adminView(request, reply)}
          committee={committee}
          meeting={meeting}
          data={data}
          entry={entry}
        />,
      )
    },
  )
}
