import type { FastifyReply } from 'fastify'

export const sessionCookieName = 'paragraf_session'

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts), Secure when the
 * request came over https (behind a proxy: X-Forwarded-Proto, as the app trusts its proxy).
 * No Max-Age: the database decides when the session ends, and the browser forgets it on close.
 */
export function setSessionCookie(reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookieName, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' })
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(sessionCookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' })
}
