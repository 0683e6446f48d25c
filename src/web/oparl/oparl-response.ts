import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { ChangeFilter, PageRequest } from '../../domain/publication/oparl/oparl.repository.ts'
import { omitInternalLists } from '../../domain/publication/oparl/oparl-internal-lists.ts'
import { type OparlLinks, oparlLinks, oparlType } from '../../domain/publication/oparl/oparl-links.ts'
import type { OparlObject } from '../../domain/publication/oparl/oparl-objects.ts'
import type { ObjectPage } from '../../domain/publication/oparl/oparl-read.ts'

// HTTP in and out for the OParl API: JSON bodies, the error object of 2-09, list pages of 2-05.

/** The links of this request: ids are absolute URLs under PUBLIC_URL, whatever host the client used. */
export const linksOf = (request: FastifyRequest): OparlLinks => oparlLinks(request.publicUrl)

export const defaultLimit = 50
export const maxLimit = 100
/**
 * A Meeting carries its agenda, decisions and roll call inline (about 30 KB each), so its list pages
 * by fewer unless asked: 2-05 leaves the page's size to the server "to bound the data sent and
 * the time to answer". 50 meetings a page were 2.3 MB; 20 are under 1 MB.
 */
export const meetingListLimit = 20

/** Sends an OParl object or list page; the caching hook adds the ETag as for every public GET. */
export const sendOparl = (reply: FastifyReply, body: unknown) =>
  reply.type('application/json; charset=utf-8').send(JSON.stringify(body))

/** The error object of 2-09. A missing and a non-public object get the same answer, so nothing is revealed. */
export const sendOparlError = (reply: FastifyReply, status: number, message: string, debug?: string) =>
  reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ type: oparlType('Error'), message, ...(debug ? { debug } : {}) }))

export const sendNotFound = (reply: FastifyReply) => sendOparlError(reply, 404, 'Objektet finns inte.')

/** Sends an object, or the 404 error when the reader found nothing public. */
export const sendObject = (reply: FastifyReply, object: OparlObject | undefined) =>
  object ? sendOparl(reply, object) : sendNotFound(reply)

export const idParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
})

/** A date-time with a zone (2-05: filters take a full date-time), kept as a UTC ISO instant. */
const instant = z
  .string()
  .refine(
    (value) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
      !Number.isNaN(Date.parse(value)),
    {
      message: 'a date-time with a time zone, e.g. 2023-01-01T00:00:00+01:00',
    },
  )
  .transform((value) => new Date(value).toISOString())

const listQuery = (pageSize: number) =>
  z.object({
    page: z.coerce.number().int().min(1).default(1),
    // 2-05: a client may ask for fewer, or more; the server keeps its own ceiling.
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .default(pageSize)
      .transform((n) => Math.min(n, maxLimit)),
    created_since: instant.optional(),
    created_until: instant.optional(),
    modified_since: instant.optional(),
    modified_until: instant.optional(),
    omit_internal: z.string().optional(),
  })
const listQueries = new Map([defaultLimit, meetingListLimit].map((size) => [size, listQuery(size)]))

export type ListQuery = {
  filter: ChangeFilter
  page: PageRequest
  raw: Record<string, string>
  /** 2-05: the client reads the external lists and asks to leave out the inline ones. */
  omitInternal: boolean
}

/**
 * Reads page, limit (pageSize when none is asked) and the four filters; undefined (after answering
 * 400) when one is malformed.
 */
export function readListQuery(
  request: FastifyRequest,
  reply: FastifyReply,
  pageSize: typeof defaultLimit | typeof meetingListLimit = defaultLimit,
): ListQuery | undefined {
  const parsed = (listQueries.get(pageSize) ?? listQuery(pageSize)).safeParse(request.query)
  if (!parsed.success) {
    sendOparlError(
      reply,
      400,
      'Ogiltig parameter.',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    )
    return undefined
  }
  const q = parsed.data
  // The filters a client gave are carried into every link (2-05), in a fixed order.
  const raw: Record<string, string> = {}
  const given = request.query as Record<string, string | undefined>
  for (const key of [
    'created_since',
    'created_until',
    'modified_since',
    'modified_until',
    'omit_internal',
    'limit',
  ])
    if (typeof given[key] === 'string') raw[key] = given[key]
  return {
    filter: {
      createdSince: q.created_since,
      createdUntil: q.created_until,
      modifiedSince: q.modified_since,
      modifiedUntil: q.modified_until,
    },
    page: { page: q.page, limit: q.limit },
    raw,
    omitInternal: q.omit_internal === 'true',
  }
}

/** A list page of 2-05: data, pagination and links that keep the client's filters. */
export function listPage(listUrl: string, query: ListQuery, result: ObjectPage) {
  const { page, limit } = query.page
  const totalPages = Math.max(1, Math.ceil(result.total / limit))
  const urlOf = (n: number) => {
    const params = new URLSearchParams(query.raw)
    if (n > 1) params.set('page', String(n))
    const text = params.toString()
    return text ? `${listUrl}?${text}` : listUrl
  }
  return {
    data: query.omitInternal ? result.data.map(omitInternalLists) : result.data,
    pagination: { totalElements: result.total, elementsPerPage: limit, currentPage: page, totalPages },
    links: {
      first: urlOf(1),
      ...(page > 1 ? { prev: urlOf(Math.min(page - 1, totalPages)) } : {}),
      self: urlOf(page),
      ...(page < totalPages ? { next: urlOf(page + 1) } : {}),
      last: urlOf(totalPages),
    },
  }
}
