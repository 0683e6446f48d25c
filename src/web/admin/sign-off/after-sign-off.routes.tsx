import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../../db/database.ts'
import { rectifySection } from '../../../domain/minutes/rectification.service.ts'
import { registerAppeal } from '../../../domain/notice-board/appeal.service.ts'
import { DomainError, NotFoundError } from '../../../domain/shared/errors.ts'
import { sendPage } from '../../views/render.tsx'
import { linesOf, loadMinutes, type MeetingParams, minutesToKeep } from '../minutes/minutes.data.ts'
import { minutesPaths } from '../minutes/minutes.paths.ts'
import { actorOf, adminView, readForm, savedAt, wasSaved } from '../shared/admin-request.ts'
import type { FormState } from '../shared/form.view.tsx'
import { swedishRefusal } from '../shared/refusal-messages.ts'
import { AfterSignOffPage, rectifyFormOf } from './after-sign-off.page.tsx'
import { appealForm, pageQuery, rectificationForm, sectionParams } from './sign-off.schema.ts'

type Params = { Params: MeetingParams['Params'] & { number: string } }
const url = '/admin/namnder/:committee/sammantraden/:meeting/protokoll/paragrafer/:number'

/** The § of the address, for the minutes' secretary (the policy of every minutes route), or 404. */
async function load(request: FastifyRequest<Params>) {
  const { committee, meeting } = await minutesToKeep(request)
  const { record } = await loadMinutes(request, committee, meeting)
  const entry = record?.sections.find((s) => String(s.section.number) === request.params.number)
  if (!entry) throw new NotFoundError('section', request.params.number)
  return { committee, meeting, entry }
}

/** A refusal beside its field when the form has that field, otherwise above the forms. */
function refusalOf(
  error: unknown,
  fields: readonly string[],
): { errors: FormState['errors']; error?: string } {
  const message = swedishRefusal(error)
  const field = error instanceof DomainError ? error.field : undefined
  return field && fields.includes(field) ? { errors: { [field]: message } } : { errors: {}, error: message }
}

async function show(
  request: FastifyRequest<Params>,
  reply: FastifyReply,
  extra: { rectify?: FormState; appeal?: FormState; error?: string | undefined } = {},
) {
  const { committee, meeting, entry } = await load(request)
  const refused =
    extra.error !== undefined ||
    Object.keys(extra.rectify?.errors ?? {}).length > 0 ||
    Object.keys(extra.appeal?.errors ?? {}).length > 0
  return sendPage(
    reply,
    <AfterSignOffPage
      view={adminView(request, reply)}
      committee={committee}
      meeting={meeting}
      entry={entry}
      rectify={extra.rectify ?? rectifyFormOf(entry)}
      appeal={extra.appeal ?? { values: {}, errors: {} }}
      error={extra.error}
      saved={wasSaved(request)}
    />,
    refused ? 400 : 200,
  )
}

/** Rectification and appeals of a signed-off §: the secretary's, like the rest of the minutes. */
export async function afterSignOffRoutes(app: FastifyInstance) {
  app.get<Params>(
    `${url}/efter-justering`,
    { schema: { params: sectionParams, querystring: pageQuery } },
    (request, reply) => show(request, reply),
  )

  // FL 36 §: an open correction, with the version the clerk read, so a later edit is not overwritten.
  app.post<Params>(
    `${url}/rattelse`,
    { schema: { params: sectionParams, body: rectificationForm } },
    async (request, reply) => {
      const values = readForm(request.body, ['reason', 'title', 'decision', 'version'])
      const { committee, meeting, entry } = await load(request)
      try {
        await inTransaction(request.db, (trx) =>
          rectifySection(trx, actorOf(request), {
            sectionId: entry.section.id,
            version: Number(values.version),
            reason: values.reason ?? '',
            rectifiedOn: request.today,
            text: { title: values.title ?? '', decision: linesOf(values.decision ?? '') },
          }),
        )
      } catch (error) {
        const { errors, error: general } = refusalOf(error, ['reason', 'title', 'decision'])
        return show(request, reply, { rectify: { values, errors }, error: general })
      }
      return reply.redirect(
        savedAt(
          minutesPaths.sectionPart(committee.slug, meeting.slug, entry.section.number, 'efter-justering'),
        ),
        303,
      )
    },
  )

  // KL 13:1: the appeal as it came in; until the court rules, the decision is not final.
  app.post<Params>(
    `${url}/overklagande`,
    { schema: { params: sectionParams, body: appealForm } },
    async (request, reply) => {
      const values = readForm(request.body, ['receivedOn', 'court', 'caseNumber'])
      const { committee, meeting, entry } = await load(request)
      try {
        await inTransaction(request.db, (trx) =>
          registerAppeal(trx, actorOf(request), {
            sectionId: entry.section.id,
            receivedOn: values.receivedOn ?? '',
            court: values.court ?? '',
            caseNumber: values.caseNumber ?? '',
          }),
        )
      } catch (error) {
        const { errors, error: general } = refusalOf(error, ['receivedOn', 'court', 'caseNumber'])
        return show(request, reply, { appeal: { values, errors }, error: general })
      }
      return reply.redirect(
        savedAt(
          minutesPaths.sectionPart(committee.slug, meeting.slug, entry.section.number, 'efter-justering'),
        ),
        303,
      )
    },
  )
}
