import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { sendErrorPage } from './error-pages.tsx'
import { httpErrors } from './http-errors.ts'
import { sendOparlError } from './oparl/oparl-response.ts'

/**
 * An address Fastify refuses before any route sees it: a segment longer than maxParamLength (no
 * slug is that long, so there is nothing there: 404) or one that cannot be decoded (400). Logged
 * once, answered as the route's neighbours answer: OParl's error object under /oparl, JSON under
 * /api or to a client that asks for it, the Swedish page otherwise.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'not_found'
      : error.statusCode !== undefined && error.statusCode < 500
        ? 'invalid_input'
        : 'internal'
  const where = request.url.slice(0, 200)
  if (code === 'internal') request.log.error({ err: error, url: where }, 'request failed before routing')
  else request.log.info({ code: error.code, url: where }, 'address refused before routing')
  const { status, title } = httpErrors[code]
  if (/^\/oparl(\/|$|\?)/.test(request.url))
    return sendOparlError(reply, status, code === 'not_found' ? 'Objektet finns inte.' : 'Ogiltig begäran.')
  const accept = request.headers.accept ?? ''
  if (
    /^\/api(\/|$|\?)/.test(request.url) ||
    (accept.includes('application/json') && !accept.includes('text/html'))
  )
    return reply.status(status).send({ error: code, message: title })
  return sendErrorPage(reply, code)
}
