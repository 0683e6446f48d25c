import type { FastifyInstance } from 'fastify'
import { changePassword } from '../../../domain/account/account.service.ts'
import { minPasswordLength } from '../../../domain/account/account.ts'
import { signInDemandOf } from '../../../domain/account/second-factor.service.ts'
import { paths } from '../../paths.ts'
import { sendPage } from '../../views/render.tsx'
import { actorOf, adminView, currentUser, fieldErrorOf, readForm } from '../shared/admin-request.ts'
import type { FormErrors } from '../shared/form.view.tsx'
import { ChangePasswordPage } from './sign-in.page.tsx'
import { signInPaths } from './sign-in.paths.ts'
import { passwordForm, passwordQuery } from './sign-in.schema.ts'

// What a signed-in user must do before any other workspace page: choose their own password when
// they signed in with one handed out to them, or turn on TOTP when they administer an
// organisation that requires it. Every other page (GET or POST) leads to that form until it is done.

const demandPaths = {
  change_password: signInPaths.changePassword(),
  enrol_totp: signInPaths.secondFactor(),
} as const

/** Pages a user with a demand may still reach: the form itself and signing out. */
const alwaysOpen = new Set([paths.admin.logout(), paths.admin.logoutEverywhere()])

/** Registered after the session hook, so request.user is known. */
export function registerSignInDemands(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.user || request.routeOptions.config.public) return
    const demand = await signInDemandOf(request.db, request.user)
    if (!demand) return
    const path = request.url.split('?')[0] ?? ''
    if (path === demandPaths[demand] || alwaysOpen.has(path)) return
    return reply.redirect(demandPaths[demand], 303)
  })
}

export async function signInDemandRoutes(app: FastifyInstance) {
  app.get(
    signInPaths.changePassword(),
    { schema: { querystring: passwordQuery } },
    async (request, reply) => {
      // Nothing to change (any more): on to the workspace.
      if ((await signInDemandOf(request.db, currentUser(request))) !== 'change_password')
        return reply.redirect(paths.admin.start(), 303)
      return sendPage(
        reply,
        <ChangePasswordPage view={adminView(request, reply)} form={{ values: {}, errors: {} }} />,
      )
    },
  )

  app.post(signInPaths.changePassword(), { schema: { body: passwordForm } }, async (request, reply) => {
    const user = currentUser(request)
    const values = readForm(request.body, ['currentPassword', 'newPassword', 'repeatPassword'])
    const errors: FormErrors = {}
    if (!values.currentPassword) errors.currentPassword = 'Skriv engångslösenordet du loggade in med.'
    if ((values.newPassword ?? '').length < minPasswordLength)
      errors.newPassword = `Välj ett lösenord med minst ${minPasswordLength} tecken.`
    else if (values.newPassword !== values.repeatPassword)
      errors.repeatPassword = 'Skriv samma nya lösenord två gånger.'
    if (Object.keys(errors).length === 0) {
      try {
        await changePassword(
          request.db,
          actorOf(request),
          {
            userId: user.id,
            currentPassword: values.currentPassword ?? '',
            newPassword: values.newPassword ?? '',
            keepSessionId: user.sessionId,
          },
          request.now,
        )
        return reply.redirect(paths.admin.start(), 303)
      } catch (error) {
        Object.assign(
          errors,
          fieldErrorOf(error, {
            currentPassword: 'Engångslösenordet stämmer inte.',
            newPassword: `Välj ett nytt lösenord, annat än engångslösenordet, med minst ${minPasswordLength} tecken.`,
          }),
        )
      }
    }
    return sendPage(
      reply,
      <ChangePasswordPage view={adminView(request, reply)} form={{ values: {}, errors }} />,
      400,
    )
  })
}
