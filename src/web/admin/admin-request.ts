import type { FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../../domain/shared/errors.ts'
import type { AdminView } from '../views/admin-layout.tsx'
import type { FormErrors, FormValues } from './form.tsx'

// Small pieces every workspace route uses: the signed-in user, the view for the layout, reading a
// form body, and turning a domain error about a field into a Swedish message beside that field.

/** The signed-in user; the auth hook has already sent everyone else to the login page. */
export function currentUser(request: FastifyRequest): NonNullable<FastifyRequest['user']> {
  if (!request.user) throw new DomainError('forbidden', 'not_signed_in', 'not signed in')
  return request.user
}

export function adminView(request: FastifyRequest, reply: FastifyReply): AdminView {
  return { user: currentUser(request), csrfToken: reply.generateCsrf() }
}

/** The named fields of a form body as trimmed strings ('' when absent), with CRLF as LF. */
export function readForm(body: unknown, names: readonly string[]): FormValues {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const values: FormValues = {}
  for (const name of names) {
    const value = fields[name]
    values[name] = typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : ''
  }
  return values
}

/**
 * The Swedish message for a domain error about one of the form's fields, or the error rethrown
 * when the form has no message for it (it then gets the error page for its code).
 */
export function fieldErrorOf(error: unknown, messages: Record<string, string>): FormErrors {
  if (error instanceof DomainError && error.field && messages[error.field] !== undefined)
    return { [error.field]: messages[error.field] as string }
  throw error
}

/** Where to go after saving: the page again, with a confirmation (post/redirect/get). */
export const savedAt = (path: string) => `${path}?sparat=1`

export const wasSaved = (request: FastifyRequest) =>
  typeof (request.query as Record<string, unknown> | undefined)?.sparat === 'string'
