import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertAllowed, mayManageCommittee } from '../../../domain/account/access.policy.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import { listPersonsWithIdentityNumber } from '../../../domain/sign-off/identity-number.repository.ts'
import { recordIdentityNumbers } from '../../../domain/sign-off/identity-numbers.use-case.ts'
import { normaliseIdentityNumber } from '../../../domain/sign-off/signing-method.ts'
import { sendPage } from '../../views/render.tsx'
import { committeeFrom, loadCommitteeData } from '../organisation/committee.data.ts'
import { actorOf, adminView, currentUser, readForm, savedAt, wasSaved } from '../shared/admin-request.ts'
import { emptyForm, type FormErrors, type FormState } from '../shared/form.view.tsx'
import { IdentityNumbersPage, identityNumbersPath } from './identity-numbers.page.tsx'
import { committeeParams, identityNumbersForm, identityNumbersQuery } from './identity-numbers.schema.ts'

// The secretary keeps the personnummer of the committee's members and substitutes, so a signature
// with e-legitimation can be checked against the appointed signatory (sign-off/sign-off-oidc.routes.tsx).

type Params = { Params: { committee: string } }

/** The persons holding a seat today or later, each once, with whether a number is kept. */
async function seatedPeople(request: FastifyRequest, committee: Committee) {
  const data = await loadCommitteeData(request, committee)
  const ids = [...new Set(data.memberships.map((m) => m.personId))]
  const kept = await listPersonsWithIdentityNumber(request.db, ids)
  return ids.map((id) => ({
    id,
    name: data.persons.find((p) => p.id === id)?.name ?? 'Okänd',
    kept: kept.has(id),
  }))
}

async function show(request: FastifyRequest<Params>, reply: FastifyReply, form: FormState, status = 200) {
  const committee = await committeeFrom(request)
  assertAllowed(mayManageCommittee(currentUser(request), committee), 'keep identity numbers')
  return sendPage(
    reply,
    <IdentityNumbersPage
      view={adminView(request, reply)}
      committee={committee}
      people={await seatedPeople(request, committee)}
      form={form}
      saved={status === 200 && wasSaved(request)}
    />,
    status,
  )
}

export async function identityNumberRoutes(app: FastifyInstance) {
  app.get<Params>(
    '/admin/namnder/:committee/personnummer',
    { schema: { params: committeeParams, querystring: identityNumbersQuery } },
    (request, reply) => show(request, reply, emptyForm()),
  )

  app.post<Params>(
    '/admin/namnder/:committee/personnummer',
    { schema: { params: committeeParams, body: identityNumbersForm } },
    async (request, reply) => {
      const committee = await committeeFrom(request)
      assertAllowed(mayManageCommittee(currentUser(request), committee), 'keep identity numbers')
      const people = await seatedPeople(request, committee)
      const names = people.map((p) => `personnummer-${p.id}`)
      const values = readForm(request.body, names)
      const errors: FormErrors = {}
      const typed: { personId: number; number: string }[] = []
      for (const p of people) {
        const value = values[`personnummer-${p.id}`] ?? ''
        if (value === '') continue
        try {
          typed.push({ personId: p.id, number: normaliseIdentityNumber(value) })
        } catch {
          errors[`personnummer-${p.id}`] = 'Skriv personnumret med tolv siffror, ÅÅÅÅMMDD-NNNN.'
        }
      }
      // The numbers are never sent back to the page, not even one that was right.
      if (Object.keys(errors).length > 0) return show(request, reply, { values: {}, errors }, 400)
      await recordIdentityNumbers(request.db, actorOf(request), typed)
      return reply.redirect(savedAt(identityNumbersPath(committee.slug)), 303)
    },
  )
}
