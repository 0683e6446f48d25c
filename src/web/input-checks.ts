import type { FastifyInstance } from 'fastify'
import { InvalidInputError } from '../domain/shared/errors.ts'

/**
 * No NUL character reaches a use case: no field needs one, PostgreSQL cannot store one in text
 * (it answers "invalid byte sequence" and the request would end in a 500), and SQLite would keep
 * a string that stops short in other programs. A query string is read forgivingly, as the pages
 * read it (the NUL is dropped, and what is left is checked as usual); a form or an address with one
 * is refused (400).
 */
export function registerInputChecks(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (request.query && typeof request.query === 'object')
      request.query = withoutNul(request.query as Record<string, unknown>)
    for (const [where, value] of [
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
    super('nul_character', `a NUL character in the ${where}`, field)
  }
}

const dropNul = (value: unknown) => (typeof value === 'string' ? value.replaceAll('\u0000', '') : value)

function withoutNul(fields: Record<string, unknown>): Record<string, unknown> {
  if (fieldWithNul(fields) === undefined) return fields
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [
      name.replaceAll('\u0000', ''),
      Array.isArray(value) ? value.map(dropNul) : dropNul(value),
    ]),
  )
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
