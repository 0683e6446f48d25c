import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { findCommitteeBySlug } from '../../domain/committee/committee.reads.ts'
import { findMeetingBySlug } from '../../domain/meeting/meeting.service.ts'
import { listCommitteesByIds, pageOfMeetings } from '../../domain/publication/api-pages.repository.ts'
import {
  agendaDocumentJson,
  minutesDocumentJson,
  type PublishedDocumentJson,
} from '../../domain/publication/meeting-document-json.ts'
import { type PublicMeeting, readPublicMeeting } from '../../domain/publication/public-meeting.ts'
import { documentJsonContext } from '../portal/document-json.response.ts'
import { endpoint } from './api-endpoint.ts'
import { apiLinksOf, cursorParam, decodeCursor, encodeCursor, limitParam, pageLinksOf } from './api-links.ts'
import { meetingOf } from './api-presenters.ts'
import { agendaSchema, meetingListSchema, meetingSchema, minutesSchema } from './api-schemas.ts'
import { slugParam } from './committee.endpoints.ts'

const dayParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const meetingKey = z.object({ meetsOn: dayParam, id: z.number().int() })

const listQuery = z.object({
  from: dayParam.optional().describe('Från och med den dagen, ÅÅÅÅ-MM-DD.'),
  to: dayParam.optional().describe('Till och med den dagen, ÅÅÅÅ-MM-DD.'),
  cursor: cursorParam,
  limit: limitParam,
})

async function meetingPage(
  request: FastifyRequest,
  query: z.output<typeof listQuery>,
  committeeId: number | undefined,
) {
  const links = apiLinksOf(request)
  const page = await pageOfMeetings(
    request.db,
    { committeeId, from: query.from, to: query.to },
    { after: decodeCursor(query.cursor, meetingKey), limit: query.limit },
  )
  const committees = new Map(
    (
      await listCommitteesByIds(
        request.db,
        page.rows.map((m) => m.committeeId),
      )
    ).map((c) => [c.id, c]),
  )
  return {
    data: page.rows.flatMap((m) => {
      const committee = committees.get(m.committeeId)
      return committee ? [meetingOf(links, committee, m)] : []
    }),
    links: pageLinksOf(request, page.next && { cursor: encodeCursor(page.next) }),
  }
}

export const listMeetingsEndpoint = endpoint({
  operationId: 'listMeetings',
  path: '/meetings',
  tag: 'Sammanträden',
  summary: 'Alla nämnders sammanträden, senaste först.',
  query: listQuery,
  response: meetingListSchema,
  handle: (request, { query }) => meetingPage(request, query, undefined),
})

export const listCommitteeMeetingsEndpoint = endpoint({
  operationId: 'listCommitteeMeetings',
  path: '/committees/{committee}/meetings',
  tag: 'Sammanträden',
  summary: 'En nämnds sammanträden, senaste först.',
  params: z.object({ committee: slugParam }),
  query: listQuery,
  response: meetingListSchema,
  async handle(request, { params, query }) {
    const committee = await findCommitteeBySlug(request.db, params.committee)
    return committee && meetingPage(request, query, committee.id)
  },
})

const meetingParams = z.object({
  committee: slugParam,
  meeting: slugParam.describe('Sammanträdets adressnamn: mote-2022-12-14.'),
})

export const getMeetingEndpoint = endpoint({
  operationId: 'getMeeting',
  path: '/committees/{committee}/meetings/{meeting}',
  tag: 'Sammanträden',
  summary: 'Ett sammanträde: dag, tid, plats och läge.',
  params: meetingParams,
  response: meetingSchema,
  async handle(request, { params }) {
    const committee = await findCommitteeBySlug(request.db, params.committee)
    const meeting = committee && (await findMeetingBySlug(request.db, committee.id, params.meeting))
    return committee && meeting && meetingOf(apiLinksOf(request), committee, meeting)
  },
})

/** Document JSON of the public meeting (meeting-document-json.ts), with the API's links. */
async function documentOf(
  request: FastifyRequest,
  params: z.output<typeof meetingParams>,
  build: (view: PublicMeeting, page: string) => Promise<PublishedDocumentJson | undefined>,
) {
  const view = await readPublicMeeting(request.db, params.committee, params.meeting)
  if (!view) return undefined
  const links = apiLinksOf(request)
  const { committee, meeting } = view
  const document = await build(view, links.paths.meeting(committee.slug, meeting.slug))
  return (
    document && {
      ...document,
      links: {
        self: `${links.meeting(committee.slug, meeting.slug)}/${document.kind === 'agenda' ? 'agenda' : 'minutes'}`,
        meeting: links.meeting(committee.slug, meeting.slug),
        html: links.site(
          document.kind === 'agenda'
            ? links.paths.meeting(committee.slug, meeting.slug)
            : links.paths.minutes(committee.slug, meeting.slug),
        ),
        documentJson: links.site(
          document.kind === 'agenda'
            ? links.paths.agendaJson(committee.slug, meeting.slug)
            : links.paths.minutesJson(committee.slug, meeting.slug),
        ),
      },
    }
  )
}

export const getAgendaEndpoint = endpoint({
  operationId: 'getAgenda',
  path: '/committees/{committee}/meetings/{meeting}/agenda',
  tag: 'Sammanträden',
  summary:
    'Dagordningen: tom innan kallelsen är ute; en punkt med sekretess visar bara nummer och neutral rubrik.',
  params: meetingParams,
  response: agendaSchema,
  handle: (request, { params }) =>
    documentOf(request, params, async (view, page) =>
      agendaDocumentJson(view, await documentJsonContext(request, view, page)),
    ),
})

export const getMinutesEndpoint = endpoint({
  operationId: 'getMinutes',
  path: '/committees/{committee}/meetings/{meeting}/minutes',
  tag: 'Sammanträden',
  summary:
    'Protokollet: varje justerad paragraf med beslut, yrkanden, omröstningar, röster och reservationer. 404 tills en paragraf är justerad.',
  params: meetingParams,
  response: minutesSchema,
  handle: (request, { params }) =>
    documentOf(request, params, async (view) =>
      minutesDocumentJson(
        view,
        await documentJsonContext(
          request,
          view,
          apiLinksOf(request).paths.minutes(view.committee.slug, view.meeting.slug),
        ),
      ),
    ),
})
