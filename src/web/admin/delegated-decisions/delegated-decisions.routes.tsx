import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../../db/database.ts'
import { assertAllowed, mayKeepMinutes } from '../../../domain/account/access.policy.ts'
import {
  listDelegatedDecisions,
  postDelegatedDecisionNotice,
  registerDelegatedDecision,
} from '../../../domain/delegated-decision/delegated-decision.service.ts'
import { reportDelegatedDecisionsToMeeting } from '../../../domain/delegated-decision/report-to-meeting.use-case.ts'
import { getMeeting, listMeetings } from '../../../domain/meeting/meeting.service.ts'
import { NotFoundError } from '../../../domain/shared/errors.ts'
import { sendPage } from '../../views/render.tsx'
import { numberOf } from '../minutes/minutes.data.ts'
import { minutesPaths } from '../minutes/minutes.paths.ts'
import { committeeFrom } from '../organisation/committee.data.ts'
import {
  actorOf,
  adminView,
  currentUser,
  fieldErrorOf,
  readForm,
  savedAt,
  wasSaved,
} from '../shared/admin-request.ts'
import { emptyForm, type FormState } from '../shared/form.view.tsx'
import { swedishRefusal } from '../shared/refusal-messages.ts'
import { DelegatedDecisionsPage } from './delegated-decisions.page.tsx'
import {
  decisionForm,
  decisionParams,
  noticeForm,
  registerParams,
  registerQuery,
  reportForm,
} from './delegated-decisions.schema.ts'

type Params = { Params: { committee: string } }
type DecisionParams = { Params: { committee: string; id: string } }
const url = '/admin/namnder/:committee/delegationsbeslut'
const fields = ['title', 'decisionMaker', 'delegationPoint', 'decidedOn', 'registryNumber', 'urgent'] as const

const fieldMessages: Record<string, string> = {
  title: 'Skriv vad beslutet gäller.',
  decisionMaker: 'Ange vem som fattade beslutet.',
  delegationPoint: 'Ange punkten i delegationsordningen.',
  decidedOn: 'Skriv datumet som ÅÅÅÅ-MM-DD.',
  registryNumber: 'Skriv diarienumret (1–60 tecken) i det format som används.',
}

/** The committee, for its secretary: the register is kept like the minutes (mayKeepMinutes). */
async function committeeToKeep(request: FastifyRequest<Params>) {
  const committee = await committeeFrom(request)
  assertAllowed(mayKeepMinutes(currentUser(request), committee), 'keep the delegated decisions')
  return committee
}

async function show(
  request: FastifyRequest<Params>,
  reply: FastifyReply,
  extra: { form?: FormState; error?: string } = {},
) {
  const committee = await committeeToKeep(request)
  const [decisions, meetings] = await Promise.all([
    listDelegatedDecisions(request.db, committee.id),
    listMeetings(request.db, { committeeIds: [committee.id], from: request.today, order: 'asc', limit: 10 }),
  ])
  const refused = extra.error !== undefined || Object.keys(extra.form?.errors ?? {}).length > 0
  return sendPage(
    reply,
    <DelegatedDecisionsPage
      view={adminView(request, reply)}
      committee={committee}
      decisions={decisions}
      upcoming={meetings.filter((m) => m.status !== 'cancelled').slice(0, 5)}
      form={extra.form ?? emptyForm()}
      error={extra.error}
      saved={wasSaved(request)}
    />,
    refused ? 400 : 200,
  )
}

export async function delegatedDecisionRoutes(app: FastifyInstance) {
  app.get<Params>(url, { schema: { params: registerParams, querystring: registerQuery } }, (request, reply) =>
    show(request, reply),
  )

  app.post<Params>(
    url,
    { schema: { params: registerParams, body: decisionForm } },
    async (request, reply) => {
      const committee = await committeeToKeep(request)
      const values = readForm(request.body, fields)
      try {
        await inTransaction(request.db, (trx) =>
          registerDelegatedDecision(trx, actorOf(request), {
            committeeId: committee.id,
            title: values.title ?? '',
            decisionMaker: values.decisionMaker ?? '',
            delegationPoint: values.delegationPoint ?? '',
            decidedOn: values.decidedOn ?? '',
            ...(values.registryNumber ? { registryNumber: values.registryNumber } : {}),
            urgent: values.urgent === 'ja',
          }),
        )
      } catch (error) {
        return show(request, reply, { form: { values, errors: fieldErrorOf(error, fieldMessages) } })
      }
      return reply.redirect(savedAt(minutesPaths.delegatedDecisions(committee.slug)), 303)
    },
  )

  // KL 6:40: the unreported decisions become one report item on the chosen meeting's agenda.
  app.post<Params>(
    `${url}/anmal`,
    { schema: { params: registerParams, body: reportForm } },
    async (request, reply) => {
      const committee = await committeeToKeep(request)
      const meetingId = numberOf(request.body, 'meetingId')
      const meeting = meetingId ? await getMeeting(request.db, meetingId).catch(() => undefined) : undefined
      if (!meeting || meeting.committeeId !== committee.id)
        throw new NotFoundError('meeting', meetingId ?? '')
      try {
        await reportDelegatedDecisionsToMeeting(request.db, actorOf(request), { meetingId: meeting.id })
      } catch (error) {
        return show(request, reply, { error: swedishRefusal(error) })
      }
      return reply.redirect(savedAt(minutesPaths.delegatedDecisions(committee.slug)), 303)
    },
  )

  // KL 8:10 p. 3: a decision not reported to the committee is announced on its own, posted today.
  app.post<DecisionParams>(
    `${url}/:id/anslag`,
    { schema: { params: decisionParams, body: noticeForm } },
    async (request, reply) => {
      const committee = await committeeToKeep(request)
      const decisions = await listDelegatedDecisions(request.db, committee.id)
      const decision = decisions.find((d) => String(d.id) === request.params.id)
      if (!decision) throw new NotFoundError('delegated decision', request.params.id)
      try {
        await inTransaction(request.db, (trx) =>
          postDelegatedDecisionNotice(trx, actorOf(request), {
            delegatedDecisionId: decision.id,
            postedOn: request.today,
          }),
        )
      } catch (error) {
        return show(request, reply, { error: swedishRefusal(error) })
      }
      return reply.redirect(savedAt(minutesPaths.delegatedDecisions(committee.slug)), 303)
    },
  )
}
