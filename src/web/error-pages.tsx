import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { databaseFaultOf } from '../db/database-faults.ts'
import { DomainError } from '../domain/shared/errors.ts'
import { refusalSentence } from '../domain/shared/refusal-sentences.ts'
import { type HttpErrorCode, httpErrors } from './http-errors.ts'
import { ErrorPage } from './views/error.page.tsx'
import { sendPage } from './views/render.tsx'

/** Domain errors become their status and a Swedish page (or JSON for API clients); others are logged once. */
export function registerErrorPages(app: FastifyInstance) {
  app.setNotFoundHandler(async (request, reply) => {
    const { status, title, text } = httpErrors.not_found
    if (wantsJson(request)) return reply.status(status).send({ error: 'not_found', message: title })
    return sendPage(reply, <ErrorPage title={title} text={text} />, status)
  })

  app.setErrorHandler(async (error, request, reply) => {
    const code = httpErrorCodeOf(error)
    const entry = httpErrors[code]
    logFailure(request, code, error)
    if (entry.retryAfterSeconds) reply.header('retry-after', String(entry.retryAfterSeconds))
    if (wantsJson(request)) {
      // A refusal names its reason and says it in Swedish (the one table); others their status's title.
      if (error instanceof DomainError)
        return reply
          .status(entry.status)
          .send({ error: code, reason: error.reason, message: refusalSentence(error) })
      return reply
        .status(entry.status)
        .send({ error: code, message: entry.status >= 500 ? entry.title : (error as Error).message })
    }
    return sendPage(reply, <ErrorPage title={entry.title} text={entry.text} />, entry.status)
  })
}

/** Which entry of the table an error gets: a domain error's own code, a database or disk fault, a client's mistake, or internal. */
export function httpErrorCodeOf(error: unknown): HttpErrorCode {
  if (error instanceof DomainError) return error.code
  const fault = databaseFaultOf(error)
  if (fault) return fault === 'full' ? 'storage_full' : 'unavailable'
  return isClientError(error) ? 'invalid_input' : 'internal'
}

/** Logged once, here: a bug as an error; a database or disk fault as a warning, since it is the operator's to fix. */
export function logFailure(request: FastifyRequest, code: HttpErrorCode, error: unknown) {
  if (code === 'internal') request.log.error({ err: error }, 'request failed')
  else if (code === 'unavailable') request.log.warn({ err: error }, 'the database is unavailable')
  else if (code === 'storage_full')
    request.log.warn({ err: error }, 'no room to write (disk or database full)')
}

function isClientError(error: unknown): boolean {
  const status = (error as { statusCode?: number }).statusCode
  return typeof status === 'number' && status >= 400 && status < 500
}

/** API clients get JSON: by their Accept header, and always under /oparl and /api. */
function wantsJson(request: FastifyRequest): boolean {
  if (/^\/(oparl|api)(\/|$|\?)/.test(request.url)) return true
  const accept = request.headers.accept
  return Boolean(accept?.includes('application/json') && !accept.includes('text/html'))
}

export function sendErrorPage(reply: FastifyReply, code: HttpErrorCode) {
  const { status, title, text } = httpErrors[code]
  return sendPage(reply, <ErrorPage title={title} text={text} />, status)
}
