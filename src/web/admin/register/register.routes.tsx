import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { inTransaction } from '../../../db/database.ts'
import { assertAllowed, mayManageRegister } from '../../../domain/account/access.policy.ts'
import { addTerm, listTerms } from '../../../domain/membership/membership.service.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import { listParties, listPersons } from '../../../domain/person/person.reads.ts'
import { addParty, addPerson } from '../../../domain/person/person.service.ts'
import { isIsoDate } from '../../../domain/shared/calendar-date.ts'
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
import { PartiesPage, PeoplePage, TermsPage } from './register.page.tsx'
import { partyForm, personForm, registerParams, registerQuery, termForm } from './register.schema.ts'

// The organisation's register: terms (mandatperioder), parties and people. Each page lists what is
// there and has a form to add one more.

type OrgParams = { Params: { organisation: string } }

interface RegisterList<T> {
  path: (slug: string) => string
  fields: readonly string[]
  /** The form's schema (register.schema.ts): the same fields. */
  body: z.ZodType
  check: (values: Record<string, string>) => FormErrors
  list: (request: FastifyRequest, organisationId: number) => Promise<T[]>
  add: (
    request: FastifyRequest,
    organisation: Organisation,
    values: Record<string, string>,
  ) => Promise<unknown>
  /** Swedish messages for what the domain refuses, by field. */
  refused: Record<string, string>
  render: (props: {
    view: ReturnType<typeof adminView>
    organisation: Organisation
    items: T[]
    form: FormState
    saved: boolean
  }) => preact.JSX.Element
}

function registerList<T>(app: FastifyInstance, spec: RegisterList<T>) {
  const page = async (
    request: FastifyRequest<OrgParams>,
    reply: FastifyReply,
    organisation: Organisation,
    form: FormState,
    status: number,
  ) =>
    sendPage(
      reply,
      spec.render({
        view: adminView(request, reply),
        organisation,
        items: await spec.list(request, organisation.id),
        form,
        saved: status === 200 && wasSaved(request),
      }),
      status,
    )
  const url = spec.path(':organisation')
  app.get<OrgParams>(
    url,
    { schema: { params: registerParams, querystring: registerQuery } },
    async (request, reply) => {
      const organisation = await organisationFrom(request)
      assertAllowed(mayManageRegister(currentUser(request), organisation.id), 'register')
      return page(request, reply, organisation, emptyForm(), 200)
    },
  )
  app.post<OrgParams>(
    url,
    { schema: { params: registerParams, body: spec.body } },
    async (request, reply) => {
      const organisation = await organisationFrom(request)
      assertAllowed(mayManageRegister(currentUser(request), organisation.id), 'register')
      const values = readForm(request.body, spec.fields)
      const errors = spec.check(values)
      if (Object.keys(errors).length === 0) {
        try {
          await spec.add(request, organisation, values)
          return reply.redirect(savedAt(spec.path(organisation.slug)), 303)
        } catch (error) {
          Object.assign(errors, fieldErrorOf(error, spec.refused))
        }
      }
      return page(request, reply, organisation, { values, errors }, 400)
    },
  )
}

const tooLong = (value: string | undefined, max: number) => (value ?? '').length > max

export async function registerRoutes(app: FastifyInstance) {
  registerList(app, {
    path: paths.admin.terms,
    fields: ['name', 'startsOn', 'endsOn'],
    body: termForm,
    check: (v) => {
      const errors: FormErrors = {}
      if (!v.name || tooLong(v.name, 40))
        errors.name = 'Skriv periodens namn, till exempel 2027–2030 (högst 40 tecken).'
      if (!isIsoDate(v.startsOn))
        errors.startsOn = 'Skriv första dagen som ÅÅÅÅ-MM-DD, till exempel 2027-01-01.'
      if (!isIsoDate(v.endsOn)) errors.endsOn = 'Skriv sista dagen som ÅÅÅÅ-MM-DD, till exempel 2030-12-31.'
      else if (isIsoDate(v.startsOn) && v.endsOn < v.startsOn)
        errors.endsOn = 'Perioden kan inte sluta innan den börjar.'
      return errors
    },
    list: (request, organisationId) => listTerms(request.db, organisationId),
    add: (request, organisation, v) =>
      inTransaction(request.db, (trx) =>
        addTerm(trx, actorOf(request), {
          organisationId: organisation.id,
          name: v.name!,
          startsOn: v.startsOn!,
          endsOn: v.endsOn!,
        }),
      ),
    refused: { name: 'Det finns redan en mandatperiod med det namnet.' },
    render: (props) => <TermsPage {...props} />,
  })

  registerList(app, {
    path: paths.admin.parties,
    fields: ['abbreviation', 'name'],
    body: partyForm,
    check: (v) => {
      const errors: FormErrors = {}
      if (!v.abbreviation || tooLong(v.abbreviation, 20))
        errors.abbreviation = 'Skriv partiets förkortning, 1–20 tecken, till exempel S eller F!.'
      if (tooLong(v.name, 200)) errors.name = 'Namnet får vara högst 200 tecken.'
      return errors
    },
    list: (request, organisationId) => listParties(request.db, organisationId),
    add: (request, organisation, v) =>
      addParty(request.db, actorOf(request), {
        organisationId: organisation.id,
        abbreviation: v.abbreviation!,
        ...(v.name ? { name: v.name } : {}),
      }),
    refused: { abbreviation: 'Det finns redan ett parti med den förkortningen.' },
    render: (props) => <PartiesPage {...props} />,
  })

  registerList(app, {
    path: paths.admin.people,
    fields: ['name', 'title'],
    body: personForm,
    check: (v) => {
      const errors: FormErrors = {}
      if (!v.name || tooLong(v.name, 200))
        errors.name = 'Skriv personens för- och efternamn (högst 200 tecken).'
      if (tooLong(v.title, 200)) errors.title = 'Titeln får vara högst 200 tecken.'
      return errors
    },
    list: (request, organisationId) => listPersons(request.db, organisationId),
    add: (request, organisation, v) =>
      inTransaction(request.db, (trx) =>
        addPerson(trx, actorOf(request), {
          organisationId: organisation.id,
          name: v.name!,
          ...(v.title ? { title: v.title } : {}),
        }),
      ),
    refused: { name: 'Skriv personens namn.' },
    render: (props) => <PeoplePage {...props} />,
  })
}
