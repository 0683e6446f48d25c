import type { FastifyInstance } from 'fastify'
import { httpErrorCodeOf, logFailure } from '../error-pages.tsx'
import { httpErrors } from '../http-errors.ts'
import { bodyRoutes } from './body.routes.ts'
import { generatedFileRoutes } from './generated-file.routes.ts'
import { objectRoutes } from './object.routes.ts'
import { sendNotFound, sendOparlError } from './oparl-response.ts'

/**
 * The OParl 1.1 API under /oparl: read-only, public, built from what the portal publishes
 * (docs/oparl.md). Registered with the prefix /oparl, so its error and not-found handlers answer
 * in JSON (2-09) here while the portal keeps its Swedish pages.
 */
export async function oparlRoutes(app: FastifyInstance) {
  // 2-06: every JSON answer may be read by scripts from any origin, errors included.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*')
  })
  app.setNotFoundHandler(async (_request, reply) => sendNotFound(reply))
  app.setErrorHandler(async (error, request, reply) => {
    const fault = httpErrorCodeOf(error)
    if (fault === 'unavailable' || fault === 'storage_full') {
      logFailure(request, fault, error)
      const { status, title, retryAfterSeconds } = httpErrors[fault]
      if (retryAfterSeconds) reply.header('retry-after', String(retryAfterSeconds))
      return sendOparlError(reply, status, title)
    }
    const status = (error as { statusCode?: number }).statusCode
    if (status && status >= 400 && status < 500) return sendOparlError(reply, status, 'Ogiltig begäran.')
    request.log.error(error)
    return sendOparlError(reply, 500, 'Ett fel uppstod.')
  })
  await app.register(bodyRoutes)
  await app.register(objectRoutes)
  await app.register(generatedFileRoutes)
}
