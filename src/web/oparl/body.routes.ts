import type { FastifyInstance } from 'fastify'
import type { ListName } from '../../domain/publication/oparl/oparl-links.ts'
import {
  listOparlAgendaItems,
  listOparlConsultations,
  listOparlFiles,
  listOparlLocations,
  listOparlMemberships,
} from '../../domain/publication/oparl/oparl-lists.ts'
import {
  type ListReader,
  listOparlBodies,
  listOparlLegislativeTerms,
  listOparlMeetings,
  listOparlOrganizations,
  listOparlPapers,
  listOparlPersons,
  readOparlBody,
  readOparlLegislativeTerm,
  readOparlSystem,
} from '../../domain/publication/oparl/oparl-read.ts'
import {
  defaultLimit,
  idParams,
  linksOf,
  listPage,
  meetingListLimit,
  readListQuery,
  sendNotFound,
  sendObject,
  sendOparl,
} from './oparl-response.ts'

/** The external lists of a Body (2-05), each paged and filtered alike. */
const bodyLists: Record<ListName, ListReader> = {
  organization: listOparlOrganizations,
  person: listOparlPersons,
  meeting: listOparlMeetings,
  paper: listOparlPapers,
  'legislative-term': listOparlLegislativeTerms,
  'agenda-item': listOparlAgendaItems,
  consultation: listOparlConsultations,
  file: listOparlFiles,
  location: listOparlLocations,
  membership: listOparlMemberships,
}

/** The entry point (2-10), the bodies (one per organisation) and their lists. */
export async function bodyRoutes(app: FastifyInstance) {
  // The System's id stays /oparl/v1 (where clients were pointed); /oparl/v1/system answers the same.
  for (const path of ['/v1', '/v1/system'])
    app.get(path, async (request, reply) =>
      sendOparl(reply, await readOparlSystem(request.db, linksOf(request))),
    )

  app.get('/v1/body', async (request, reply) => {
    const query = readListQuery(request, reply)
    if (!query) return reply
    const links = linksOf(request)
    const result = await listOparlBodies(request.db, links, query.filter, query.page)
    return sendOparl(reply, listPage(`${links.system()}/body`, query, result))
  })

  app.get('/v1/body/:id', async (request, reply) => {
    const params = idParams.safeParse(request.params)
    if (!params.success) return sendNotFound(reply)
    return sendObject(reply, await readOparlBody(request.db, linksOf(request), params.data.id))
  })

  for (const [name, read] of Object.entries(bodyLists) as [ListName, ListReader][]) {
    app.get(`/v1/body/:id/${name}`, async (request, reply) => {
      const params = idParams.safeParse(request.params)
      if (!params.success) return sendNotFound(reply)
      const links = linksOf(request)
      const body = await readOparlBody(request.db, links, params.data.id)
      if (!body) return sendNotFound(reply)
      const query = readListQuery(request, reply, name === 'meeting' ? meetingListLimit : defaultLimit)
      if (!query) return reply
      const result = await read(request.db, links, params.data.id, query.filter, query.page, request.today)
      return sendOparl(reply, listPage(links.list(params.data.id, name), query, result))
    })
  }

  app.get('/v1/legislative-term/:id', async (request, reply) => {
    const params = idParams.safeParse(request.params)
    if (!params.success) return sendNotFound(reply)
    return sendObject(reply, await readOparlLegislativeTerm(request.db, linksOf(request), params.data.id))
  })
}
