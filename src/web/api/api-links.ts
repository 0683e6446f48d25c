import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { paths } from '../paths.ts'
import { ApiError } from './api-endpoint.ts'

// Addresses in API answers are absolute, on the host the client used (as document JSON's are):
// an app keeps them and follows them later.

export const apiBasePath = '/api/v1'
/** The readable description of the API (Swedish), linked from every public page's footer. */
export const apiDocsPath = '/api'

const segment = (text: string) => encodeURIComponent(text)

/** The address builders of one request. */
export function apiLinksOf(request: FastifyRequest) {
  // PUBLIC_URL, never the Host header a client sent (a CDN keeping the answer would serve its links).
  const base = new URL(request.publicUrl).origin
  const api = (path: string) => `${base}${apiBasePath}${path}`
  const site = (path: string) => `${base}${path}`
  const meeting = (committeeSlug: string, meetingSlug: string) =>
    api(`/committees/${committeeSlug}/meetings/${meetingSlug}`)
  return {
    base,
    api,
    site,
    committee: (slug: string) => api(`/committees/${slug}`),
    committeeMeetings: (slug: string) => api(`/committees/${slug}/meetings`),
    meeting,
    agenda: (committeeSlug: string, meetingSlug: string) => `${meeting(committeeSlug, meetingSlug)}/agenda`,
    minutes: (committeeSlug: string, meetingSlug: string) => `${meeting(committeeSlug, meetingSlug)}/minutes`,
    person: (slug: string) => api(`/people/${slug}`),
    party: (abbreviation: string) => api(`/parties/${segment(abbreviation)}`),
    matter: (registryNumber: string) => api(`/matters/${segment(registryNumber)}`),
    paths,
  }
}

export type ApiLinks = ReturnType<typeof apiLinksOf>

// Paging: a list is read a page at a time, at most 100 entries; `links.next` is the next page.

export const maxPageSize = 100
export const defaultPageSize = 50

export const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(maxPageSize)
  .default(defaultPageSize)
  .describe(`Poster per sida, 1–${maxPageSize}.`)

export const pageParam = z.coerce.number().int().min(1).max(10_000).default(1).describe('Sidan, från 1.')

export const cursorParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,400}$/)
  .optional()
  .describe('Var sidan börjar: värdet ur föregående sidas links.next. Utelämnas för första sidan.')

/** A keyset position as an opaque cursor: base64url of its JSON. */
export const encodeCursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url')

/** Reads a cursor back; one that was not made by encodeCursor for this list answers 400. */
export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = undefined
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success)
    throw new ApiError(400, 'invalid_input', 'En parameter kunde inte läsas.', [
      'cursor: not a cursor of this list; take it from links.next',
    ])
  return parsed.data
}

/** This request's address with some query parameters replaced (undefined: removed), absolute. */
export function requestUrlWith(
  request: FastifyRequest,
  changes: Record<string, string | number | undefined>,
) {
  const url = new URL(request.url, new URL(request.publicUrl).origin)
  for (const [key, value] of Object.entries(changes))
    if (value === undefined) url.searchParams.delete(key)
    else url.searchParams.set(key, String(value))
  return url.toString()
}

/** self and next of a page. */
export const pageLinksOf = (request: FastifyRequest, next: Record<string, string | number> | undefined) => ({
  self: requestUrlWith(request, {}),
  ...(next ? { next: requestUrlWith(request, next) } : {}),
})
