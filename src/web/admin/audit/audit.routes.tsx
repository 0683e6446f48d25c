import type { FastifyInstance } from 'fastify'
import { assertAllowed, mayReadAuditLog } from '../../../domain/account/access.policy.ts'
import { findUserNames } from '../../../domain/account/account.service.ts'
import { listAuditEvents } from '../../../domain/audit/audit.service.ts'
import { NotFoundError } from '../../../domain/shared/errors.ts'
import { sendPage } from '../../views/render.tsx'
import { adminView, currentUser } from '../shared/admin-request.ts'
import { AuditPage } from './audit.page.tsx'
import { auditParams, auditQuery } from './audit.schema.ts'

export async function auditRoutes(app: FastifyInstance) {
  // The history of one object, for the administrators of the organisation it belongs to.
  app.get<{ Params: { type: string; id: string } }>(
    '/admin/logg/:type/:id',
    { schema: { params: auditParams, querystring: auditQuery } },
    async (request, reply) => {
      const { type, id } = request.params
      if (!/^[a-z_]{1,40}$/.test(type) || !/^\d{1,9}$/.test(id))
        throw new NotFoundError('audit log', `${type}/${id}`)
      const events = await listAuditEvents(request.db, type, Number(id))
      if (events.length === 0) throw new NotFoundError('audit log', `${type}/${id}`)
      const user = currentUser(request)
      // Every row must belong to an organisation the user administers; rows of none (accounts) need any.
      const allowed = events.every((e) =>
        e.organisationId === null
          ? user.grants.some((g) => g.role === 'administrator')
          : mayReadAuditLog(user, e.organisationId),
      )
      assertAllowed(allowed, 'read audit log')
      // "user:7" in the log reads as the user's name.
      const ids = events.flatMap((e) => (/^user:\d+$/.test(e.actor) ? [Number(e.actor.slice(5))] : []))
      const names = await findUserNames(request.db, ids)
      return sendPage(
        reply,
        <AuditPage
          view={adminView(request, reply)}
          objectType={type}
          objectId={Number(id)}
          events={events}
          names={names}
        />,
      )
    },
  )
}
