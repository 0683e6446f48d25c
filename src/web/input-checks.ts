import type { FastifyInstance } from 'fastify'
import { InvalidInputError } from '../domain/shared/errors.ts'

/**
 * Refuses (400) a query, form or address that holds a NUL character: no form field needs one,
 * PostgreSQL cannot store one in text (it answers "invalid byte sequence" and the request would
 * end in a 500), and SQLite would keep a string that stops short in other programs.
 */
export function registerInputChecks(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [
      ['query', request.query],
      ['form', request.body],
      ['address', request.params],
    ] as const) {
      const field = fieldWithNul(value)
      if (field !== undefined) throw new NulInInputError(where, field)
    }
  })
}

/** invalid_input for the error pages; statusCode 400 for handlers that read only that (OParl's). */
class NulInInputError extends InvalidInputError {
  readonly statusCode = 400
  constructor(where: string, field: string) {
    super(`a NUL character in the ${where}`, field)
  }
}

/** The name of the first field whose value (or one of its values) holds a NUL, if any. */
export function fieldWithNul(fields: unknown): string | undefined {
  if (!fields || typeof fields !== 'object' || Buffer.isBuffer(fields)) return undefined
  for (const [name, value] of Object.entries(fields)) {
    const values = Array.isArray(value) ? value : [value]
    if (name.includes('\u0000') || values.some((v) => typeof v === 'string' && v.includes('\u0000')))
      return name.replaceAll('\u0000', '')
  }
  return undefined
}
