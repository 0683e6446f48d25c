import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Queryable } from '../../db/database.ts'
import type { OparlLinks } from '../../domain/publication/oparl/oparl-links.ts'
import type { OparlObject } from '../../domain/publication/oparl/oparl-objects.ts'
import {
  readOparlAgendaItem,
  readOparlConsultation,
  readOparlFile,
  readOparlLocation,
  readOparlMeeting,
  readOparlMembership,
  readOparlOrganization,
  readOparlPaper,
  readOparlParty,
  readOparlPerson,
} from '../../domain/publication/oparl/oparl-read.ts'
import { idParams, linksOf, sendNotFound, sendObject } from './oparl-response.ts'

/** `today` (in Sweden) is for where a decision stands, as the portal says it (open to appeal, final). */
type ObjectReader = (
  db: Queryable,
  links: OparlLinks,
  id: number,
  today: string,
) => Promise<OparlObject | undefined>

/** Every single object by its address; each reader applies the publication rules itself. */
const readers: Record<string, ObjectReader> = {
  organization: readOparlOrganization,
  party: readOparlParty,
  person: readOparlPerson,
  membership: readOparlMembership,
  meeting: readOparlMeeting,
  location: readOparlLocation,
  'agenda-item': readOparlAgendaItem,
  paper: readOparlPaper,
  consultation: readOparlConsultation,
  file: readOparlFile,
}

export async function objectRoutes(app: FastifyInstance) {
  for (const [path, read] of Object.entries(readers)) {
    app.get(`/v1/${path}/:id`, async (request: FastifyRequest, reply: FastifyReply) => {
      const params = idParams.safeParse(request.params)
      if (!params.success) return sendNotFound(reply)
      return sendObject(reply, await read(request.db, linksOf(request), params.data.id, request.today))
    })
  }
}
