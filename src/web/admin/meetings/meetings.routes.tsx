import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertAllowed, mayKeepMinutes, mayPrepareMeeting } from '../../../domain/account/access.policy.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import {
  cancelMeeting,
  getMeeting,
  listMeetings,
  moveMeeting,
  scheduleMeeting,
  scheduleMeetingSeries,
} from '../../../domain/meeting/meeting.service.ts'
import { isTime, type Meeting } from '../../../domain/meeting/meeting.ts'
import { isIsoDate } from '../../../domain/shared/calendar-date.ts'
import { paths } from '../../paths.ts'
import { sendPage } from '../../views/render.tsx'
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
import { emptyForm, type FormErrors, type FormState, type FormValues } from '../shared/form.view.tsx'
import { MeetingPage, type MeetingPageProps } from './meeting.page.tsx'
import { idOf, isConflict, type MeetingParams, meetingFrom } from './meetings.data.ts'
import { MeetingsPage } from './meetings.page.tsx'
import {
  cancelForm,
  committeeParams,
  meetingParams,
  moveForm,
  pageQuery,
  scheduleForm,
  seriesForm,
} from './meetings.schema.ts'
import { loadNextStep } from './next-step.data.ts'

// The committee's calendar: scheduling one meeting or a series, moving and cancelling one.

type CommitteeParams = { Params: { committee: string } }

const dateMessage = 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-13.'
const timeMessage = 'Skriv tiden som TT:MM, till exempel 13:30, eller lämna tomt.'
const domainMessages = {
  meetsOn: dateMessage,
  startTime: timeMessage,
  endTime: 'Sammanträdet kan inte sluta innan det börjar.',
}

/** Checks date, times and place; `names` maps them to the form's field names. */
function checkWhen(
  values: FormValues,
  names = { meetsOn: 'meetsOn', startTime: 'startTime', endTime: 'endTime' },
) {
  const errors: FormErrors = {}
  if (!isIsoDate(values[names.meetsOn])) errors[names.meetsOn] = dateMessage
  for (const name of [names.startTime, names.endTime]) {
    if (values[name] && !isTime(values[name] ?? '')) errors[name] = timeMessage
  }
  const start = values[names.startTime]
  const end = values[names.endTime]
  if (!errors[names.startTime] && !errors[names.endTime] && start && end && end < start)
    errors[names.endTime] = 'Sammanträdet kan inte sluta innan det börjar.'
  return errors
}

const whenOf = (values: FormValues) => ({
  ...(values.startTime ? { startTime: values.startTime } : {}),
  ...(values.endTime ? { endTime: values.endTime } : {}),
  ...(values.location ? { location: values.location } : {}),
})

async function renderMeetings(
  request: FastifyRequest,
  reply: FastifyReply,
  committee: Committee,
  forms: { scheduleForm?: FormState; seriesForm?: FormState },
  status = 400,
) {
  const meetings = await listMeetings(request.db, { committeeIds: [committee.id], order: 'asc', limit: 500 })
  return sendPage(
    reply,
    <MeetingsPage
      view={adminView(request, reply)}
      committee={committee}
      meetings={meetings}
      scheduleForm={forms.scheduleForm ?? emptyForm()}
      seriesForm={forms.seriesForm ?? emptyForm({ everyWeeks: '2', count: '10' })}
      saved={status === 200 && wasSaved(request) ? 'Sammanträdena är inlagda.' : undefined}
    />,
    status,
  )
}

async function renderMeeting(
  request: FastifyRequest,
  reply: FastifyReply,
  committee: Committee,
  meeting: Meeting,
  props: Partial<MeetingPageProps>,
  status = 400,
) {
  const user = currentUser(request)
  return sendPage(
    reply,
    <MeetingPage
      view={adminView(request, reply)}
      committee={committee}
      meeting={meeting}
      next={await loadNextStep(request, committee, meeting)}
      minutesHref={
        mayKeepMinutes(user, committee) && meeting.status !== 'planned' && meeting.status !== 'cancelled'
          ? minutesPaths.overview(committee.slug, meeting.slug)
          : undefined
      }
      moveForm={emptyForm({
        meetsOn: meeting.meetsOn,
        startTime: meeting.startTime ?? '',
        endTime: meeting.endTime ?? '',
        location: meeting.location ?? '',
      })}
      cancelForm={emptyForm()}
      saved={status === 200 && wasSaved(request) ? 'Ändringen är sparad.' : undefined}
      {...props}
    />,
    status,
  )
}

