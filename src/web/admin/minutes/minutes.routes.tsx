import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction, type Trx } from '../../../db/database.ts'
import { getAgenda } from '../../../domain/agenda/agenda.service.ts'
import { getCommitteeSettings } from '../../../domain/committee/committee.service.ts'
import { listUrgentDecisionsToReport } from '../../../domain/delegated-decision/delegated-decision.service.ts'
import { addSectionToMinutes } from '../../../domain/minutes/add-section.use-case.ts'
import { appointSignatories, closeMeeting } from '../../../domain/minutes/minutes.service.ts'
import type { MinutesRecord } from '../../../domain/minutes/minutes-record.ts'
import { listSignatoryComments } from '../../../domain/minutes/signatory-comment.service.ts'
import { InvalidStateError } from '../../../domain/shared/errors.ts'
import { swedishTimeToUtc } from '../../../domain/shared/swedish-time.ts'
import { startSignOff } from '../../../domain/sign-off/start-sign-off.use-case.ts'
import { sendPage } from '../../views/render.tsx'
import { nextStepOf } from '../meetings/next-step.ts'
import { actorOf, adminView, savedAt, wasSaved } from '../shared/admin-request.ts'
import { swedishRefusal } from '../shared/refusal-messages.ts'
import { fieldOf, loadMinutes, type MeetingParams, minutesToKeep, numberOf } from './minutes.data.ts'
import { MinutesOverviewPage } from './minutes.page.tsx'
import { minutesPaths } from './minutes.paths.ts'
import {
  addSectionForm,
  meetingClosedForm,
  meetingParams,
  oldAddressBody,
  oldAddressParams,
  oldAddressQuery,
  pageQuery,
  signatoriesForm,
  signOffForm,
} from './minutes.schema.ts'

declare module '../../../domain/shared/errors.ts' {
  interface RefusalReasons {
    roll_call_missing: undefined
  }
}

type Request = FastifyRequest<MeetingParams>
const base = '/admin/namnder/:committee/sammantraden/:meeting/protokoll'

