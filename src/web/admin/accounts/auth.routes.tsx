import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  changePassword,
  LoginRefusedError,
  logoutEverywhere,
} from '../../../domain/account/account.service.ts'
import { minPasswordLength } from '../../../domain/account/account.ts'
import { signInWithPassword } from '../../../domain/account/second-factor.service.ts'
import { endSession, startSession } from '../../../domain/account/session.service.ts'
import { paths } from '../../paths.ts'
import { sendPage } from '../../views/render.tsx'
import {
  actorOf,
  adminView,
  currentUser,
  fieldErrorOf,
  readForm,
  savedAt,
  wasSaved,
} from '../shared/admin-request.ts'
import type { FormErrors } from '../shared/form.view.tsx'
import { LoginPage, PasswordPage } from './auth.page.tsx'
import { askForSecondFactor } from './pending-sign-in-cookie.ts'
import { clearSessionCookie, sessionCookieName, setSessionCookie } from './session-cookie.ts'
import { signInPaths } from './sign-in.paths.ts'
import { loginForm, loginQuery, passwordForm, passwordQuery, signOutForm } from './sign-in.schema.ts'

/** The organisation's identity provider as the login page offers it, when one is configured. */
const identityProviderLink = (request: FastifyRequest, returnTo: string) =>
  request.loginOidc && {
    name: request.loginOidc.providerName,
    href: signInPaths.identityProvider(returnTo),
  }

/** Only a workspace address may follow the login, so the login page cannot send anyone elsewhere. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/admin(\/[^/\\]|\/?$|\?)/.test(value) ? value : paths.admin.start()
}

const swedishClock = (date: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date)

/** Failures slow logins down (login-throttle.ts): a short wait in seconds, a long one with the time. */
export function throttledMessage(seconds: number, retryAt: Date): string {
  const lead = 'För många misslyckade inloggningar.'
  if (seconds < 60)
    return `${lead} Vänta ${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'} och försök igen.`
  const minutes = Math.ceil(seconds / 60)
  return `${lead} Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}, kl. ${swedishClock(retryAt)}.`
}

export async function authRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { till?: string; utloggad?: string } }>(
    '/admin/logga-in',
    { schema: { querystring: loginQuery }, config: { public: true } },
    async (request, reply) => {
      const returnTo = safeReturnPath(request.query.till)
      if (request.user) return reply.redirect(returnTo, 303)
      const note =
        request.query.utloggad === 'overallt'
          ? 'Du är utloggad på alla enheter.'
          : request.query.utloggad
            ? 'Du är utloggad.'
            : undefined
      return sendPage(
        reply,
        <LoginPage
          csrfToken={reply.generateCsrf()}
          form={{ values: { email: '', returnTo }, errors: {} }}
          note={note}
          identityProvider={identityProviderLink(request, returnTo)}
        />,
      )
    },
  )

  app.post(
    '/admin/logga-in',
    { schema: { body: loginForm }, config: { public: true } },
    async (request, reply) => {
      const values = readForm(request.body, ['email', 'returnTo'])
      const password = readForm(request.body, ['password']).password ?? ''
      const errors: FormErrors = {}
      if (!values.email) errors.email = 'Skriv din e-postadress.'
      if (!password) errors.password = 'Skriv ditt lösenord.'
      const render = (status: number, errs: FormErrors) =>
        sendPage(
          reply,
          <LoginPage
            csrfToken={reply.generateCsrf()}
            form={{ values, errors: errs }}
            identityProvider={identityProviderLink(request, safeReturnPath(values.returnTo))}
          />,
          status,
        )
      if (Object.keys(errors).length > 0) return render(400, errors)
      try {
        const returnTo = safeReturnPath(values.returnTo)
        // The app's clock, as the code step's: wrong passwords and wrong codes count on one time line.
        const signIn = await signInWithPassword(
          request.db,
          { email: values.email ?? '', password, ip: request.ip, returnTo },
          request.now,
        )
        if (signIn.kind === 'second_factor') return askForSecondFactor(reply, signIn.token)
        const { token } = await startSession(request.db, signIn.user, new Date(), 'password')
        setSessionCookie(reply, token)
        return reply.redirect(returnTo, 303)
      } catch (error) {
        if (!(error instanceof LoginRefusedError)) throw error
        if (error.reason === 'throttled' && error.retryAt) {
          const seconds = Math.max(1, Math.ceil((error.retryAt.getTime() - request.now.getTime()) / 1000))
          reply.header('retry-after', String(seconds))
          return render(429, { email: throttledMessage(seconds, error.retryAt) })
        }
        return render(401, { password: 'Fel e-postadress eller lösenord. Kontrollera båda och försök igen.' })
      }
    },
  )

  app.post('/admin/logga-ut', { schema: { body: signOutForm } }, async (request, reply) => {
    await endSession(request.db, request.cookies[sessionCookieName] ?? '')
    clearSessionCookie(reply)
    return reply.redirect(`${paths.admin.login()}?utloggad=1`, 303)
  })

  app.post('/admin/logga-ut-overallt', { schema: { body: signOutForm } }, async (request, reply) => {
    const user = currentUser(request)
    await logoutEverywhere(request.db, actorOf(request), user.id)
    clearSessionCookie(reply)
    return reply.redirect(`${paths.admin.login()}?utloggad=overallt`, 303)
  })

  app.get('/admin/losenord', { schema: { querystring: passwordQuery } }, async (request, reply) =>
    sendPage(
      reply,
      <PasswordPage
        view={adminView(request, reply)}
        form={{ values: {}, errors: {} }}
        saved={wasSaved(request)}
      />,
    ),
  )

  app.post('/admin/losenord', { schema: { body: passwordForm } }, async (request, reply) => {
    const user = currentUser(request)
    const values = readForm(request.body, ['currentPassword', 'newPassword', 'repeatPassword'])
    const errors: FormErrors = {}
    if (!values.currentPassword) errors.currentPassword = 'Skriv ditt nuvarande lösenord.'
    if ((values.newPassword ?? '').length < minPasswordLength)
      errors.newPassword = `Välj ett lösenord med minst ${minPasswordLength} tecken.`
    else if (values.newPassword !== values.repeatPassword)
      errors.repeatPassword = 'Skriv samma nya lösenord två gånger.'
    if (Object.keys(errors).length === 0) {
      try {
        await changePassword(request.db, actorOf(request), {
          userId: user.id,
          currentPassword: values.currentPassword ?? '',
          newPassword: values.newPassword ?? '',
          keepSessionId: user.sessionId,
        })
        return reply.redirect(savedAt(paths.admin.password()), 303)
      } catch (error) {
        Object.assign(
          errors,
          fieldErrorOf(error, {
            currentPassword: 'Det nuvarande lösenordet stämmer inte.',
            newPassword: `Välj ett nytt lösenord, annat än det nuvarande, med minst ${minPasswordLength} tecken.`,
          }),
        )
      }
    }
    return sendPage(
      reply,
      <PasswordPage view={adminView(request, reply)} form={{ values: {}, errors }} />,
      400,
    )
  })
}
