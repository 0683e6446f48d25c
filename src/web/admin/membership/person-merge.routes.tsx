import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertAllowed, mayManageRegister } from '../../../domain/account/access.policy.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import { listPersons } from '../../../domain/person/person.reads.ts'
import { mergePersons } from '../../../domain/person/person-merge.service.ts'
import { DomainError } from '../../../domain/shared/errors.ts'
import { refusalSentence } from '../../../domain/shared/refusal-sentences.ts'
import { sendPage } from '../../views/render.tsx'
import { organisationFrom } from '../organisation/organisation.routes.tsx'
import { actorOf, adminView, currentUser, readForm, savedAt, wasSaved } from '../shared/admin-request.ts'
import { emptyForm, type FormErrors, type FormState } from '../shared/form.view.tsx'
import { PersonMergePage, personMergePath } from './person-merge.page.tsx'
import { organisationParams, personMergeForm, personMergeQuery } from './person-merge.schema.ts'

type OrgParams = { Params: { organisation: string } }
const id = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined)

/** Slå ihop personer: the organisation's administrators and secretaries (docs/person-matching.md). */
export async function personMergeRoutes(app: FastifyInstance) {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    organisation: Organisation,
    form: FormState,
    status: number,
  ) =>
    sendPage(
      reply,
      <PersonMergePage
        view={adminView(request, reply)}
        organisation={organisation}
        persons={await listPersons(request.db, organisation.id)}
        form={form}
        {...(status === 200 && wasSaved(request) ? { saved: 'Personerna är ihopslagna.' } : {})}
      />,
      status,
    )

  app.get<OrgParams>(
    personMergePath(':organisation'),
    { schema: { params: organisationParams, querystring: personMergeQuery } },
    async (request, reply) => {
      const organisation = await organisationFrom(request)
      assertAllowed(mayManageRegister(currentUser(request), organisation.id), 'merge persons')
      return page(request, reply, organisation, emptyForm(), 200)
    },
  )

  app.post<OrgParams>(
    personMergePath(':organisation'),
    { schema: { params: organisationParams, body: personMergeForm } },
    async (request, reply) => {
      const organisation = await organisationFrom(request)
      assertAllowed(mayManageRegister(currentUser(request), organisation.id), 'merge persons')
      const values = readForm(request.body, ['keptPersonId', 'mergedPersonId'])
      const kept = id(values.keptPersonId)
      const merged = id(values.mergedPersonId)
      const errors: FormErrors = {}
      if (!kept) errors.keptPersonId = 'Välj personen som ska behållas.'
      if (!merged) errors.mergedPersonId = 'Välj personen som ska slås ihop med den och tas bort.'
      else if (merged === kept) errors.mergedPersonId = 'Välj två olika personer.'
      if (kept && merged && merged !== kept) {
        const persons = new Set((await listPersons(request.db, organisation.id)).map((p) => p.id))
        if (!persons.has(kept) || !persons.has(merged)) {
          errors.mergedPersonId = 'Välj personer i organisationens register.'
        } else {
          try {
            await mergePersons(request.db, actorOf(request), { keptPersonId: kept, mergedPersonId: merged })
            return reply.redirect(savedAt(personMergePath(organisation.slug)), 303)
          } catch (error) {
            if (!(error instanceof DomainError) || error.code !== 'invalid_state') throw error
            errors.mergedPersonId = refusalSentence(error)
          }
        }
      }
      return page(request, reply, organisation, { values, errors }, 400)
    },
  )
}
