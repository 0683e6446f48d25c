import type { FastifyInstance, FastifyRequest } from 'fastify'
import { assertAllowed, mayPrepareMeeting } from '../../../domain/account/access.policy.ts'
import { getAgendaItem } from '../../../domain/agenda/agenda.reads.ts'
import {
  markAgendaItemComingLater,
  updateAgendaItem,
  withdrawAgendaItem,
} from '../../../domain/agenda/agenda.service.ts'
import { addAgendaItemForMatter, addStandardItems } from '../../../domain/agenda/agenda-items.service.ts'
import { moveAgendaItem } from '../../../domain/agenda/agenda-order.service.ts'
import { NotFoundError } from '../../../domain/shared/errors.ts'
import { paths } from '../../paths.ts'
import { idOf, isConflict, type MeetingParams, meetingFrom } from '../meetings/meetings.data.ts'
import { actorOf, currentUser, fieldErrorOf, readForm, savedAt } from '../shared/admin-request.ts'
import { itemDomainMessages, itemFieldNames, itemToForm, readItemForm } from './agenda.form.ts'
import { renderAgenda, renderItem } from './agenda.render.tsx'
import {
  itemActionForm,
  itemActionParams,
  itemForm,
  itemParams,
  meetingParams,
  pageQuery,
  standardItemsForm,
} from './agenda.schema.ts'

// The agenda editor: adding items (standard ones, or for a matter), editing one with optimistic
// versions, reordering, "kommer senare" and "utgår". Every save sends the version the editor read.

type ItemParams = { Params: MeetingParams['Params'] & { item: string } }
const base = '/admin/namnder/:committee/sammantraden/:meeting/dagordning'

async function preparedMeeting(request: FastifyRequest<MeetingParams>, what: string) {
  const found = await meetingFrom(request)
  assertAllowed(mayPrepareMeeting(currentUser(request), found.committee), what)
  return found
}

/** The item the address names, if it is on this meeting's agenda. */
async function itemOf(request: FastifyRequest<ItemParams>, meetingId: number) {
  const item = await getAgendaItem(request.db, idOf(request.params.item) ?? 0)
  if (item.meetingId !== meetingId) throw new NotFoundError('agenda item', request.params.item)
  return item
}

const itemActions = {
  upp: (r: FastifyRequest, id: number, version: number) =>
    r.db
      .transaction()
      .execute((trx) => moveAgendaItem(trx, actorOf(r), { agendaItemId: id, version, direction: 'up' })),
  ned: (r: FastifyRequest, id: number, version: number) =>
    r.db
      .transaction()
      .execute((trx) => moveAgendaItem(trx, actorOf(r), { agendaItemId: id, version, direction: 'down' })),
  'kommer-senare': (r: FastifyRequest, id: number, version: number) =>
    r.db
      .transaction()
      .execute((trx) => markAgendaItemComingLater(trx, actorOf(r), { agendaItemId: id, version })),
  utgar: (r: FastifyRequest, id: number, version: number) =>
    r.db.transaction().execute((trx) => withdrawAgendaItem(trx, actorOf(r), { agendaItemId: id, version })),
}

export { itemOf, preparedMeeting }

