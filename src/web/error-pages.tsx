import type { FastifyInstance, FastifyReply } from 'fastify'
import { DomainError, type DomainErrorCode } from '../domain/shared/errors.ts'
import { httpErrors } from './http-errors.ts'
import { ErrorPage } from './views/error.page.tsx'
import { sendPage } from './views/render.tsx'

/** Domain errors become their status and a Swedish page (or JSON for API clients); others are logged once. */
export function registerErrorPages(app: FastifyInstance) {
  app.setNotFoundHandler(async (request, reply) => {
    const { status, title, text } = httpErrors.not_found
    if (wantsJson(request.headers.accept))
      return reply.status(status).send({ error: 'not_found', message: title })
    return sendPage(reply, <ErrorPage title={title} text={text} />, status)
  })

  app.setErrorHandler(async (error, request, reply) => {
    const code =
      error instanceof DomainError ? error.code : isClientError(error) ? 'invalid_input' : 'internal'
    const entry = httpErrors[code]
    if (code === 'internal') request.log.error({ err: error }, 'request failed')
    if (wantsJson(request.headers.accept)) {
      return reply
        .status(entry.status)
        .send({ error: code, message: code === 'internal' ? entry.title : (error as Error).message })
    }
    return sendPage(reply, <ErrorPage title={entry.title} text={entry.text} />, entry.status)
  })
}

function isClientError(error: unknown): boolean {
  const status = (error as { statusCode?: number }).statusCode
  return typeof status === 'number' && status >= 400 && status < 500
}

function wantsJson(accept: string | undefined): boolean {
  return Boolean(accept?.includes('application/json') && !accept.includes('text/html'))
}

export function sendErrorPage(reply: FastifyReply, code: DomainErrorCode | 'internal') {
  const { status, title, text } = httpErrors[code]
  return sendPage(reply, <ErrorPage title={title} text={text} />, status)
}
