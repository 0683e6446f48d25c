import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction, type Trx } from '../../../db/database.ts'
import { getCommitteeSettings } from '../../../domain/committee/committee.service.ts'
import { recordDecision } from '../../../domain/minutes/decision.service.ts'
import { addDissentReasonAtSection } from '../../../domain/minutes/dissent-reason.use-case.ts'
import { getSection } from '../../../domain/minutes/minutes.repository.ts'
import type { MotionKind, SectionOutcome } from '../../../domain/minutes/minutes.ts'
import { recordRecusal, sectionQuorum } from '../../../domain/minutes/section.service.ts'
import {
  recordDissent,
  recordMotion,
  recordStatement,
} from '../../../domain/minutes/section-record.service.ts'
import { listSignatoryComments } from '../../../domain/minutes/signatory-comment.service.ts'
import { ConflictError, NotFoundError } from '../../../domain/shared/errors.ts'
import type { BallotChoice, VoteKind } from '../../../domain/vote/tally.ts'
import { recordVote } from '../../../domain/vote/vote.service.ts'
import { todayInSweden } from '../../views/format.ts'
import { sendPage } from '../../views/render.tsx'
import { nextStepOf } from '../meetings/next-step.ts'
import { actorOf, adminView, savedAt, wasSaved } from '../shared/admin-request.ts'
import { swedishRefusal } from '../shared/refusal-messages.ts'
import {
  fieldOf,
  linesOf,
  loadMinutes,
  type MeetingParams,
  type MinutesData,
  minutesToKeep,
  numberOf,
} from './minutes.data.ts'
import { minutesPaths } from './minutes.paths.ts'
import {
  disqualificationForm,
  dissentForm,
  dissentParams,
  dissentReasonForm,
  motionForm,
  pageQuery,
  sectionParams,
  sectionTextBody,
  statementForm,
  voteForm,
} from './minutes.schema.ts'
import { SectionPage, type SectionTextForm, sectionTextForm } from './section.page.tsx'

type Params = { Params: MeetingParams['Params'] & { number: string } }
const url = '/admin/namnder/:committee/sammantraden/:meeting/protokoll/paragrafer/:number'

/** The persons whose ids appear as `prefix-<id>` keys of the body (checkboxes, radio groups). */
function idsIn(body: unknown, prefix: string): Array<[number, string]> {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  return Object.entries(fields).flatMap(([key, value]) => {
    const match = new RegExp(`^${prefix}-(\\d+)$`).exec(key)
    return match && typeof value === 'string' && value ? [[Number(match[1]), value] as [number, string]] : []
  })
}

/**
 * An author with the party they sat for on the meeting day (their seat on the committee then), as
 * an imported protocol records it: party pages, the party filter and the printed minutes need it.
 */
function authorWithParty(data: MinutesData) {
  return (personId: number) => {
    const partyId =
      data.memberships.find((m) => m.personId === personId && m.partyId !== null)?.partyId ??
      data.record?.attendance.find((a) => a.personId === personId)?.partyId ??
      null
    return partyId === null ? { personId } : { personId, partyId }
  }
}

async function load(request: FastifyRequest<Params>) {
  const { committee, meeting } = await minutesToKeep(request)
  const data = await loadMinutes(request, committee, meeting)
  const entry = data.record?.sections.find((s) => String(s.section.number) === request.params.number)
  if (!entry) throw new NotFoundError('section', request.params.number)
  return { committee, meeting, data, entry }
}

async function show(
  request: FastifyRequest<Params>,
  reply: FastifyReply,
  extra: { form?: SectionTextForm; error?: string; theirs?: Awaited<ReturnType<typeof getSection>> } = {},
) {
  const { committee, meeting, data, entry } = await load(request)
  const [quorum, settings, comments] = await Promise.all([
    sectionQuorum(request.db, entry.section.id),
    getCommitteeSettings(request.db, committee.id),
    listSignatoryComments(request.db, [entry.section.id]),
  ])
  return sendPage(
    reply,
    <SectionPage
      view={adminView(request, reply)}
      committee={committee}
      meeting={meeting}
      data={data}
      entry={entry}
      quorum={quorum}
      settings={settings}
      form={extra.form ?? sectionTextForm(entry.section)}
      error={extra.error}
      theirs={extra.theirs}
      saved={wasSaved(request)}
      next={nextStepOf(committee.slug, meeting, data.record, request.today)}
      comments={comments}
    />,
    extra.theirs ? 409 : extra.error ? 400 : 200,
  )
}

/** Runs one of the § forms' use cases, then back to the § (or the § with the Swedish refusal). */
async function act(
  request: FastifyRequest<Params>,
  reply: FastifyReply,
  work: (trx: Trx, sectionId: number, data: MinutesData) => Promise<unknown>,
) {
  const { committee, meeting, entry, data } = await load(request)
  try {
    await inTransaction(request.db, (trx) => work(trx, entry.section.id, data))
  } catch (error) {
    return show(request, reply, { error: swedishRefusal(error) })
  }
  return reply.redirect(
    savedAt(minutesPaths.section(committee.slug, meeting.slug, entry.section.number)),
    303,
  )
}

