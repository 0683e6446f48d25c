import type { FastifyInstance } from 'fastify'
import { assertAllowed, mayManageCommittee } from '../../../domain/account/access.policy.ts'
import { updateCommitteeSettings } from '../../../domain/committee/committee.service.ts'
import { effectiveSettings } from '../../../domain/organisation/local-settings.ts'
import { getOrganisation } from '../../../domain/organisation/organisation.reads.ts'
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
import { emptyForm } from '../shared/form.view.tsx'
import { committeeFrom, loadCommitteeData } from './committee.data.ts'
import { CommitteePage } from './committee.page.tsx'
import { committeeParams, pageQuery, settingsForm } from './organisation.schema.ts'
import {
  readSettingsForm,
  settingsDomainMessages,
  settingsFieldNames,
  settingsToForm,
} from './settings.form.ts'
import { SettingsPage } from './settings.page.tsx'

type CommitteeParams = { Params: { committee: string } }

export async function committeeRoutes(app: FastifyInstance) {
  // The committee's workspace page: its seats, the substitutes' order, and adding a seat.
  app.get<CommitteeParams>(
    '/admin/namnder/:committee',
    { schema: { params: committeeParams, querystring: pageQuery } },
    async (request, reply) => {
      const committee = await committeeFrom(request)
      assertAllowed(mayManageCommittee(currentUser(request), committee), 'manage committee')
      const data = await loadCommitteeData(request, committee)
      return sendPage(
        reply,
        <CommitteePage
          view={adminView(request, reply)}
          committee={committee}
          data={data}
          addForm={emptyForm({ startsOn: request.today, role: 'member' })}
          saved={wasSaved(request)}
        />,
      )
    },
  )

  app.get<CommitteeParams>(
    '/admin/namnder/:committee/installningar',
    { schema: { params: committeeParams, querystring: pageQuery } },
    async (request, reply) => {
      const committee = await committeeFrom(request)
      assertAllowed(mayManageCommittee(currentUser(request), committee), 'committee settings')
      const organisation = await getOrganisation(request.db, committee.organisationId)
      return sendPage(
        reply,
        <SettingsPage
          view={adminView(request, reply)}
          organisation={organisation}
          committee={committee}
          form={emptyForm(settingsToForm(committee.settings))}
          inherited={effectiveSettings(organisation.settings, {})}
          saved={wasSaved(request)}
        />,
      )
    },
  )

  app.post<CommitteeParams>(
    '/admin/namnder/:committee/installningar',
    { schema: { params: committeeParams, body: settingsForm } },
    async (request, reply) => {
      const committee = await committeeFrom(request)
      assertAllowed(mayManageCommittee(currentUser(request), committee), 'committee settings')
      const values = readForm(request.body, settingsFieldNames)
      const { settings, errors } = readSettingsForm(values)
      if (Object.keys(errors).length === 0) {
        try {
          await updateCommitteeSettings(request.db, actorOf(request), committee.id, settings)
          return reply.redirect(savedAt(paths.admin.committeeSettings(committee.slug)), 303)
        } catch (error) {
          Object.assign(errors, fieldErrorOf(error, settingsDomainMessages))
        }
      }
      const organisation = await getOrganisation(request.db, committee.organisationId)
      return sendPage(
        reply,
        <SettingsPage
          view={adminView(request, reply)}
          organisation={organisation}
          committee={committee}
          form={{ values, errors }}
          inherited={effectiveSettings(organisation.settings, {})}
        />,
        400,
      )
    },
  )
}
