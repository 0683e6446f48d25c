import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  assertAllowed,
  mayManageOrganisation,
  mayManageUsers,
} from '../../../domain/account/access.policy.ts'
import { LoginRefusedError } from '../../../domain/account/account.service.ts'
import {
  confirmTotpEnrolment,
  organisationNeedsTotp,
  passSecondFactor,
  SecondFactorRefusedError,
  secondFactorOf,
  setAdministratorsNeedTotp,
  startTotpEnrolment,
  turnOffTotp,
} from '../../../domain/account/second-factor.service.ts'
import { startSession } from '../../../domain/account/session.service.ts'
import { otpauthUri } from '../../../domain/account/totp.ts'
import { TotpSecretKeyMissingError } from '../../../domain/account/totp-secret-box.ts'
import { resetSecondFactor } from '../../../domain/account/user-admin.service.ts'
import { AdminLayout } from '../../views/admin-layout.tsx'
import { sendPage } from '../../views/render.tsx'
import { organisationFrom } from '../organisation/organisation.routes.tsx'
import {
  actorOf,
  adminView,
  currentUser,
  fieldErrorOf,
  readForm,
  savedAt,
  wasSaved,
} from '../shared/admin-request.ts'
import { emptyForm, type FormErrors } from '../shared/form.view.tsx'
import { safeReturnPath, throttledMessage } from './auth.routes.tsx'
import { pendingCookie, pendingCookieOptions } from './pending-sign-in-cookie.ts'
import { setSessionCookie } from './session-cookie.ts'
import {
  CodePage,
  OrganisationSignInPage,
  SecondFactorPage,
  SignInExpiredPage,
  SignInRefusal,
} from './sign-in.page.tsx'
import { signInPaths } from './sign-in.paths.ts'
import {
  accountParams,
  codeForm,
  codeQuery,
  organisationParams,
  ownSecondFactorQuery,
  resetSecondFactorForm,
  signInSettingsForm,
  signInSettingsQuery,
} from './sign-in.schema.ts'
import { refusalOf } from './users.form.ts'
import { usersPaths } from './users.paths.ts'

// TOTP as a second factor: the code after a right password, the user's own page to turn it on and
// off, an administrator's reset, and the organisation's requirement for its administrators.

async function renderOwnPage(
  request: FastifyRequest,
  reply: FastifyReply,
  errors: FormErrors = {},
  status = 200,
) {
  const user = currentUser(request)
  const state = await secondFactorOf(request.db, user.id)
  let secret: string | undefined
  let keyMissing = false
  try {
    if (!state.enabledAt) secret = await startTotpEnrolment(request.db, user.id, request.totpSecrets)
  } catch (error) {
    if (!(error instanceof TotpSecretKeyMissingError)) throw error
    keyMissing = true
  }
  return sendPage(
    reply,
    <SecondFactorPage
      view={adminView(request, reply)}
      enabledAt={state.enabledAt}
      required={state.required}
      enrolment={secret ? { secret, uri: otpauthUri(secret, user.email, 'Paragraf') } : undefined}
      keyMissing={keyMissing}
      form={{ values: {}, errors }}
      saved={
        wasSaved(request)
          ? state.enabledAt
            ? 'Tvåstegsverifiering är på.'
            : 'Tvåstegsverifiering är avstängd.'
          : undefined
      }
    />,
    status,
  )
}