export async function sectionRoutes(app: FastifyInstance) {
  app.get<Params>(url, { schema: { params: sectionParams, querystring: pageQuery } }, (request, reply) =>
    show(request, reply),
  )

  // The text and decision, with the version the editor read: two editors never overwrite each other.
  app.post<Params>(
    url,
    { schema: { params: sectionParams, body: sectionTextBody } },
    async (request, reply) => {
      const body = request.body
      const form: SectionTextForm = {
        title: fieldOf(body, 'title'),
        summary: fieldOf(body, 'summary'),
        decision: fieldOf(body, 'decision'),
        decisionProcedure: fieldOf(body, 'decisionProcedure'),
        outcome: fieldOf(body, 'outcome') || 'decided',
        confidential: fieldOf(body, 'confidential') === 'ja' ? 'ja' : '',
        version: fieldOf(body, 'version'),
      }
      const { committee, meeting, entry } = await load(request)
      try {
        await inTransaction(request.db, (trx) =>
          recordDecision(trx, actorOf(request), {
            sectionId: entry.section.id,
            version: Number(form.version),
            title: form.title,
            summary: form.summary,
            decision: linesOf(form.decision),
            decisionProcedure: form.decisionProcedure,
            outcome: form.outcome as SectionOutcome,
            confidential: form.confidential === 'ja',
          }),
        )
      } catch (error) {
        if (error instanceof ConflictError) {
          const theirs = await getSection(request.db, entry.section.id)
          return show(request, reply, {
            form: { ...form, version: String(theirs.version) },
            error: 'Någon annan har ändrat paragrafen medan du skrev. Jämför med deras text nedan.',
            theirs,
          })
        }
        return show(request, reply, { form, error: swedishRefusal(error) })
      }
      return reply.redirect(
        savedAt(minutesPaths.section(committee.slug, meeting.slug, entry.section.number)),
        303,
      )
    },
  )

  app.post<Params>(
    `${url}/jav`,
    { schema: { params: sectionParams, body: disqualificationForm } },
    (request, reply) =>
      act(request, reply, (trx, sectionId) =>
        recordRecusal(trx, actorOf(request), {
          sectionId,
          personId: numberOf(request.body, 'personId') ?? 0,
          reason: fieldOf(request.body, 'reason'),
        }),
      ),
  )

  app.post<Params>(
    `${url}/yrkande`,
    { schema: { params: sectionParams, body: motionForm } },
    (request, reply) =>
      act(request, reply, (trx, sectionId, data) => {
        const partyId = numberOf(request.body, 'partyId')
        const author = authorWithParty(data)
        return recordMotion(trx, actorOf(request), {
          sectionId,
          kind: (fieldOf(request.body, 'kind') || 'approve') as MotionKind,
          text: fieldOf(request.body, 'text'),
          points: linesOf(fieldOf(request.body, 'points')),
          authors: [
            ...idsIn(request.body, 'forslagsstallare').map(([personId]) => author(personId)),
            ...(partyId ? [{ partyId }] : []),
          ],
        })
      }),
  )

  // Every serving member's ballot; a tie goes to the chair's vote, or the lot for elections and appointments.
  app.post<Params>(
    `${url}/omrostning`,
    { schema: { params: sectionParams, body: voteForm } },
    (request, reply) =>
      act(request, reply, async (trx, sectionId, data) => {
        const record = data.record
        const lot = fieldOf(request.body, 'lot')
        // A secret election or appointment (KL 5:54) is recorded by its counts only.
        const count = (choice: string) => numberOf(request.body, `antal-${choice}`)
        const secret = ['yes', 'no', 'abstain'].some((c) => fieldOf(request.body, `antal-${c}`) !== '')
        return recordVote(trx, actorOf(request), {
          sectionId,
          kind: (fieldOf(request.body, 'kind') || 'open') as VoteKind,
          question: fieldOf(request.body, 'question'),
          yesMeans: fieldOf(request.body, 'yesMeans'),
          noMeans: fieldOf(request.body, 'noMeans'),
          result: fieldOf(request.body, 'result'),
          ballots: idsIn(request.body, 'rost').map(([personId, choice]) => ({
            personId,
            choice: choice as BallotChoice,
          })),
          ...(secret
            ? { counts: { yes: count('yes') ?? -1, no: count('no') ?? -1, abstain: count('abstain') ?? 0 } }
            : {}),
          ...(record?.minutes.chairPersonId ? { chairPersonId: record.minutes.chairPersonId } : {}),
          ...(lot === 'yes' || lot === 'no' ? { drawLot: () => lot } : {}),
          atTheMeeting: true,
        })
      }),
  )

  app.post<Params>(
    `${url}/reservation`,
    { schema: { params: sectionParams, body: dissentForm } },
    (request, reply) =>
      act(request, reply, (trx, sectionId, data) =>
        recordDissent(trx, actorOf(request), {
          sectionId,
          text: fieldOf(request.body, 'text'),
          authors: idsIn(request.body, 'reservant').map(([personId]) => authorWithParty(data)(personId)),
          announcedBeforeClose: fieldOf(request.body, 'anmaldFore') === 'ja',
        }),
      ),
  )

  // The written reason of a dissent may follow until sign-off (KL 4:27; the local deadline, if any).
  app.post<Params & { Params: { dissentId: string } }>(
    `${url}/reservation/:dissentId/motivering`,
    { schema: { params: dissentParams, body: dissentReasonForm } },
    (request, reply) =>
      act(request, reply, (trx, sectionId) =>
        addDissentReasonAtSection(trx, actorOf(request), {
          sectionId,
          dissentId: Number(request.params.dissentId),
          text: fieldOf(request.body, 'text'),
          on: todayInSweden(),
        }),
      ),
  )

  app.post<Params>(
    `${url}/uttalande`,
    { schema: { params: sectionParams, body: statementForm } },
    (request, reply) =>
      act(request, reply, (trx, sectionId, data) =>
        recordStatement(trx, actorOf(request), {
          sectionId,
          kind: fieldOf(request.body, 'kind'),
          text: fieldOf(request.body, 'text'),
          authors: [authorWithParty(data)(numberOf(request.body, 'personId') ?? 0)],
        }),
      ),
  )
}
