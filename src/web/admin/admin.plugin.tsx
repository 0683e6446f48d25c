import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import type { FastifyInstance } from 'fastify'
import type { SignedInUser } from '../../domain/account/account.ts'
import { readSession } from '../../domain/account/session.service.ts'
import type { Actor } from '../../domain/shared/actor.ts'
import { DomainError } from '../../domain/shared/errors.ts'
import { refusalSentence } from '../../domain/shared/refusal-sentences.ts'
import { httpErrors } from '../http-errors.ts'
import { paths } from '../paths.ts'
import { ErrorPage } from '../views/error.page.tsx'
import { sendPage } from '../views/render.tsx'
import { authRoutes } from './accounts/auth.routes.tsx'
import { identityProviderRoutes } from './accounts/identity-provider.routes.tsx'
import { secondFactorRoutes } from './accounts/second-factor.routes.tsx'
import { sessionCookieName } from './accounts/session-cookie.ts'
import { registerSignInDemands, signInDemandRoutes } from './accounts/sign-in-demands.routes.tsx'
import { usersRoutes } from './accounts/users.routes.tsx'
import { agendaRoutes } from './agenda/agenda.routes.tsx'
import { noticeRoutes } from './agenda/notice.routes.tsx'
import { auditRoutes } from './audit/audit.routes.tsx'
import { delegatedDecisionRoutes } from './delegated-decisions/delegated-decisions.routes.tsx'
import { documentRoutes } from './documents/documents.routes.tsx'
import { accessibilityFeedbackRoutes } from './feedback/accessibility-feedback.routes.tsx'
import { meetingRoutes } from './meetings/meetings.routes.tsx'
import { identityNumberRoutes } from './membership/identity-numbers.routes.tsx'
import { memberImportRoutes } from './membership/member-import.routes.tsx'
import { membershipRoutes } from './membership/membership.routes.tsx'
import { personMergeRoutes } from './membership/person-merge.routes.tsx'
import { minutesRoutes } from './minutes/minutes.routes.tsx'
import { rollCallRoutes } from './minutes/roll-call.routes.tsx'
import { sectionRoutes } from './minutes/section.routes.tsx'
import { voteEntryRoutes } from './minutes/vote-entry.routes.tsx'
import { committeeRoutes } from './organisation/committee.routes.tsx'
import { organisationRoutes } from './organisation/organisation.routes.tsx'
import { registerRoutes } from './register/register.routes.tsx'
import { zodValidatorCompiler } from './shared/request.schema.ts'
import { csrfTokenOf, registerUploadForms } from './shared/upload-form.ts'
import { afterSignOffRoutes } from './sign-off/after-sign-off.routes.tsx'
import { extractRoutes } from './sign-off/extract.routes.tsx'
import { paperSignOffRoutes } from './sign-off/paper-sign-off.routes.tsx'
import { signOffRoutes } from './sign-off/sign-off.routes.tsx'
import { signOffOidcRoutes } from './sign-off/sign-off-oidc.routes.tsx'
import { startRoutes } from './start/start.routes.tsx'
import { webhooksRoutes } from './webhooks/webhooks.routes.tsx'

declare module '../../domain/shared/errors.ts' {
  interface RefusalReasons {
    csrf_token_invalid: undefined
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user of the workspace (null outside it, or before signing in). */
    user: (SignedInUser & { sessionId: string }) | null
    /** Who the workspace's use cases record in the audit log. */
    actor: Actor | null
  }
  interface FastifyContextConfig {
    /** A workspace page that needs no signed-in user (the login page). */
    public?: boolean
  }
}

/**
 * The clerks' workspace under /admin. Cookies, CSRF and sign-in stay inside this plugin, so the
 * public portal still sets no cookie for visitors.
 */
export async function adminRoutes(app: FastifyInstance) {
  await app.register(cookie)
  await app.register(csrf, {
    cookieKey: 'paragraf_csrf',
    cookieOpts: { path: '/admin', httpOnly: true, sameSite: 'lax', secure: 'auto' },
    getToken: csrfTokenOf,
  })
  app.decorateRequest('user', null)
  app.decorateRequest('actor', null)

  app.addHook('onRequest', async (request, reply) => {
    // Workspace pages hold unpublished data: no shared cache may keep them.
    reply.header('cache-control', 'no-store')
    const token = request.cookies[sessionCookieName]
    const user = token ? await readSession(request.db, token) : undefined
    if (user) {
      request.user = user
      request.actor = { kind: 'user', userId: user.id, name: user.name }
    } else if (!request.routeOptions.config.public) {
      const returnTo = request.method === 'GET' ? request.url : paths.admin.start()
      return reply.redirect(paths.admin.login(returnTo), 303)
    }
  })

  registerSignInDemands(app) // after the session hook: a handed-out password, TOTP required
  await registerUploadForms(app) // its hook reads an upload form's token before the check below
  // At preValidation, not onRequest: the token comes in the form body, which is parsed by then.
  app.addHook('preValidation', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD') return done()
    app.csrfProtection(request, reply, done)
  })

  // Each route's address, form and query are parsed through the zod schemas declared beside it.
  app.setValidatorCompiler(zodValidatorCompiler)

  app.setErrorHandler(async (error, request, reply) => {
    const code = (error as { code?: string }).code
    if (code?.startsWith('FST_CSRF')) {
      request.log.warn({ code }, 'form without a valid CSRF token refused')
      throw new DomainError('forbidden', 'csrf_token_invalid', 'missing or invalid CSRF token')
    }
    // A request its route's schema refused: the error page says which field, in Swedish.
    if (error instanceof DomainError && error.reason.startsWith('request_field_')) {
      const { status, title } = httpErrors.invalid_input
      return sendPage(reply, <ErrorPage title={title} text={refusalSentence(error)} />, status)
    }
    throw error // the application's error pages
  })

  await app.register(authRoutes)
  await app.register(identityProviderRoutes)
  await app.register(secondFactorRoutes)
  await app.register(signInDemandRoutes)
  await app.register(startRoutes)
  await app.register(organisationRoutes)
  await app.register(registerRoutes)
  await app.register(personMergeRoutes)
  await app.register(committeeRoutes)
  await app.register(membershipRoutes)
  await app.register(identityNumberRoutes)
  await app.register(memberImportRoutes)
  await app.register(auditRoutes)
  await app.register(usersRoutes)
  await app.register(meetingRoutes)
  await app.register(agendaRoutes)
  await app.register(documentRoutes)
  await app.register(noticeRoutes)
  await app.register(minutesRoutes)
  await app.register(rollCallRoutes)
  await app.register(sectionRoutes)
  await app.register(voteEntryRoutes)
  await app.register(signOffRoutes)
  await app.register(paperSignOffRoutes)
  await app.register(signOffOidcRoutes)
  await app.register(afterSignOffRoutes)
  await app.register(extractRoutes)
  await app.register(delegatedDecisionRoutes)
  await app.register(accessibilityFeedbackRoutes)
  await app.register(webhooksRoutes)
}
