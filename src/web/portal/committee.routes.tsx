import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { findCommitteeBySlug } from '../../domain/committee/committee.reads.ts'
import { listMeetings, listMeetingYears } from '../../domain/meeting/meeting.service.ts'
import { listMemberships } from '../../domain/membership/membership.service.ts'
import { listParties, listPersonsByIds } from '../../domain/person/person.reads.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { sendPage } from '../views/render.tsx'
import { CommitteePage } from './committee.page.tsx'

export const slugParam = z.string().regex(/^[a-z0-9-]{1,120}$/)
const yearParam = z.coerce.number().int().min(1000).max(9999)

export async function committeeRoutes(app: FastifyInstance) {
  app.get<{ Params: { committee: string }; Querystring: { ar?: string } }>(
    '/committees/:committee',
    async (request, reply) => {
      const slug = slugParam.safeParse(request.params.committee)
      const committee = slug.success ? await findCommitteeBySlug(request.db, slug.data) : undefined
      if (!committee) throw new NotFoundError('committee', request.params.committee)
      const today = request.today
      // One year of past meetings at a time (`?ar=YYYY`; by default the latest year the committee
      // met in, this year once it has met): a committee of decades would list every meeting it held.
      const years = await listMeetingYears(request.db, committee.id, today)
      const asked = yearParam.safeParse(request.query.ar)
      const year = asked.success ? asked.data : (years[0] ?? Number(today.slice(0, 4)))
      const [memberships, upcoming, ofYear, parties] = await Promise.all([
        listMemberships(request.db, committee.id, today),
        listMeetings(request.db, { committeeIds: [committee.id], from: today, order: 'asc' }),
        listMeetings(request.db, {
          committeeIds: [committee.id],
          from: `${year}-01-01`,
          to: `${year}-12-31`,
          order: 'desc',
        }),
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
          upcoming={upcoming}
          year={year}
          years={years}
          past={ofYear.filter((m) => m.meetsOn < today)}
        />,
      )
    },
  )
}