export async function agendaRoutes(app: FastifyInstance) {
  app.get<MeetingParams>(
    base,
    { schema: { params: meetingParams, querystring: pageQuery } },
    async (request, reply) => {
      const { committee, meeting } = await preparedMeeting(request, 'agenda')
      return renderAgenda(request, reply, committee, meeting, {}, 200)
    },
  )

  app.post<MeetingParams>(
    base,
    { schema: { params: meetingParams, body: itemForm } },
    async (request, reply) => {
      const { committee, meeting } = await preparedMeeting(request, 'add agenda item')
      const values = readForm(request.body, itemFieldNames)
      const { input, errors } = readItemForm(values)
      if (Object.keys(errors).length === 0) {
        try {
          await addAgendaItemForMatter(request.db, actorOf(request), {
            ...input,
            meetingId: meeting.id,
            ...(values.registryNumber ? { registryNumber: values.registryNumber } : {}),
          })
          return reply.redirect(savedAt(paths.admin.agenda(committee.slug, meeting.slug)), 303)
        } catch (error) {
          Object.assign(errors, fieldErrorOf(error, itemDomainMessages))
        }
      }
      return renderAgenda(request, reply, committee, meeting, { addForm: { values, errors } })
    },
  )

  app.post<MeetingParams>(
    `${base}/standardpunkter`,
    { schema: { params: meetingParams, body: standardItemsForm } },
    async (request, reply) => {
      const { committee, meeting } = await preparedMeeting(request, 'add standard items')
      const chosen = (request.body as { keys?: string | string[] } | undefined)?.keys
      const keys = (Array.isArray(chosen) ? chosen : [chosen]).filter(
        (k): k is string => typeof k === 'string',
      )
      if (keys.length > 0) {
        try {
          await addStandardItems(request.db, actorOf(request), { meetingId: meeting.id, keys })
          return reply.redirect(savedAt(paths.admin.agenda(committee.slug, meeting.slug)), 303)
        } catch (error) {
          fieldErrorOf(error, { keys: '' })
        }
      }
      return renderAgenda(request, reply, committee, meeting, {
        problem: 'Välj minst en standardpunkt att lägga till.',
      })
    },
  )

  app.get<ItemParams>(
    `${base}/:item`,
    { schema: { params: itemParams, querystring: pageQuery } },
    async (request, reply) => {
      const { committee, meeting } = await preparedMeeting(request, 'agenda item')
      const item = await itemOf(request, meeting.id)
      return renderItem(request, reply, committee, meeting, item.id, {}, 200)
    },
  )

  app.post<ItemParams>(
    `${base}/:item`,
    { schema: { params: itemParams, body: itemForm } },
    async (request, reply) => {
      const { committee, meeting } = await preparedMeeting(request, 'edit agenda item')
      const item = await itemOf(request, meeting.id)
      const values = readForm(request.body, itemFieldNames)
      const { input, errors } = readItemForm(values)
      if (Object.keys(errors).length === 0) {
        try {
          await request.db.transaction().execute((trx) =>
            updateAgendaItem(trx, actorOf(request), {
              ...input,
              agendaItemId: item.id,
              version: idOf(values.version) ?? 0,
            }),
          )
          return reply.redirect(savedAt(paths.admin.agendaItem(committee.slug, meeting.slug, item.id)), 303)
        } catch (error) {
          if (isConflict(error)) {
            // Show the other person's values beside what was typed; the form keeps the typing.
            const current = await getAgendaItem(request.db, item.id)
            const conflict = itemToForm(current)
            return renderItem(
              request,
              reply,
              committee,
              meeting,
              item.id,
              { form: { values, errors }, conflict },
              409,
            )
          }
          Object.assign(errors, fieldErrorOf(error, itemDomainMessages))
        }
      }
      return renderItem(request, reply, committee, meeting, item.id, { form: { values, errors } })
    },
  )

  app.post<ItemParams & { Params: { action: string } }>(
    `${base}/:item/:action`,
    { schema: { params: itemActionParams, body: itemActionForm } },
    async (request, reply) => {
      const { committee, meeting } = await preparedMeeting(request, 'agenda item action')
      const action = itemActions[request.params.action as keyof typeof itemActions]
      if (!action || !Object.hasOwn(itemActions, request.params.action)) return reply.callNotFound()
      const item = await itemOf(request, meeting.id)
      const { version } = readForm(request.body, ['version'])
      try {
        await action(request, item.id, idOf(version) ?? 0)
        return reply.redirect(savedAt(paths.admin.agenda(committee.slug, meeting.slug)), 303)
      } catch (error) {
        if (!isConflict(error)) throw error
        return renderAgenda(
          request,
          reply,
          committee,
          meeting,
          {
            problem:
              'Någon annan har ändrat dagordningen medan du arbetade. Listan nedan visar hur den ser ut nu; gör om ändringen om den fortfarande behövs.',
          },
          409,
        )
      }
    },
  )
}
