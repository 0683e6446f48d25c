import type { FastifyInstance } from 'fastify'
import {
  mayCreateCommittee,
  mayManageOrganisation,
  mayManageRegister,
  mayWorkWith,
} from '../../domain/account/access.policy.ts'
import { listCommittees } from '../../domain/committee/committee.service.ts'
import { listMeetings } from '../../domain/meeting/meeting.service.ts'
import { listOrganisations } from '../../domain/organisation/organisation.service.ts'
import { sendPage } from '../views/render.tsx'
import { adminView, currentUser } from './admin-request.ts'
import { StartPage } from './start.page.tsx'

export async function startRoutes(app: FastifyInstance) {
  // The committees the user may work with and their next meetings; the organisations they keep.
  app.get('/admin', async (request, reply) => {
    const user = currentUser(request)
    const [committees, organisations] = await Promise.all([
      listCommittees(request.db),
      listOrganisations(request.db),
    ])
    const mine = committees.filter((c) => mayWorkWith(user, c))
    const upcoming = await listMeetings(request.db, {
      committeeIds: mine.map((c) => c.id),
      from: request.today,
      order: 'asc',
      limit: 100,
    })
    const kept = organisations
      .map((organisation) => ({
        organisation,
        manage: mayManageOrganisation(user, organisation.id),
        createCommittee: mayCreateCommittee(user, organisation.id),
        register: mayManageRegister(user, organisation.id),
      }))
      .filter((o) => o.manage || o.register)
    return sendPage(
      reply,
      <StartPage
        view={adminView(request, reply)}
        committees={mine}
        upcoming={upcoming}
        organisations={kept}
      />,
    )
  })
}
