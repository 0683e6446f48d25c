import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { readVoteTableOf, type VoteTableOwner, voteTableYear } from '../../domain/publication/vote-table.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { paths } from '../paths.ts'
import { slugParam } from './committee.routes.tsx'
import { abbreviationParam } from './party.routes.tsx'

// Every vote and ballot of public §§ as CSV, per committee, person and party, with `?ar=2022` for
// one year (docs/document-json.md, "Omröstningar som tabell").

type Request = FastifyRequest<{ Params: Record<string, string>; Querystring: { ar?: unknown } }>

/** The three tables: where each is, the address part that names its owner, and how it is read. */
const tables: {
  url: string
  param: string
  valid: z.ZodType<string>
  owner: (v: string) => VoteTableOwner
}[] = [
  {
    url: '/committees/:committee/omrostningar.csv',
    param: 'committee',
    valid: slugParam,
    owner: (v) => ({ committeeSlug: v }),
  },
  {
    url: '/personer/:person/omrostningar.csv',
    param: 'person',
    valid: slugParam,
    owner: (v) => ({ personSlug: v }),
  },
  {
    url: '/partier/:party/omrostningar.csv',
    param: 'party',
    valid: abbreviationParam,
    owner: (v) => ({ partyAbbreviation: v }),
  },
]

async function sendVoteTable(
  request: Request,
  reply: FastifyReply,
  kind: string,
  owner: VoteTableOwner | undefined,
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
  if (!table) throw new NotFoundError(kind, request.params[kind] ?? '')
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${table.fileName}"`)
    .send(table.csv)
}

export async function voteTableRoutes(app: FastifyInstance) {
  for (const { url, param, valid, owner } of tables)
    app.get(url, async (request: Request, reply) => {
      const value = valid.safeParse(request.params[param])
      return sendVoteTable(request, reply, param, value.success ? owner(value.data) : undefined)
    })
}
