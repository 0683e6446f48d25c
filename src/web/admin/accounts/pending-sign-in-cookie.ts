import type { FastifyReply } from 'fastify'
import { signInPaths } from './sign-in.paths.ts'

/**
 * The sign-in waiting for its second factor, named by a cookie that only the login pages see
 * (HttpOnly, SameSite=Lax, Secure over https) and the browser forgets after five minutes.
 */
export const pendingCookie = 'paragraf_inloggning'
export const pendingCookieOptions = {
  path: '/admin/logga-in',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: 'auto' as const,
}

/** After a right password for an account with TOTP: the code comes next. */
export function askForSecondFactor(reply: FastifyReply, token: string) {
  reply.setCookie(pendingCookie, token, { ...pendingCookieOptions, maxAge: 5 * 60 })
  return reply.redirect(signInPaths.code(), 303)
}
