import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { readVoteTableOf, type VoteTableOwner, voteTableYear } from '../../domain/publication/vote-table.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { paths } from '../paths.ts'
import { slugParam } from './committee.routes.tsx'
import { abbreviationParam } from './party.routes.tsx'

// Every vote and ballot of public §§ as CSV, per committee, person and party, with `?ar=2022` for
// one year (docs/document-json.md, "Omröstningar som tabell").

type Query = { Querystring: { ar?: unknown } }

async function sendVoteTable(
  request: FastifyRequest<Query>,
  reply: FastifyReply,
  owner: VoteTableOwner | undefined,
  kind: string,
  param: string,
) {
  const base = request.publicUrl.replace(/\/+$/, '')
  const table =
    owner &&
    (await readVoteTableOf(
      request.db,
      owner,
      voteTableYear(request.query.ar),
      (committee, meeting, section) => `${base}${paths.section(committee, meeting, section)}`,
    ))
  if (!table) throw new NotFoundError(kind, param)
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${table.fileName}"`)
    .send(table.csv)
}

export async function voteTableRoutes(app: FastifyInstance) {
  app.get<{ Params: { committee: string } } & Query>(
    '/committees/:committee/omrostningar.csv',
    async (request, reply) => {
      const slug = slugParam.safeParse(request.params.committee)
      const owner = slug.success ? { committeeSlug: slug.data } : undefined
      return sendVoteTable(request, reply, owner, 'committee', request.params.committee)
    },
  )
  app.get<{ Params: { person: string } } & Query>(
    '/personer/:person/omrostningar.csv',
    async (request, reply) => {
      const slug = slugParam.safeParse(request.params.person)
      const owner = slug.success ? { personSlug: slug.data } : undefined
      return sendVoteTable(request, reply, owner, 'person', request.params.person)
    },
  )
  app.get<{ Params: { party: string } } & Query>(
    '/partier/:party/omrostningar.csv',
    async (request, reply) => {
      const abbreviation = abbreviationParam.safeParse(request.params.party)
      const owner = abbreviation.success ? { partyAbbreviation: abbreviation.data } : undefined
      return sendVoteTable(request, reply, owner, 'party', request.params.party)
    },
  )
}
