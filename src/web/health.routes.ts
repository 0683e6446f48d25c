import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { databaseFaultOf } from '../db/database-faults.ts'
import { pendingMigrations } from '../db/migrate.ts'
import { httpErrors } from './http-errors.ts'

/** How long /ready waits for the database before it says it is not ready: a probe must not hang. */
const readinessTimeoutMs = 3_000

/**
 * For load balancers and orchestrators. /health is liveness: the process answers, whatever the
 * database does (restarting the process would not bring the database back). /ready is readiness:
 * the database answers and has every migration of this version; 503 with Retry-After otherwise.
 */
export async function healthRoutes(app: FastifyInstance) {
  app.get('/health', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
    return { status: 'ok' }
  })

  app.get('/ready', async (request, reply) => {
    reply.header('cache-control', 'no-store')
    const state = await readiness(request.db)
    if (state.ready) return { status: 'ready' }
    request.log.warn({ reason: state.reason }, 'not ready')
    return reply
      .code(503)
      .header('retry-after', String(httpErrors.unavailable.retryAfterSeconds))
      .send({ status: 'not_ready', message: state.message })
  })
}

type Readiness = { ready: true } | { ready: false; reason: string; message: string }

async function readiness(db: Db): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ready: false, reason: 'timeout', message: 'Databasen svarar inte.' }),
      readinessTimeoutMs,
    )
  })
  const check = (async (): Promise<Readiness> => {
    try {
      await sql`select 1`.execute(db)
      const pending = await pendingMigrations(db)
      if (pending.length > 0)
        return {
          ready: false,
          reason: `migrations pending: ${pending.join(', ')}`,
          message: 'Databasen är inte uppdaterad (kör paragraf migrate).',
        }
      return { ready: true }
    } catch (error) {
      const unreachable = databaseFaultOf(error) === 'unavailable'
      return {
        ready: false,
        reason: (error as Error).message,
        message: unreachable ? 'Databasen svarar inte.' : 'Databasen kunde inte läsas.',
      }
    }
  })()
  try {
    return await Promise.race([check, timeout])
  } finally {
    clearTimeout(timer)
  }
}
