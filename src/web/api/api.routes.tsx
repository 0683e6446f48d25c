import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import { DomainError } from '../../domain/shared/errors.ts'
import { refusalSentence } from '../../domain/shared/refusal-sentences.ts'
import { httpErrorCodeOf, logFailure } from '../error-pages.tsx'
import { httpErrors } from '../http-errors.ts'
import { sendPage } from '../views/render.tsx'
import { ApiPage } from './api.page.tsx'
import { ApiError, registerEndpoint, sendJson } from './api-endpoint.ts'
import { apiEndpoints } from './api-endpoints.ts'
import { apiBasePath, apiDocsPath } from './api-links.ts'
import { buildOpenApiDocument, type OpenApiDocument } from './openapi.ts'

/**
 * How many requests one client address may make to /api/v1 in a window. Counted per app server
 * (in memory): behind several servers a client may get up to this many from each.
 */
export const apiRateLimit = { max: 300, windowSeconds: 60 }

let openApiDocument: OpenApiDocument | undefined
/** The OpenAPI document, built once from the endpoints (it does not depend on the request). */
export const openApi = () => {
  openApiDocument ??= buildOpenApiDocument(apiEndpoints, apiRateLimit)
  return openApiDocument
}

/** The JSON API for app builders: /api/v1 (docs/api.md), and its description in Swedish at /api. */
export async function apiRoutes(app: FastifyInstance) {
  app.get(apiDocsPath, async (_request, reply) =>
    sendPage(reply, <ApiPage endpoints={apiEndpoints} rateLimit={apiRateLimit} />),
  )
  await app.register(apiV1Routes, { prefix: apiBasePath })
}

async function apiV1Routes(app: FastifyInstance) {
  // Read by scripts from any origin, errors included (as OParl, 2-06). Simple GETs need no preflight.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*')
    reply.header(
      'access-control-expose-headers',
      'ETag, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
    )
  })
  await app.register(rateLimit, {
    global: true,
    max: apiRateLimit.max,
    timeWindow: apiRateLimit.windowSeconds * 1000,
    // The plugin sets Retry-After and the X-RateLimit-* headers; the body is the API's error shape.
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        'too_many_requests',
        `För många anrop: högst ${context.max} per ${apiRateLimit.windowSeconds} sekunder. Försök igen om ${Math.ceil(context.ttl / 1000)} sekunder.`,
      ),
  })
  app.setNotFoundHandler(async (_request, reply) =>
    sendJson(reply, 404, { error: 'not_found', message: 'Det finns inget här.' }),
  )
  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof ApiError)
      return sendJson(reply, error.status, {
        error: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      })
    const code = httpErrorCodeOf(error)
    logFailure(request, code, error)
    const { retryAfterSeconds } = httpErrors[code]
    if (retryAfterSeconds) reply.header('retry-after', String(retryAfterSeconds))
    if (code === 'unavailable' || code === 'storage_full')
      return sendJson(reply, 503, { error: 'unavailable', message: httpErrors.unavailable.title })
    if (code === 'not_found')
      return sendJson(reply, 404, { error: 'not_found', message: 'Det finns inget här.' })
    if (code === 'internal')
      return sendJson(reply, 500, { error: 'internal', message: httpErrors.internal.title })
    // A refusal names its reason and says it in Swedish, from the one table of refusals.
    if (error instanceof DomainError)
      return sendJson(reply, 400, {
        error: 'invalid_input',
        reason: error.reason,
        message: refusalSentence(error),
      })
    return sendJson(reply, 400, { error: 'invalid_input', message: 'Begäran kunde inte läsas.' })
  })
  app.get('/openapi.json', async (_request, reply) => sendJson(reply, 200, openApi()))
  for (const endpoint of apiEndpoints) registerEndpoint(app, endpoint)
}
