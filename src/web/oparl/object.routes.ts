import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Queryable } from '../../db/database.ts'
import { type PublicKind, publicKinds } from '../../domain/public-record/public-record.ts'
import type { OparlLinks } from '../../domain/publication/oparl/oparl-links.ts'
import { withLoggedModified } from '../../domain/publication/oparl/oparl-modified.ts'
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
import { readOparlTombstone } from '../../domain/publication/oparl/oparl-tombstones.ts'
import { idParams, linksOf, sendNotFound, sendObject } from './oparl-response.ts'

/** `today` (in Sweden) is for where a decision stands, as the portal says it (open to appeal, final). */
type ObjectReader = (
  db: Queryable,
  links: OparlLinks,
  id: number,
  today: string,
) => Promise<OparlObject | undefined>

/**
 * Every single object by its address; each reader applies the publication rules itself. An object
 * that was public and is no more answers as a tombstone (2-08), one never public as unknown.
 */
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
      const links = linksOf(request)
      const [object] = await withLoggedModified(request.db, [
        await read(request.db, links, params.data.id, request.today),
      ])
      const kind = path as PublicKind
      const tombstone =
        object || !(publicKinds as readonly string[]).includes(kind)
          ? undefined
          : await readOparlTombstone(request.db, links, kind, params.data.id)
      return sendObject(reply, object ?? tombstone)
    })
  }
}
