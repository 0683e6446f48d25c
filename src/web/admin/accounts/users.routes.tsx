import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertAllowed, mayManageUsers } from '../../../domain/account/access.policy.ts'
import { secondFactorOf } from '../../../domain/account/second-factor.service.ts'
import {
  disableAccount,
  enableAccount,
  getAccountOfOrganisation,
  grantAccountRole,
  linkPerson,
  listAccountsOfOrganisation,
  openAccount,
  resetPassword,
  revokeAccountRole,
} from '../../../domain/account/user-admin.service.ts'
import { AccountChangeRefusedError } from '../../../domain/account/user-admin.ts'
import { listCommittees } from '../../../domain/committee/committee.service.ts'
import { listOrganisations } from '../../../domain/organisation/organisation.reads.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import { listPersons } from '../../../domain/person/person.reads.ts'
import { paths } from '../../paths.ts'
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
import { emptyForm, type FormErrors, type FormState } from '../shared/form.view.tsx'
import { AccountPage, type AccountPageProps } from './user-account.page.tsx'
import { id, readNewAccountForm, refusalOf, refusals, roleDomainMessages, roleErrors } from './users.form.ts'
import { OneTimePasswordPage, UsersChoicePage, UsersPage } from './users.page.tsx'
import { usersPaths } from './users.paths.ts'
import {
  accountParams,
  buttonForm,
  entryQuery,
  grantParams,
  newAccountForm,
  organisationParams,
  pageQuery,
  personForm,
  roleForm,
} from './users.schema.ts'

type OrgParams = { Params: { organisation: string } }
type AccountParams = { Params: { organisation: string; user: string } }

/** The organisation of the address, for its administrators only (403 for everyone else). */
async function organisationToManage(request: FastifyRequest<OrgParams>): Promise<Organisation> {
  const organisation = await organisationFrom(request)
  assertAllowed(mayManageUsers(currentUser(request), organisation.id), 'manage users')
  return organisation
}

async function loadChoices(request: FastifyRequest, organisation: Organisation) {
  const [committees, persons] = await Promise.all([
    listCommittees(request.db, organisation.id),
    listPersons(request.db, organisation.id),
  ])
  return { committees, persons }
}

async function renderList(
  request: FastifyRequest,
  reply: FastifyReply,
  organisation: Organisation,
  form: FormState,
  status = 200,
) {
  const accounts = await listAccountsOfOrganisation(request.db, organisation.id)
  return sendPage(
    reply,
    <UsersPage
      view={adminView(request, reply)}
      organisation={organisation}
      accounts={accounts}
      {...(await loadChoices(request, organisation))}
      form={form}
    />,
    status,
  )
}

async function renderAccount(
  request: FastifyRequest<AccountParams>,
  reply: FastifyReply,
  organisation: Organisation,
  props: Partial<AccountPageProps> = {},
  status = 200,
) {
  const account = await getAccountOfOrganisation(request.db, organisation.id, id(request.params.user) ?? 0)
  const secondFactor = await secondFactorOf(request.db, account.id)
  return sendPage(
    reply,
    <AccountPage
      view={adminView(request, reply)}
      organisation={organisation}
      account={account}
      {...(await loadChoices(request, organisation))}
      grantForm={emptyForm({ role: 'secretary' })}
      personForm={emptyForm({ personId: account.personId === null ? '' : String(account.personId) })}
      secondFactor={secondFactor}
      saved={wasSaved(request) ? 'Sparat.' : undefined}
      {...props}
    />,
    status,
  )
}

