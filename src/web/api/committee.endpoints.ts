import { z } from 'zod'
import { findCommitteeBySlug, getCommittee } from '../../domain/committee/committee.reads.ts'
import { listMemberships } from '../../domain/membership/membership.service.ts'
import { listParties, listPersonsByIds } from '../../domain/person/person.reads.ts'
import { listCommitteesByIds, pageOfCommittees } from '../../domain/publication/api-pages.repository.ts'
import { endpoint } from './api-endpoint.ts'
import { apiLinksOf, cursorParam, decodeCursor, encodeCursor, limitParam, pageLinksOf } from './api-links.ts'
import { committeeOf, personRefOf } from './api-presenters.ts'
import { committeeDetailSchema, committeeListSchema } from './api-schemas.ts'

export const slugParam = z
  .string()
  .regex(/^[a-z0-9-]{1,120}$/)
  .describe('Adressnamnet, som i webbplatsens adresser: socialnamnden.')

const nameKey = z.object({ name: z.string(), id: z.number().int() })

export const listCommitteesEndpoint = endpoint({
  operationId: 'listCommittees',
  path: '/committees',
  tag: 'Nämnder',
  summary: 'Alla nämnder, styrelser, utskott och råd, i namnordning.',
  query: z.object({ cursor: cursorParam, limit: limitParam }),
  response: committeeListSchema,
  async handle(request, { query }) {
    const links = apiLinksOf(request)
    const page = await pageOfCommittees(request.db, {
      after: decodeCursor(query.cursor, nameKey),
      limit: query.limit,
    })
    const parentIds = page.rows.flatMap((c) => (c.parentId === null ? [] : [c.parentId]))
    const parents = new Map((await listCommitteesByIds(request.db, parentIds)).map((c) => [c.id, c]))
    return {
      data: page.rows.map((c) =>
        committeeOf(links, c, c.parentId === null ? undefined : parents.get(c.parentId)),
      ),
      links: pageLinksOf(request, page.next && { cursor: encodeCursor(page.next) }),
    }
  },
})

export const getCommitteeEndpoint = endpoint({
  operationId: 'getCommittee',
  path: '/committees/{committee}',
  tag: 'Nämnder',
  summary: 'En nämnd med dagens ledamöter och ersättare.',
  params: z.object({ committee: slugParam }),
  response: committeeDetailSchema,
  async handle(request, { params }) {
    const committee = await findCommitteeBySlug(request.db, params.committee)
    if (!committee) return undefined
    const links = apiLinksOf(request)
    const [memberships, parties, parent] = await Promise.all([
      listMemberships(request.db, committee.id, request.today),
      listParties(request.db, committee.organisationId),
      committee.parentId === null ? undefined : getCommittee(request.db, committee.parentId),
    ])
    const persons = new Map(
      (
        await listPersonsByIds(
          request.db,
          memberships.map((m) => m.personId),
        )
      ).map((p) => [p.id, p]),
    )
    const partyOf = new Map(parties.map((p) => [p.id, p.abbreviation]))
    return {
      ...committeeOf(links, committee, parent),
      members: memberships.flatMap((m) => {
        const person = persons.get(m.personId)
        if (!person) return []
        return [
          {
            person: personRefOf(links, person),
            party: m.partyId === null ? null : (partyOf.get(m.partyId) ?? null),
            role: m.role,
            substituteOrder: m.substituteOrder,
            startsOn: m.startsOn,
            endsOn: m.endsOn,
          },
        ]
      }),
    }
  },
})
