import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { findCommitteeBySlug } from '../../domain/committee/committee.service.ts'
import { listMeetings } from '../../domain/meeting/meeting.service.ts'
import { listMemberships } from '../../domain/membership/membership.service.ts'
import { listParties, listPersonsByIds } from '../../domain/person/person.service.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { todayInSweden } from '../views/format.ts'
import { sendPage } from '../views/render.tsx'
import { CommitteePage } from './committee.page.tsx'

export const slugParam = z.string().regex(/^[a-z0-9-]{1,120}$/)

export async function committeeRoutes(app: FastifyInstance) {
  app.get<{ Params: { committee: string } }>('/committees/:committee', async (request, reply) => {
    const slug = slugParam.safeParse(request.params.committee)
    const committee = slug.success ? await findCommitteeBySlug(request.db, slug.data) : undefined
    if (!committee) throw new NotFoundError('committee', request.params.committee)
    const today = todayInSweden()
    const [memberships, meetings, parties] = await Promise.all([
      listMemberships(request.db, committee.id, today),
      listMeetings(request.db, { committeeIds: [committee.id], order: 'desc' }),
      listParties(request.db, committee.organisationId),
    ])
    const persons = await listPersonsByIds(
      request.db,
      memberships.map((m) => m.personId),
    )
    return sendPage(
      reply,
      <CommitteePage
        committee={committee}
        memberships={memberships}
        persons={new Map(persons.map((p) => [p.id, p]))}
        parties={new Map(parties.map((p) => [p.id, p]))}
        upcoming={meetings.filter((m) => m.meetsOn >= today).reverse()}
        past={meetings.filter((m) => m.meetsOn < today)}
      />,
    )
  })
}
