import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { readPartyRecord } from '../../domain/publication/person-record.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { sendPage } from '../views/render.tsx'
import { pageNumber } from './notice-board.routes.tsx'
import { PartyPage } from './party.page.tsx'

// Abbreviations as councils print them: "S", "MP", "F!", "Fi".
export const abbreviationParam = z.string().trim().min(1).max(20)

export async function partyRoutes(app: FastifyInstance) {
  app.get<{ Params: { party: string }; Querystring: { sida?: unknown } }>(
    '/partier/:party',
    async (request, reply) => {
      const abbreviation = abbreviationParam.safeParse(request.params.party)
      const found = abbreviation.success
        ? await readPartyRecord(request.db, abbreviation.data, pageNumber(request.query.sida))
        : undefined
      if (!found) throw new NotFoundError('party', request.params.party)
      return sendPage(reply, <PartyPage party={found.party} record={found.record} />)
    },
  )
}
