import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertAllowed, mayPrepareMeeting } from '../../../domain/account/access.policy.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import {
  checkNoticeReadiness,
  PersonalIdentityNumbersFoundError,
  publishNotice,
} from '../../../domain/meeting/publish-notice.ts'
import { DomainError, InvalidStateError } from '../../../domain/shared/errors.ts'
import { paths } from '../../paths.ts'
import { sendPage } from '../../views/render.tsx'
import { idOf, type MeetingParams, meetingFrom } from '../meetings/meetings.data.ts'
import { loadNextStep } from '../meetings/next-step.data.ts'
import { actorOf, adminView, currentUser, readForm, savedAt } from '../shared/admin-request.ts'
import { emptyForm, type FormState } from '../shared/form.view.tsx'
import { meetingParams, noticeForm, pageQuery } from './agenda.schema.ts'
import { NoticePage } from './notice.page.tsx'

declare module '../../../domain/shared/errors.ts' {
  interface RefusalReasons {
    notice_closed: undefined
  }
}

// Publishing the notice (kallelse): what publishNotice will check, shown first; then publishing.

async function renderNotice(
  request: FastifyRequest,
  reply: FastifyReply,
  committee: Committee,
  meeting: Meeting,
  form: FormState,
  problem?: string,
  status = 200,
) {
  const readiness = await checkNoticeReadiness(request.db, meeting.id, request.today)
  return sendPage(
    reply,
    <NoticePage
      view={adminView(request, reply)}
      committee={committee}
      meeting={meeting}
      readiness={readiness}
      next={await loadNextStep(request, committee, meeting)}
      form={form}
      problem={problem}
    />,
    status,
  )
}

async function plannedMeeting(request: FastifyRequest<MeetingParams>, what: string) {
  const found = await meetingFrom(request)
  assertAllowed(mayPrepareMeeting(currentUser(request), found.committee), what)
  if (found.meeting.status !== 'planned')
    throw new InvalidStateError(
      'notice_closed',
      'the notice of this meeting has been published, or the meeting is over',
    )
  return found
}

export async function noticeRoutes(app: FastifyInstance) {
  const url = '/admin/namnder/:committee/sammantraden/:meeting/kallelse'

  app.get<MeetingParams>(
    url,
    { schema: { params: meetingParams, querystring: pageQuery } },
    async (request, reply) => {
      const { committee, meeting } = await plannedMeeting(request, 'notice')
      return renderNotice(request, reply, committee, meeting, emptyForm())
    },
  )

  app.post<MeetingParams>(
    url,
    { schema: { params: meetingParams, body: noticeForm } },
    async (request, reply) => {
      const { committee, meeting } = await plannedMeeting(request, 'publish notice')
      const values = readForm(request.body, ['version', 'lateReason'])
      try {
        await publishNotice(request.db, actorOf(request), {
          meetingId: meeting.id,
          version: idOf(values.version) ?? 0,
          today: request.today,
          publicUrl: request.publicUrl,
          ...(values.lateReason ? { late: { reason: values.lateReason } } : {}),
        })
        return reply.redirect(savedAt(paths.admin.meeting(committee.slug, meeting.slug)), 303)
      } catch (error) {
        const form = { values, errors: {} as Record<string, string> }
        if (error instanceof DomainError && error.field === 'lateReason')
          form.errors.lateReason =
            'Kallelsetiden har passerat: skriv skälet till att kallelsen publiceras sent.'
        else if (error instanceof PersonalIdentityNumbersFoundError)
          return renderNotice(
            request,
            reply,
            committee,
            meeting,
            form,
            'Personnummer hittades. Se listan nedan.',
            400,
          )
        else if (error instanceof DomainError && error.code === 'conflict')
          return renderNotice(request, reply, committee, meeting, form, conflictMessage, 409)
        else if (error instanceof DomainError && error.field === 'today')
          return renderNotice(
            request,
            reply,
            committee,
            meeting,
            form,
            'Sammanträdesdagen har passerat.',
            400,
          )
        else throw error
        return renderNotice(request, reply, committee, meeting, form, undefined, 400)
      }
    },
  )
}

const conflictMessage =
  'Någon annan har ändrat sammanträdet medan du läste. Kontrollera uppgifterna nedan och publicera igen.'