export async function meetingRoutes(app: FastifyInstance) {
  const prepared = async <P extends CommitteeParams>(request: FastifyRequest<P>, what: string) => {
    const committee = await committeeFrom(request)
    assertAllowed(mayPrepareMeeting(currentUser(request), committee), what)
    return committee
  }

  app.get<CommitteeParams>(
    '/admin/namnder/:committee/sammantraden',
    { schema: { params: committeeParams, querystring: pageQuery } },
    async (request, reply) =>
      renderMeetings(request, reply, await prepared(request, 'list meetings'), {}, 200),
  )

  app.post<CommitteeParams>(
    '/admin/namnder/:committee/sammantraden',
    { schema: { params: committeeParams, body: scheduleForm } },
    async (request, reply) => {
      const committee = await prepared(request, 'schedule meeting')
      const values = readForm(request.body, ['meetsOn', 'startTime', 'endTime', 'location'])
      const errors = checkWhen(values)
      if (Object.keys(errors).length === 0) {
        try {
          const meeting = await request.db.transaction().execute((trx) =>
            scheduleMeeting(trx, actorOf(request), {
              committeeId: committee.id,
              meetsOn: values.meetsOn!,
              ...whenOf(values),
            }),
          )
          return reply.redirect(savedAt(paths.admin.meeting(committee.slug, meeting.slug)), 303)
        } catch (error) {
          Object.assign(errors, fieldErrorOf(error, domainMessages))
        }
      }
      return renderMeetings(request, reply, committee, { scheduleForm: { values, errors } })
    },
  )

  app.post<CommitteeParams>(
    '/admin/namnder/:committee/sammantraden/serie',
    { schema: { params: committeeParams, body: seriesForm } },
    async (request, reply) => {
      const committee = await prepared(request, 'schedule meeting series')
      const values = readForm(request.body, [
        'firstOn',
        'everyWeeks',
        'count',
        'seriesStartTime',
        'seriesEndTime',
        'seriesLocation',
      ])
      const errors = checkWhen(values, {
        meetsOn: 'firstOn',
        startTime: 'seriesStartTime',
        endTime: 'seriesEndTime',
      })
      const everyWeeks = idOf(values.everyWeeks)
      const count = idOf(values.count)
      if (!everyWeeks || everyWeeks > 8) errors.everyWeeks = 'Ange antal veckor som ett heltal från 1 till 8.'
      if (!count || count > 52) errors.count = 'Ange antal sammanträden som ett heltal från 1 till 52.'
      if (Object.keys(errors).length === 0) {
        try {
          await scheduleMeetingSeries(request.db, actorOf(request), {
            committeeId: committee.id,
            firstOn: values.firstOn!,
            everyWeeks: everyWeeks!,
            count: count!,
            ...(values.seriesStartTime ? { startTime: values.seriesStartTime } : {}),
            ...(values.seriesEndTime ? { endTime: values.seriesEndTime } : {}),
            ...(values.seriesLocation ? { location: values.seriesLocation } : {}),
          })
          return reply.redirect(savedAt(paths.admin.meetings(committee.slug)), 303)
        } catch (error) {
          const messages = fieldErrorOf(error, {
            ...domainMessages,
            firstOn: dateMessage,
            count: 'För många sammanträden.',
          })
          Object.assign(
            errors,
            renamed(messages, { meetsOn: 'firstOn', startTime: 'seriesStartTime', endTime: 'seriesEndTime' }),
          )
        }
      }
      return renderMeetings(request, reply, committee, { seriesForm: { values, errors } })
    },
  )

  app.get<MeetingParams>(
    '/admin/namnder/:committee/sammantraden/:meeting',
    { schema: { params: meetingParams, querystring: pageQuery } },
    async (request, reply) => {
      const { committee, meeting } = await meetingFrom(request)
      assertAllowed(mayPrepareMeeting(currentUser(request), committee), 'meeting')
      return renderMeeting(request, reply, committee, meeting, {}, 200)
    },
  )

  app.post<MeetingParams>(
    '/admin/namnder/:committee/sammantraden/:meeting/flytta',
    { schema: { params: meetingParams, body: moveForm } },
    async (request, reply) => {
      const { committee, meeting } = await meetingFrom(request)
      assertAllowed(mayPrepareMeeting(currentUser(request), committee), 'move meeting')
      const values = readForm(request.body, ['version', 'meetsOn', 'startTime', 'endTime', 'location'])
      const errors = checkWhen(values)
      if (Object.keys(errors).length === 0) {
        try {
          const moved = await moveMeeting(request.db, actorOf(request), {
            meetingId: meeting.id,
            version: idOf(values.version) ?? 0,
            meetsOn: values.meetsOn!,
            startTime: values.startTime ?? '',
            endTime: values.endTime ?? '',
            location: values.location ?? '',
          })
          return reply.redirect(savedAt(paths.admin.meeting(committee.slug, moved.slug)), 303)
        } catch (error) {
          if (!isConflict(error)) Object.assign(errors, fieldErrorOf(error, domainMessages))
          else {
            const current = await getMeeting(request.db, meeting.id)
            return renderMeeting(
              request,
              reply,
              committee,
              current,
              { moveForm: { values, errors }, conflict: current },
              409,
            )
          }
        }
      }
      return renderMeeting(request, reply, committee, meeting, { moveForm: { values, errors } })
    },
  )

  app.post<MeetingParams>(
    '/admin/namnder/:committee/sammantraden/:meeting/stall-in',
    { schema: { params: meetingParams, body: cancelForm } },
    async (request, reply) => {
      const { committee, meeting } = await meetingFrom(request)
      assertAllowed(mayPrepareMeeting(currentUser(request), committee), 'cancel meeting')
      const values = readForm(request.body, ['cancelVersion', 'reason'])
      const errors: FormErrors = {}
      if (!values.reason) errors.reason = 'Skriv varför sammanträdet ställs in. Skälet visas för allmänheten.'
      else {
        try {
          await cancelMeeting(request.db, actorOf(request), {
            meetingId: meeting.id,
            version: idOf(values.cancelVersion) ?? 0,
            reason: values.reason,
          })
          return reply.redirect(savedAt(paths.admin.meeting(committee.slug, meeting.slug)), 303)
        } catch (error) {
          if (!isConflict(error)) throw error
          errors.reason =
            'Någon annan har ändrat sammanträdet medan du skrev. Läs uppgifterna ovan och ställ in igen.'
        }
      }
      const current = await getMeeting(request.db, meeting.id)
      return renderMeeting(
        request,
        reply,
        committee,
        current,
        { cancelForm: { values, errors } },
        isConflictStatus(errors),
      )
    },
  )
}

const isConflictStatus = (errors: FormErrors) => (errors.reason?.startsWith('Någon annan') ? 409 : 400)

/** A domain field's message under the form's own field name. */
function renamed(errors: FormErrors, names: Record<string, string>): FormErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [names[k] ?? k, v]))
}
