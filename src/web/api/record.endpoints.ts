import { z } from 'zod'
import { readMatterRecord } from '../../domain/publication/matter-record.ts'
import { readNoticeArchive, readNoticeBoard } from '../../domain/publication/notice-board-record.ts'
import { search } from '../../domain/search/search.service.ts'
import { searchKinds } from '../../domain/search/search.ts'
import { registryNumberParam } from '../portal/matter.routes.tsx'
import { hitPath } from '../portal/search.page.tsx'
import { endpoint } from './api-endpoint.ts'
import { apiLinksOf, limitParam, pageLinksOf, pageParam } from './api-links.ts'
import { attachmentOf, meetingRefOf, noticeOf } from './api-presenters.ts'
import { matterSchema, noticeArchiveSchema, noticeBoardSchema, searchResultSchema } from './api-schemas.ts'
import { slugParam } from './committee.endpoints.ts'

export const getMatterEndpoint = endpoint({
  operationId: 'getMatter',
  path: '/matters/{registryNumber}',
  tag: 'Ärenden',
  summary: 'Ett ärende och varje sammanträde det passerat, med offentliga handlingar och justerade beslut.',
  params: z.object({
    registryNumber: z
      .string()
      .refine((value) => registryNumberParam(value) !== undefined, 'not a registry number')
      .transform((value) => registryNumberParam(value) ?? value)
      .describe('Diarienumret, med / som %2F: 1.2.2-72%2F2022.'),
  }),
  response: matterSchema,
  async handle(request, { params }) {
    const found = await readMatterRecord(request.db, params.registryNumber)
    if (!found) return undefined
    const links = apiLinksOf(request)
    const { matter, steps } = found
    return {
      registryNumber: matter.registryNumber,
      title: matter.title,
      kind: matter.kind,
      steps: steps.map((step) => ({
        meeting: meetingRefOf(links, step),
        number: step.number,
        title: step.title,
        summary: step.summary,
        proposal: step.proposal,
        status: step.status,
        attachments: step.attachments.map((d) => attachmentOf(links, d)),
        decisions: step.decisions,
      })),
      links: {
        self: links.matter(matter.registryNumber),
        html: links.site(links.paths.matter(matter.registryNumber)),
        feed: links.site(links.paths.matterFeed(matter.registryNumber)),
      },
    }
  },
})

export const getNoticeBoardEndpoint = endpoint({
  operationId: 'getNoticeBoard',
  path: '/notice-board',
  tag: 'Anslagstavla',
  summary: 'Anslagstavlan i dag: varje anslag sitter uppe tills tiden för överklagande gått ut (KL 8:12).',
  response: noticeBoardSchema,
  async handle(request) {
    const links = apiLinksOf(request)
    const notices = await readNoticeBoard(request.db, request.today)
    return {
      date: request.today,
      data: notices.map((n) => noticeOf(links, n)),
      links: {
        self: links.api('/notice-board'),
        archive: links.api('/notice-board/archive'),
        html: links.site(links.paths.noticeBoard()),
      },
    }
  },
})

const archivePageSize = 25

export const getNoticeArchiveEndpoint = endpoint({
  operationId: 'getNoticeArchive',
  path: '/notice-board/archive',
  tag: 'Anslagstavla',
  summary: `Anslag som tagits ned, senaste först, ${archivePageSize} per sida.`,
  query: z.object({ page: pageParam }),
  response: noticeArchiveSchema,
  async handle(request, { query }) {
    const links = apiLinksOf(request)
    const { notices, hasMore } = await readNoticeArchive(
      request.db,
      request.today,
      query.page,
      archivePageSize,
    )
    return {
      data: notices.map((n) => noticeOf(links, n)),
      links: pageLinksOf(request, hasMore ? { page: query.page + 1 } : undefined),
    }
  },
})

export const searchEndpoint = endpoint({
  operationId: 'search',
  path: '/search',
  tag: 'Sök',
  summary: 'Sök i offentliga dagordningar, justerade paragrafer och handlingar, som sökrutan på webbplatsen.',
  query: z.object({
    q: z.string().min(1).max(500).describe('Sökorden.'),
    committee: slugParam.optional().describe('Bara en nämnd, med dess adressnamn.'),
    year: z.coerce.number().int().min(1000).max(9999).optional().describe('Bara ett år.'),
    type: z.enum(searchKinds).optional().describe('Bara punkter, paragrafer eller handlingar.'),
    party: z
      .string()
      .trim()
      .regex(/^[^\p{C}]{1,20}$/u)
      .optional()
      .describe('Bara paragrafer med partiets yrkanden, reservationer eller uttalanden.'),
    page: pageParam,
    limit: limitParam.default(20),
  }),
  response: searchResultSchema,
  async handle(request, { query }) {
    const links = apiLinksOf(request)
    const result = await search(request.db, {
      q: query.q,
      committeeSlug: query.committee,
      year: query.year,
      kind: query.type,
      party: query.party,
      page: query.page,
      pageSize: query.limit,
    })
    return {
      total: result.total,
      moreThanTotal: result.moreThanTotal === true,
      data: result.hits.map((hit) => ({
        kind: hit.kind,
        title: hit.title,
        label: hit.label,
        excerpt: hit.excerpt,
        match: hit.match,
        meeting: meetingRefOf(links, {
          committeeName: hit.committee.name,
          committeeSlug: hit.committee.slug,
          meetingSlug: hit.meeting.slug,
          meetsOn: hit.meeting.meetsOn,
        }),
        section: hit.location.sectionNumber,
        url: links.site(hitPath(hit)),
      })),
      links: pageLinksOf(request, result.page < result.pages ? { page: result.page + 1 } : undefined),
    }
  },
})
