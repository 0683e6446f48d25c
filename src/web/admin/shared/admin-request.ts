import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../../../domain/shared/actor.ts'
import { DomainError } from '../../../domain/shared/errors.ts'
import type { AdminView } from '../../views/admin-layout.tsx'
import type { FormErrors, FormValues } from './form.view.tsx'

// Small pieces every workspace route uses: the signed-in user, the view for the layout, reading a
// form body, and turning a domain error about a field into a Swedish message beside that field.

/** A workspace request let in by the session hook: its user and its actor are there. */
export type SignedInRequest<R extends FastifyRequest = FastifyRequest> = R & {
  user: NonNullable<FastifyRequest['user']>
  actor: Actor
}

/**
 * The request as signed in. The session hook has already sent everyone else to the login page;
 * only a page marked `config.public` (the login page) is reached without, and it does not ask.
 */
export function signedIn<R extends FastifyRequest>(request: R): SignedInRequest<R> {
  if (!request.user || !request.actor) throw new DomainError('forbidden', 'not_signed_in', 'not signed in')
  return request as SignedInRequest<R>
}

/** The signed-in user. */
export const currentUser = (request: FastifyRequest) => signedIn(request).user

/** Who the use cases record in the audit log for this request: the signed-in user. */
export const actorOf = (request: FastifyRequest): Actor => signedIn(request).actor

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