export async function usersRoutes(app: FastifyInstance) {
  // The way in from the start page: straight to the list when the user keeps one organisation.
  app.get(usersPaths.entry(), { schema: { querystring: entryQuery } }, async (request, reply) => {
    const user = currentUser(request)
    const kept = (await listOrganisations(request.db)).filter((o) => mayManageUsers(user, o.id))
    assertAllowed(kept.length > 0, 'manage users')
    if (kept.length === 1) return reply.redirect(usersPaths.list(kept[0]!.slug), 303)
    return sendPage(reply, <UsersChoicePage view={adminView(request, reply)} organisations={kept} />)
  })

  app.get<OrgParams>(
    '/admin/organisationer/:organisation/anvandare',
    { schema: { params: organisationParams, querystring: pageQuery } },
    async (request, reply) => {
      const organisation = await organisationToManage(request)
      return renderList(request, reply, organisation, emptyForm({ role: '' }))
    },
  )

  // Opens the account and shows its one-time password in the response itself, not after a
  // redirect: the password is kept nowhere, so no later GET could show it.
  app.post<OrgParams>(
    '/admin/organisationer/:organisation/anvandare',
    { schema: { params: organisationParams, body: newAccountForm } },
    async (request, reply) => {
      const organisation = await organisationToManage(request)
      const { values, errors } = readNewAccountForm(request.body)
      if (Object.keys(errors).length === 0) {
        try {
          const { user, password } = await openAccount(request.db, actorOf(request), {
            organisationId: organisation.id,
            email: values.email ?? '',
            name: values.name ?? '',
            role: values.role || null,
            committeeId: id(values.committeeId) ?? null,
            personId: id(values.personId) ?? null,
          })
          return sendPage(
            reply,
            <OneTimePasswordPage
              view={adminView(request, reply)}
              organisation={organisation}
              account={user}
              password={password}
              opened
            />,
          )
        } catch (error) {
          if (error instanceof AccountChangeRefusedError && error.reason === 'person_taken')
            errors.personId = refusals.person_taken
          else
            Object.assign(
              errors,
              fieldErrorOf(error, {
                email: 'Det finns redan ett konto med den e-postadressen.',
                name: 'Skriv användarens namn, högst 200 tecken.',
                personId: 'Välj en person i organisationens register.',
                ...roleDomainMessages,
              }),
            )
        }
      }
      return renderList(request, reply, organisation, { values, errors }, 400)
    },
  )

  app.get<AccountParams>(
    '/admin/organisationer/:organisation/anvandare/:user',
    { schema: { params: accountParams, querystring: pageQuery } },
    async (request, reply) => {
      const organisation = await organisationToManage(request)
      return renderAccount(request, reply, organisation)
    },
  )

  app.post<AccountParams>(
    '/admin/organisationer/:organisation/anvandare/:user/roller',
    { schema: { params: accountParams, body: roleForm } },
    async (request, reply) => {
      const organisation = await organisationToManage(request)
      const userId = id(request.params.user) ?? 0
      const values = readForm(request.body, ['role', 'committeeId'])
      const errors = roleErrors(values, false)
      if (Object.keys(errors).length === 0) {
        try {
          await grantAccountRole(request.db, actorOf(request), {
            organisationId: organisation.id,
            userId,
            role: values.role ?? '',
            committeeId: id(values.committeeId) ?? null,
          })
          return reply.redirect(savedAt(usersPaths.account(organisation.slug, userId)), 303)
        } catch (error) {
          Object.assign(errors, fieldErrorOf(error, roleDomainMessages))
        }
      }
      return renderAccount(request, reply, organisation, { grantForm: { values, errors } }, 400)
    },
  )

  app.post<{ Params: { organisation: string; user: string; grant: string } }>(
    '/admin/organisationer/:organisation/anvandare/:user/roller/:grant/ta-bort',
    { schema: { params: grantParams, body: buttonForm } },
    async (request, reply) => {
      const organisation = await organisationToManage(request)
      const userId = id(request.params.user) ?? 0
      const grantId = id(request.params.grant) ?? 0
      try {
        await revokeAccountRole(request.db, actorOf(request), {
          organisationId: organisation.id,
          userId,
          grantId,
        })
      } catch (error) {
        const { message, status } = refusalOf(error)
        return renderAccount(request, reply, organisation, { refusal: message }, status)
      }
      // Having given up their own administrator role, the user may no longer see the page.
      const user = currentUser(request)
      const leftThePage =
        user.id === userId &&
        !user.grants.some(
          (g) => g.role === 'administrator' && g.organisationId === organisation.id && g.id !== grantId,
        )
      return reply.redirect(
        leftThePage ? paths.admin.start() : savedAt(usersPaths.account(organisation.slug, userId)),
        303,
      )
    },
  )

  app.post<AccountParams>(
    '/admin/organisationer/:organisation/anvandare/:user/person',
    { schema: { params: accountParams, body: personForm } },
    async (request, reply) => {
      const organisation = await organisationToManage(request)
      const userId = id(request.params.user) ?? 0
      const values = readForm(request.body, ['personId'])
      const errors: FormErrors = {}
      if (values.personId && !id(values.personId)) errors.personId = 'Välj en person i listan, eller ingen.'
      if (Object.keys(errors).length === 0) {
        try {
          await linkPerson(request.db, actorOf(request), {
            organisationId: organisation.id,
            userId,
            personId: id(values.personId) ?? null,
          })
          return reply.redirect(savedAt(usersPaths.account(organisation.slug, userId)), 303)
        } catch (error) {
          if (error instanceof AccountChangeRefusedError && error.reason === 'person_taken')
            errors.personId = refusals.person_taken
          else if (error instanceof AccountChangeRefusedError) {
            const { message, status } = refusalOf(error)
            return renderAccount(request, reply, organisation, { refusal: message }, status)
          } else
            Object.assign(
              errors,
              fieldErrorOf(error, { personId: 'Välj en person i organisationens register.' }),
            )
        }
      }
      return renderAccount(request, reply, organisation, { personForm: { values, errors } }, 400)
    },
  )

  for (const [action, change, ownMessage] of [
    ['inaktivera', disableAccount, 'Du kan inte inaktivera ditt eget konto. Be en annan administratör.'],
    ['aktivera', enableAccount, 'Ditt eget konto är redan aktivt.'],
  ] as const) {
    app.post<AccountParams>(
      `/admin/organisationer/:organisation/anvandare/:user/${action}`,
      { schema: { params: accountParams, body: buttonForm } },
      async (request, reply) => {
        const organisation = await organisationToManage(request)
        const userId = id(request.params.user) ?? 0
        try {
          await change(request.db, actorOf(request), { organisationId: organisation.id, userId })
          return reply.redirect(savedAt(usersPaths.account(organisation.slug, userId)), 303)
        } catch (error) {
          const { message, status } = refusalOf(error)
          const own = error instanceof AccountChangeRefusedError && error.reason === 'own_account'
          return renderAccount(request, reply, organisation, { refusal: own ? ownMessage : message }, status)
        }
      },
    )
  }

  // Like a new account, the new password is shown in this response and nowhere after.
  app.post<AccountParams>(
    '/admin/organisationer/:organisation/anvandare/:user/nytt-losenord',
    { schema: { params: accountParams, body: buttonForm } },
    async (request, reply) => {
      const organisation = await organisationToManage(request)
      const userId = id(request.params.user) ?? 0
      let password: string
      try {
        password = await resetPassword(request.db, actorOf(request), {
          organisationId: organisation.id,
          userId,
        })
      } catch (error) {
        const { message, status } = refusalOf(error)
        const own = error instanceof AccountChangeRefusedError && error.reason === 'own_account'
        return renderAccount(
          request,
          reply,
          organisation,
          { refusal: own ? 'Byt ditt eget lösenord under Mitt konto.' : message },
          status,
        )
      }
      const account = await getAccountOfOrganisation(request.db, organisation.id, userId)
      return sendPage(
        reply,
        <OneTimePasswordPage
          view={adminView(request, reply)}
          organisation={organisation}
          account={account}
          password={password}
          opened={false}
        />,
      )
    },
  )
}