/** The minutes of a meeting: the overview, adding §§, appointing signatories, preparing sign-off. */
export async function minutesRoutes(app: FastifyInstance) {
  app.get<MeetingParams>(
    base,
    { schema: { params: meetingParams, querystring: pageQuery } },
    async (request, reply) => overview(request, reply),
  )

  // The minutes lived under …/moten/… until the workspace said sammantraden everywhere: old links,
  // bookmarks and mails still arrive there (308 keeps a form's POST a POST).
  const oldAddress = '/admin/namnder/:committee/moten/*'
  type OldAddress = { Params: { committee: string; '*': string } }
  const redirectOld = async (request: FastifyRequest<OldAddress>, reply: FastifyReply) => {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
    const rest = request.params['*']
    const target = `/admin/namnder/${encodeURIComponent(request.params.committee)}/sammantraden/${rest}${query}`
    return reply.redirect(target, request.method === 'GET' ? 301 : 308)
  }
  app.get<OldAddress>(
    oldAddress,
    { schema: { params: oldAddressParams, querystring: oldAddressQuery } },
    redirectOld,
  )
  // The form's fields are not read here: the POST is repeated at the new address (308).
  app.post<OldAddress>(
    oldAddress,
    { schema: { params: oldAddressParams, body: oldAddressBody } },
    redirectOld,
  )

  // A § per agenda item, numbered by the committee's scheme; title, text and decision points from the item.
  app.post<MeetingParams>(
    `${base}/paragrafer`,
    { schema: { params: meetingParams, body: addSectionForm } },
    async (request, reply) =>
      act(request, reply, ({ meeting }, minutesId, trx) =>
        addSectionToMinutes(trx, actorOf(request), {
          meetingId: meeting.id,
          minutesId,
          agendaItemId: numberOf(request.body, 'agendaItemId'),
          title: fieldOf(request.body, 'title'),
        }),
      ),
  )

  app.post<MeetingParams>(
    `${base}/avslutat`,
    { schema: { params: meetingParams, body: meetingClosedForm } },
    async (request, reply) =>
      act(request, reply, async ({ meeting }, minutesId, trx) => {
        const time = fieldOf(request.body, 'time').trim()
        const at = /^([01]\d|2[0-3])[:.][0-5]\d$/.test(time)
          ? swedishTimeToUtc(meeting.meetsOn, time.replace('.', ':'))
          : new Date(Number.NaN)
        await closeMeeting(trx, actorOf(request), { minutesId, at })
      }),
  )

  app.post<MeetingParams>(
    `${base}/justerare`,
    { schema: { params: meetingParams, body: signatoriesForm } },
    async (request, reply) =>
      act(request, reply, async ({ committee }, minutesId, trx) => {
        const count = (await getCommitteeSettings(trx, committee.id)).signatoryCount
        const personIds = Array.from({ length: count }, (_, i) => numberOf(request.body, `justerare-${i}`))
        const plannedOn = fieldOf(request.body, 'signOffPlannedOn')
        await appointSignatories(trx, actorOf(request), {
          minutesId,
          personIds: personIds.filter((id): id is number => id !== undefined),
          signOffPlace: fieldOf(request.body, 'signOffPlace'),
          ...(plannedOn ? { signOffPlannedOn: plannedOn } : {}),
        })
      }),
  )

  // Immediate sign-off of chosen §§ at the meeting, or all remaining §§ for the sign-off afterwards.
  app.post<MeetingParams>(
    `${base}/justering`,
    { schema: { params: meetingParams, body: signOffForm } },
    async (request, reply) =>
      act(request, reply, async ({ committee, meeting }, minutesId, trx, record) => {
        const taken = new Set(record?.signOffs.flatMap((s) => s.sectionIds))
        const open = (record?.sections ?? [])
          .filter((s) => !taken.has(s.section.id))
          .map((s) => s.section.number)
        const immediate = fieldOf(request.body, 'atgard') === 'omedelbar'
        return startSignOff(trx, actorOf(request), {
          minutesId,
          sectionNumbers: immediate ? open.filter((n) => fieldOf(request.body, `p-${n}`) === 'ja') : open,
          immediate,
          meeting: {
            id: meeting.id,
            meetsOn: meeting.meetsOn,
            committeeName: committee.name,
            signOffPlannedOn: record.minutes.signOffPlannedOn,
          },
          publicUrl: request.publicUrl,
        })
      }),
  )
}

async function overview(request: Request, reply: FastifyReply, error?: string) {
  const { committee, meeting } = await minutesToKeep(request)
  const [data, agenda, settings, urgentToReport] = await Promise.all([
    loadMinutes(request, committee, meeting),
    getAgenda(request.db, meeting.id),
    getCommitteeSettings(request.db, committee.id),
    listUrgentDecisionsToReport(request.db, meeting),
  ])
  const comments = await listSignatoryComments(
    request.db,
    (data.record?.sections ?? []).map((s) => s.section.id),
  )
  return sendPage(
    reply,
    <MinutesOverviewPage
      view={adminView(request, reply)}
      committee={committee}
      meeting={meeting}
      data={data}
      agenda={agenda}
      settings={settings}
      urgentToReport={urgentToReport}
      next={nextStepOf(committee.slug, meeting, data.record, request.today)}
      comments={comments}
      error={error}
      saved={wasSaved(request)}
    />,
    error ? 400 : 200,
  )
}

/** Runs a form's use case on open minutes; then back to the overview, or the overview with the refusal. */
async function act(
  request: Request,
  reply: FastifyReply,
  work: (
    found: Awaited<ReturnType<typeof minutesToKeep>>,
    minutesId: number,
    trx: Trx,
    record: MinutesRecord,
  ) => Promise<unknown>,
) {
  const found = await minutesToKeep(request)
  try {
    const record = (await loadMinutes(request, found.committee, found.meeting)).record
    if (!record)
      throw new InvalidStateError(
        'roll_call_missing',
        'record the roll call first: the minutes are opened with it',
      )
    await inTransaction(request.db, (trx) => work(found, record.minutes.id, trx, record))
    return reply.redirect(savedAt(minutesPaths.overview(found.committee.slug, found.meeting.slug)), 303)
  } catch (error) {
    return overview(request, reply, swedishRefusal(error))
  }
}
