import type { FastifyInstance } from 'fastify'
import { readPersonRecord } from '../../domain/publication/person-record.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { sendPage } from '../views/render.tsx'
import { slugParam } from './committee.routes.tsx'
import { pageNumber } from './notice-board.routes.tsx'
import { PersonPage } from './person.page.tsx'

export async function personRoutes(app: FastifyInstance) {
  app.get<{ Params: { person: string }; Querystring: { sida?: unknown } }>(
    '/personer/:person',
    async (request, reply) => {
      const slug = slugParam.safeParse(request.params.person)
      const found = slug.success
        ? await readPersonRecord(request.db, slug.data, pageNumber(request.query.sida))
        : undefined
      if (!found) throw new NotFoundError('person', request.params.person)
      return sendPage(reply, <PersonPage person={found.person} record={found.record} />)
    },
  )
}
