import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { findCommitteeBySlug } from '../../domain/committee/committee.reads.ts'
import {
  listCalendarMeetings,
  readAgendaFeed,
  readMinutesFeed,
} from '../../domain/publication/feed-entries.ts'
import { readMatterRecord } from '../../domain/publication/matter-record.ts'
import { readNoticeBoard } from '../../domain/publication/notice-board-record.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { agendaEntries, matterEntries, minutesEntries, noticeEntries, renderAtom } from '../feeds/atom.ts'
import { renderCalendar } from '../feeds/calendar.ts'
import { feedAddressOf, feedSiteOf } from '../feeds/feed-site.ts'
import { paths } from '../paths.ts'
import { slugParam } from './committee.routes.tsx'
import { registryNumberParam } from './matter.routes.tsx'
import { type PublicMeetingParams, publicMeetingFrom } from './public-meeting.request.ts'

const sendAtom = (reply: FastifyReply, body: string) =>
  reply.type('application/atom+xml; charset=utf-8').send(body)

/**
 * The days a calendar holds: by default the past two years and the coming one (what a subscriber's
 * calendar needs, read in bounded time however long the archive); `?ar=2019` gives that whole year,
 * so the archive stays reachable a year at a time. An odd year is the default, never an error.
 */
export function calendarWindow(today: string, year: unknown): { from: string; to: string } {
  if (typeof year === 'string' && /^(1[89]|2\d)\d\d$/.test(year))
    return { from: `${year}-01-01`, to: `${year}-12-31` }
  const shift = (years: number) => `${Number(today.slice(0, 4)) + years}${today.slice(4)}`
  return { from: shift(-2), to: shift(1) }
}

type CalendarQuery = { Querystring: { ar?: unknown } }

const sendCalendar = (reply: FastifyReply, body: string, fileName = 'kalender.ics') =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${fileName}"`)
    .send(body)

async function committeeOf(request: FastifyRequest<{ Params: { committee: string } }>) {
  const slug = slugParam.safeParse(request.params.committee)
  const committee = slug.success ? await findCommitteeBySlug(request.db, slug.data) : undefined
  if (!committee) throw new NotFoundError('committee', request.params.committee)
  return committee
}

/** iCalendar of meetings and Atom feeds of agendas, minutes, the notice board, committees and matters. */
export async function feedRoutes(app: FastifyInstance) {
  app.get<CalendarQuery>('/kalender.ics', async (request, reply) =>
    sendCalendar(
      reply,
      renderCalendar(
        await listCalendarMeetings(request.db, calendarWindow(request.today, request.query.ar)),
        {
          name: 'Sammanträden',
          ...feedAddressOf(request),
        },
      ),
    ),
  )

  app.get<{ Params: { committee: string } } & CalendarQuery>(
    '/committees/:committee/kalender.ics',
    async (request, reply) => {
      const committee = await committeeOf(request)
      return sendCalendar(
        reply,
        renderCalendar(
          await listCalendarMeetings(request.db, {
            committeeId: committee.id,
            ...calendarWindow(request.today, request.query.ar),
          }),
          {
            name: `${committee.name}: sammanträden`,
            ...feedAddressOf(request),
            path: paths.committeeCalendar(committee.slug),
          },
        ),
      )
    },
  )

  // One meeting, to add to a calendar from its page: the meeting the page shows, or 404 as the page.
  app.get<PublicMeetingParams>('/committees/:committee/:meeting/kalender.ics', async (request, reply) => {
    const { committee, meeting } = await publicMeetingFrom(request)
    return sendCalendar(
      reply,
      renderCalendar(await listCalendarMeetings(request.db, { meetingId: meeting.id }), {
        name: `${committee.name} ${meeting.meetsOn}`,
        ...feedAddressOf(request),
        path: paths.meetingCalendar(committee.slug, meeting.slug),
      }),
      `${meeting.slug}.ics`,
    )
  })

  app.get('/floden/dagordningar.atom', async (request, reply) =>
    sendAtom(
      reply,
      renderAtom(await feedSiteOf(request), {
        title: 'Nya kallelser och dagordningar',
        description: 'Kallelser till nämndernas sammanträden med dagordning.',
        pagePath: paths.start(),
        feedPath: paths.agendaFeed(),
        entries: agendaEntries(await readAgendaFeed(request.db)),
      }),
    ),
  )

  app.get('/floden/protokoll.atom', async (request, reply) =>
    sendAtom(
      reply,
      renderAtom(await feedSiteOf(request), {
        title: 'Nya justerade protokoll',
        description: 'Protokoll från nämndernas sammanträden, när de har justerats.',
        pagePath: paths.start(),
        feedPath: paths.minutesFeed(),
        entries: minutesEntries(await readMinutesFeed(request.db)),
      }),
    ),
  )

  app.get('/anslagstavla/flode.atom', async (request, reply) =>
    sendAtom(
      reply,
      renderAtom(await feedSiteOf(request), {
        title: 'Anslagstavlan',
        description: 'Anslag på kommunens officiella anslagstavla (kommunallagen 8 kap. 9–11 §§).',
        pagePath: paths.noticeBoard(),
        feedPath: paths.noticeBoardFeed(),
        entries: noticeEntries(await readNoticeBoard(request.db, request.today)),
      }),
    ),
  )

  app.get<{ Params: { committee: string } }>('/committees/:committee/flode.atom', async (request, reply) => {
    const committee = await committeeOf(request)
    const [agendas, minutes] = await Promise.all([
      readAgendaFeed(request.db, { committeeId: committee.id }),
      readMinutesFeed(request.db, { committeeId: committee.id }),
    ])
    return sendAtom(
      reply,
      renderAtom(await feedSiteOf(request), {
        title: `${committee.name}: kallelser och protokoll`,
        description: `Kallelser, dagordningar och justerade protokoll från ${committee.name}.`,
        pagePath: paths.committee(committee.slug),
        feedPath: paths.committeeFeed(committee.slug),
        entries: [...agendaEntries(agendas), ...minutesEntries(minutes)],
      }),
    )
  })

  app.get<{ Params: { registryNumber: string } }>(
    '/arenden/:registryNumber/flode.atom',
    async (request, reply) => {
      const registryNumber = registryNumberParam(request.params.registryNumber)
      const found = registryNumber ? await readMatterRecord(request.db, registryNumber) : undefined
      if (!found) throw new NotFoundError('matter', request.params.registryNumber)
      return sendAtom(
        reply,
        renderAtom(await feedSiteOf(request), {
          title: `Ärende ${found.matter.registryNumber}`,
          description: `Ärendets gång: sammanträden och beslut för ${found.matter.registryNumber}.`,
          pagePath: paths.matter(found.matter.registryNumber),
          feedPath: paths.matterFeed(found.matter.registryNumber),
          entries: matterEntries(found.matter, found.steps),
        }),
      )
    },
  )
}
