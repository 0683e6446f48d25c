import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction, type Trx } from '../../../db/database.ts'
import { DomainError, NotFoundError } from '../../../domain/shared/errors.ts'
import { recordCandidateElection } from '../../../domain/vote/candidate-election.service.ts'
import { recordVote } from '../../../domain/vote/vote.service.ts'
import { recordVoteByGroup } from '../../../domain/vote/vote-by-group.service.ts'
import { sendPage } from '../../views/render.tsx'
import { actorOf, adminView, savedAt } from '../shared/admin-request.ts'
import { emptyForm, type FormState } from '../shared/form.view.tsx'
import { swedishRefusal } from '../shared/refusal-messages.ts'
import { loadMinutes, type MeetingParams, minutesToKeep } from './minutes.data.ts'
import { minutesPaths } from './minutes.paths.ts'
import { pageQuery, sectionParams, voteEntryForm } from './minutes.schema.ts'
import {
  candidateElectionOf,
  fieldOfRefusal,
  groupVoteOf,
  secretVoteOf,
  type VoteWay,
  valuesOf,
} from './vote-entry.form.ts'
import { VoteEntryPage } from './vote-entry.page.tsx'

// The vote page of a §: a vote of a large assembly in a few clicks ("alla ja utom …", by party
// group, a secret election by counts, or one between more than two candidates), recorded through the same use case and rules as the
// one-ballot-per-member form under the §, so the minutes render and publish it the same way.

type Params = { Params: MeetingParams['Params'] & { number: string } }
const url = '/admin/namnder/:committee/sammantraden/:meeting/protokoll/paragrafer/:number/omrostning'

async function load(request: FastifyRequest<Params>) {
  const { committee, meeting } = await minutesToKeep(request)
  const data = await loadMinutes(request, committee, meeting)
  const entry = data.record?.sections.find((s) => String(s.section.number) === request.params.number)
  if (!entry) throw new NotFoundError('section', request.params.number)
  return { committee, meeting, data, entry }
}

async function show(request: FastifyRequest<Params>, reply: FastifyReply, form: FormState = emptyForm()) {
  const { committee, meeting, data, entry } = await load(request)
  return sendPage(
    reply,
    <VoteEntryPage
      view={adminView(request, reply)}
      committee={committee}
      meeting={meeting}
      data={data}
      entry={entry}
      form={form}
    />,
    Object.keys(form.errors).length > 0 ? 400 : 200,
  )
}

export async function voteEntryRoutes(app: FastifyInstance) {
  app.get<Params>(url, { schema: { params: sectionParams, querystring: pageQuery } }, (request, reply) =>
    show(request, reply),
  )

  for (const way of ['alla', 'grupper', 'sluten', 'val'] as const satisfies readonly VoteWay[]) {
    app.post<Params>(
      `${url}/${way}`,
      { schema: { params: sectionParams, body: voteEntryForm } },
      async (request, reply) => {
        const { committee, meeting, data, entry } = await load(request)
        const values = valuesOf(request.body)
        const chairPersonId = data.record?.minutes.chairPersonId ?? null
        const record = (trx: Trx) => {
          const sectionId = entry.section.id
          const chair = chairPersonId ? { chairPersonId } : {}
          if (way === 'val') {
            const vote = candidateElectionOf(values)
            const lot = vote.lot
            return recordCandidateElection(trx, actorOf(request), {
              sectionId,
              kind: vote.kind,
              question: vote.question,
              candidates: vote.candidates,
              blank: vote.blank,
              result: vote.result,
              ...(lot ? { drawLot: () => lot } : {}),
              atTheMeeting: true,
            })
          }
          if (way === 'sluten') {
            const vote = secretVoteOf(values)
            const lot = vote.lot
            return recordVote(trx, actorOf(request), {
              sectionId,
              kind: vote.kind,
              question: vote.question,
              yesMeans: vote.yesMeans,
              noMeans: vote.noMeans,
              result: vote.result,
              counts: { yes: vote.counts.yes ?? -1, no: vote.counts.no ?? -1, abstain: vote.counts.abstain },
              ...(lot ? { drawLot: () => lot } : {}),
              atTheMeeting: true,
            })
          }
          const vote = groupVoteOf(way, values)
          return recordVoteByGroup(trx, actorOf(request), { sectionId, ...vote, ...chair })
        }
        try {
          await inTransaction(request.db, record)
        } catch (error) {
          const message = swedishRefusal(error)
          const field = fieldOfRefusal(
            way,
            error instanceof DomainError ? error.field : undefined,
            chairPersonId,
          )
          return show(request, reply, { values, errors: { [field]: message } })
        }
        return reply.redirect(
          `${savedAt(minutesPaths.section(committee.slug, meeting.slug, entry.section.number))}#antecknat`,
          303,
        )
      },
    )
  }
}
