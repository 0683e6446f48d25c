import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  assertAllowed,
  mayCreateCommittee,
  mayManageOrganisation,
} from '../../../domain/account/access.policy.ts'
import { createCommittee, listCommittees } from '../../../domain/committee/committee.service.ts'
import { committeeKinds } from '../../../domain/committee/committee.ts'
import { effectiveSettings } from '../../../domain/organisation/local-settings.ts'
import { findOrganisationBySlug } from '../../../domain/organisation/organisation.reads.ts'
import { updateOrganisationSettings } from '../../../domain/organisation/organisation.service.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import { NotFoundError } from '../../../domain/shared/errors.ts'
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
import { emptyForm, type FormErrors } from '../shared/form.view.tsx'
import { NewCommitteePage } from './organisation.page.tsx'
import { newCommitteeForm, organisationParams, pageQuery, settingsForm } from './organisation.schema.ts'
import {
  readSettingsForm,
  settingsDomainMessages,
  settingsFieldNames,
  settingsToForm,
} from './settings.form.ts'
import { SettingsPage } from './settings.page.tsx'

type OrgRequest = FastifyRequest<{ Params: { organisation: string } }>

export async function organisationFrom(request: OrgRequest): Promise<Organisation> {
  const organisation = await findOrganisationBySlug(request.db, request.params.organisation)
  if (!organisation) throw new NotFoundError('organisation', request.params.organisation)
  return organisation
}

const committeeFields = ['name', 'kind', 'parentId', 'seats'] as const

/** Checks the new committee's fields; Swedish messages by field. */
function readCommitteeForm(body: unknown) {
  const values = readForm(body, committeeFields)
  const errors: FormErrors = {}
  if (!values.name) errors.name = 'Skriv nämndens namn.'
  else if ((values.name ?? '').length > 200) errors.name = 'Namnet får vara högst 200 tecken.'
  if (!(committeeKinds as readonly string[]).includes(values.kind ?? ''))
    errors.kind = 'Välj vilket slags organ det är.'
  if (values.kind === 'utskott' && !values.parentId)
    errors.parentId = 'Ett utskott hör till en nämnd: välj vilken.'
  if (
    values.seats &&
    !(/^\d{1,3}$/.test(values.seats) && Number(values.seats) >= 1 && Number(values.seats) <= 101)
  )
    errors.seats = 'Ange antalet ledamöter som ett heltal från 1 till 101, eller lämna tomt.'
  return { values, errors }
}

export async function organisationRoutes(app: FastifyInstance) {
  app.get<{ Params: { organisation: string } }>(
    '/admin/organisationer/:organisation/installningar',
    { schema: { params: organisationParams, querystring: pageQuery } },
    async (request, reply) => {
      const organisation = await organisationFrom(request)
      assertAllowed(mayManageOrganisation(currentUser(request), organisation.id), 'organisation settings')
      return sendPage(
        reply,
        <SettingsPage
          view={adminView(request, reply)}
          organisation={organisation}
          form={emptyForm(settingsToForm(organisation.settings))}
          inherited={effectiveSettings({}, {})}
          saved={wasSaved(request)}
        />,
      )
    },
  )

  app.post<{ Params: { organisation: string } }>(
    '/admin/organisationer/:organisation/installningar',
    { schema: { params: organisationParams, body: settingsForm } },
    async (request, reply) => {
      const organisation = await organisationFrom(request)
      assertAllowed(mayManageOrganisation(currentUser(request), organisation.id), 'organisation settings')
      const values = readForm(request.body, settingsFieldNames)
      const { settings, errors } = readSettingsForm(values)
      if (Object.keys(errors).length === 0) {
        try {
          await updateOrganisationSettings(request.db, actorOf(request), organisation.id, settings)
          return reply.redirect(savedAt(paths.admin.organisationSettings(organisation.slug)), 303)
        } catch (error) {
          Object.assign(errors, fieldErrorOf(error, settingsDomainMessages))
        }
      }
      return sendPage(
        reply,
        <SettingsPage
          view={adminView(request, reply)}
          organisation={organisation}
          form={{ values, errors }}
          inherited={effectiveSettings({}, {})}
        />,
        400,
      )
    },
  )

  app.get<{ Params: { organisation: string } }>(
    '/admin/organisationer/:organisation/ny-namnd',
    { schema: { params: organisationParams, querystring: pageQuery } },
    async (request, reply) => {
      const organisation = await organisationFrom(request)
      assertAllowed(mayCreateCommittee(currentUser(request), organisation.id), 'create committee')
      const parents = await listCommittees(request.db, organisation.id)
      return sendPage(
        reply,
        <NewCommitteePage
          view={adminView(request, reply)}
          organisation={organisation}
          parents={parents}
          form={emptyForm({ kind: 'namnd' })}
        />,
      )
    },
  )

  app.post<{ Params: { organisation: string } }>(
    '/admin/organisationer/:organisation/ny-namnd',
    { schema: { params: organisationParams, body: newCommitteeForm } },
    async (request, reply) => {
      const organisation = await organisationFrom(request)
      assertAllowed(mayCreateCommittee(currentUser(request), organisation.id), 'create committee')
      const { values, errors } = readCommitteeForm(request.body)
      if (Object.keys(errors).length === 0) {
        try {
          const committee = await createCommittee(request.db, actorOf(request), {
            organisationId: organisation.id,
            name: values.name ?? '',
            kind: values.kind as (typeof committeeKinds)[number],
            ...(values.parentId ? { parentId: Number(values.parentId) } : {}),
            ...(values.seats ? { seats: Number(values.seats) } : {}),
          })
          return reply.redirect(paths.admin.committee(committee.slug), 303)
        } catch (error) {
          Object.assign(
            errors,
            fieldErrorOf(error, {
              parentId: 'Välj en nämnd i samma organisation.',
              name: 'Skriv nämndens namn.',
            }),
          )
        }
      }
      const parents = await listCommittees(request.db, organisation.id)
      return sendPage(
        reply,
        <NewCommitteePage
          view={adminView(request, reply)}
          organisation={organisation}
          parents={parents}
          form={{ values, errors }}
        />,
        400,
      )
    },
  )
}