export async function secondFactorRoutes(app: FastifyInstance) {
  // Without TOTP_SECRET_KEY no secret can be sealed or opened: the page says so, and the log why.
  app.setErrorHandler(async (error, request, reply) => {
    if (!(error instanceof TotpSecretKeyMissingError)) throw error
    request.log.error(error.message)
    return sendPage(
      reply,
      <AdminLayout title="Tvåstegsverifiering går inte att använda just nu">
        <h1>Tvåstegsverifiering går inte att använda just nu</h1>
        <p>
          Servern saknar nyckeln som skyddar koderna (TOTP_SECRET_KEY). Kontakta den som driftar Paragraf.
        </p>
      </AdminLayout>,
      503,
    )
  })
  app.get(
    signInPaths.code(),
    { schema: { querystring: codeQuery }, config: { public: true } },
    async (request, reply) => {
      if (!request.cookies[pendingCookie]) return sendPage(reply, <SignInExpiredPage />, 400)
      return sendPage(reply, <CodePage csrfToken={reply.generateCsrf()} form={emptyForm()} />)
    },
  )

  app.post(
    signInPaths.code(),
    { schema: { body: codeForm }, config: { public: true } },
    async (request, reply) => {
      const { code } = readForm(request.body, ['code'])
      const render = (status: number, errors: FormErrors) =>
        sendPage(reply, <CodePage csrfToken={reply.generateCsrf()} form={{ values: {}, errors }} />, status)
      if (!code) return render(400, { code: 'Skriv koden från appen.' })
      try {
        const { user, returnTo } = await passSecondFactor(
          request.db,
          { token: request.cookies[pendingCookie] ?? '', code, ip: request.ip, secrets: request.totpSecrets },
          request.now,
        )
        const { token } = await startSession(request.db, user, request.now, 'password+totp')
        reply.clearCookie(pendingCookie, pendingCookieOptions)
        setSessionCookie(reply, token)
        return reply.redirect(safeReturnPath(returnTo), 303)
      } catch (error) {
        if (error instanceof LoginRefusedError && error.retryAt) {
          const seconds = Math.max(1, Math.ceil((error.retryAt.getTime() - request.now.getTime()) / 1000))
          reply.header('retry-after', String(seconds))
          return render(429, { code: throttledMessage(seconds, error.retryAt) })
        }
        if (!(error instanceof SecondFactorRefusedError)) throw error
        if (error.reason === 'expired') {
          reply.clearCookie(pendingCookie, pendingCookieOptions)
          return sendPage(reply, <SignInExpiredPage />, 400)
        }
        return render(401, {
          code: 'Koden stämmer inte, eller har redan använts. Vänta på nästa kod i appen och försök igen.',
        })
      }
    },
  )

  app.get(
    signInPaths.secondFactor(),
    { schema: { querystring: ownSecondFactorQuery } },
    async (request, reply) => renderOwnPage(request, reply),
  )

  app.post(signInPaths.secondFactor(), { schema: { body: codeForm } }, async (request, reply) => {
    const user = currentUser(request)
    const { code } = readForm(request.body, ['code'])
    if (!code) return renderOwnPage(request, reply, { code: 'Skriv koden som appen visar.' }, 400)
    try {
      await confirmTotpEnrolment(
        request.db,
        actorOf(request),
        { userId: user.id, code, secrets: request.totpSecrets },
        request.now,
      )
      return reply.redirect(savedAt(signInPaths.secondFactor()), 303)
    } catch (error) {
      const errors = fieldErrorOf(error, {
        code: 'Koden stämmer inte med nyckeln. Kontrollera att nyckeln är rätt inskriven och att telefonens klocka går rätt.',
      })
      return renderOwnPage(request, reply, errors, 400)
    }
  })

  app.post(signInPaths.turnOffSecondFactor(), { schema: { body: codeForm } }, async (request, reply) => {
    const user = currentUser(request)
    const { code } = readForm(request.body, ['code'])
    if (!code) return renderOwnPage(request, reply, { code: 'Skriv en aktuell kod från appen.' }, 400)
    try {
      await turnOffTotp(
        request.db,
        actorOf(request),
        { userId: user.id, code, secrets: request.totpSecrets },
        request.now,
      )
      return reply.redirect(savedAt(signInPaths.secondFactor()), 303)
    } catch (error) {
      const errors = fieldErrorOf(error, {
        code: 'Koden stämmer inte, eller har redan använts. Vänta på nästa kod i appen.',
      })
      return renderOwnPage(request, reply, errors, 400)
    }
  })

  app.post<{ Params: { organisation: string; user: string } }>(
    '/admin/organisationer/:organisation/anvandare/:user/tvastegsverifiering/aterstall',
    { schema: { params: accountParams, body: resetSecondFactorForm } },
    async (request, reply) => {
      const organisation = await organisationFrom(request)
      assertAllowed(mayManageUsers(currentUser(request), organisation.id), 'manage users')
      const userId = /^\d{1,9}$/.test(request.params.user) ? Number(request.params.user) : 0
      try {
        await resetSecondFactor(request.db, actorOf(request), { organisationId: organisation.id, userId })
      } catch (error) {
        const { message, status } = refusalOf(error)
        return sendPage(
          reply,
          <SignInRefusal
            view={adminView(request, reply)}
            message={message}
            back={usersPaths.account(organisation.slug, userId)}
          />,
          status,
        )
      }
      return reply.redirect(savedAt(usersPaths.account(organisation.slug, userId)), 303)
    },
  )

  app.get<{ Params: { organisation: string } }>(
    '/admin/organisationer/:organisation/inloggning',
    { schema: { params: organisationParams, querystring: signInSettingsQuery } },
    async (request, reply) => {
      const organisation = await organisationFrom(request)
      assertAllowed(mayManageOrganisation(currentUser(request), organisation.id), 'organisation sign-in')
      const required = await organisationNeedsTotp(request.db, organisation.id)
      return sendPage(
        reply,
        <OrganisationSignInPage
          view={adminView(request, reply)}
          organisation={organisation}
          form={emptyForm({ administratorsNeedTotp: required ? 'ja' : '' })}
          identityProvider={request.loginOidc?.providerName}
          saved={wasSaved(request)}
        />,
      )
    },
  )

  app.post<{ Params: { organisation: string } }>(
    '/admin/organisationer/:organisation/inloggning',
    { schema: { params: organisationParams, body: signInSettingsForm } },
    async (request, reply) => {
      const organisation = await organisationFrom(request)
      assertAllowed(mayManageOrganisation(currentUser(request), organisation.id), 'organisation sign-in')
      const { administratorsNeedTotp } = readForm(request.body, ['administratorsNeedTotp'])
      await setAdministratorsNeedTotp(
        request.db,
        actorOf(request),
        organisation.id,
        administratorsNeedTotp === 'ja',
      )
      return reply.redirect(savedAt(signInPaths.organisation(organisation.slug)), 303)
    },
  )
}
