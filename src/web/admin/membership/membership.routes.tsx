import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertAllowed, mayManageCommittee } from '../../../domain/account/access.policy.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import {
  addMembership,
  endMembership,
  reorderSubstitutes,
} from '../../../domain/membership/membership.service.ts'
import { type MembershipRole, membershipRoles } from '../../../domain/membership/membership.ts'
import { isIsoDate } from '../../../domain/shared/calendar-date.ts'
import { DomainError } from '../../../domain/shared/errors.ts'
import { paths } from '../../paths.ts'
import { sendPage } from '../../views/render.tsx'
import { committeeFrom, loadCommitteeData } from '../organisation/committee.data.ts'
import { CommitteePage, type CommitteePageProps } from '../organisation/committee.page.tsx'
import { actorOf, adminView, currentUser, fieldErrorOf, readForm, savedAt } from '../shared/admin-request.ts'
import { emptyForm, type FormErrors } from '../shared/form.view.tsx'
import {
  committeeParams,
  endSeatForm,
  membershipParams,
  seatForm,
  substituteOrderForm,
} from './membership.schema.ts'

const fields = ['personId', 'role', 'partyId', 'termId', 'startsOn', 'endsOn', 'substituteOrder'] as const
const id = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined)

/** Checks the new seat's fields; Swedish messages by field. */
function readMembershipForm(body: unknown) {
  const values = readForm(body, fields)
  const errors: FormErrors = {}
  if (!id(values.personId)) errors.personId = 'Välj personen som ska ha platsen.'
  if (!(membershipRoles as readonly string[]).includes(values.role ?? '')) errors.role = 'Välj uppdrag.'
  if (!isIsoDate(values.startsOn))
    errors.startsOn = 'Skriv första dagen som ÅÅÅÅ-MM-DD, till exempel 2027-01-01.'
  if (values.endsOn && !isIsoDate(values.endsOn))
    errors.endsOn = 'Skriv sista dagen som ÅÅÅÅ-MM-DD, eller lämna tomt.'
  else if (values.endsOn && isIsoDate(values.startsOn) && values.endsOn < (values.startsOn ?? ''))
    errors.endsOn = 'Uppdraget kan inte sluta innan det börjar.'
  if (values.substituteOrder && !(id(values.substituteOrder) && Number(values.substituteOrder) >= 1))
    errors.substituteOrder = 'Ange platsen som ett heltal från 1, eller lämna tomt.'
  return { values, errors }
}

async function renderCommittee(
  request: FastifyRequest,
  reply: FastifyReply,
  committee: Committee,
  props: Partial<CommitteePageProps>,
) {
  const data = await loadCommitteeData(request, committee)
  return sendPage(
    reply,
    <CommitteePage
      view={adminView(request, reply)}
      committee={committee}
      data={data}
      addForm={emptyForm({ startsOn: request.today, role: 'member' })}
      {...props}
    />,
    400,
  )
}

export async function membershipRoutes(app: FastifyInstance) {
  app.post<{ Params: { committee: string } }>(
    '/admin/namnder/:committee/ledamoter',
    { schema: { params: committeeParams, body: seatForm } },
    async (request, reply) => {
      const committee = await committeeFrom(request)
      assertAllowed(mayManageCommittee(currentUser(request), committee), 'add membership')
      const { values, errors } = readMembershipForm(request.body)
      if (Object.keys(errors).length === 0) {
        try {
          await request.db.transaction().execute((trx) =>
            addMembership(trx, actorOf(request), {
              committeeId: committee.id,
              personId: id(values.personId)!,
              role: values.role as MembershipRole,
              startsOn: values.startsOn!,
              ...(values.endsOn ? { endsOn: values.endsOn } : {}),
              ...(id(values.partyId) ? { partyId: id(values.partyId)! } : {}),
              ...(id(values.termId) ? { termId: id(values.termId)! } : {}),
              ...(id(values.substituteOrder) ? { substituteOrder: id(values.substituteOrder)! } : {}),
            }),
          )
          return reply.redirect(savedAt(paths.admin.committee(committee.slug)), 303)
        } catch (error) {
          if (error instanceof DomainError && error.code === 'invalid_state')
            errors.personId = 'Personen har redan en plats i nämnden under den tiden. Avsluta den först.'
          else
            Object.assign(errors, fieldErrorOf(error, { personId: 'Välj en person i samma organisation.' }))
        }
      }
      return renderCommittee(request, reply, committee, { addForm: { values, errors } })
    },
  )

  app.post<{ Params: { committee: string; membership: string } }>(
    '/admin/namnder/:committee/ledamoter/:membership/avsluta',
    { schema: { params: membershipParams, body: endSeatForm } },
    async (request, reply) => {
      const committee = await committeeFrom(request)
      assertAllowed(mayManageCommittee(currentUser(request), committee), 'end membership')
      const membershipId = id(request.params.membership) ?? 0
      const { endsOn = '' } = readForm(request.body, ['endsOn'])
      const data = await loadCommitteeData(request, committee)
      if (!data.memberships.some((m) => m.id === membershipId))
        throw new DomainError('not_found', 'not_found', 'no such seat')
      let error = isIsoDate(endsOn) ? '' : 'Skriv sista dagen som ÅÅÅÅ-MM-DD.'
      if (!error) {
        try {
          await endMembership(request.db, actorOf(request), membershipId, endsOn)
          return reply.redirect(savedAt(paths.admin.committee(committee.slug)), 303)
        } catch (cause) {
          error = fieldErrorOf(cause, { endsOn: 'Uppdraget kan inte sluta innan det börjar.' }).endsOn ?? ''
        }
      }
      return renderCommittee(request, reply, committee, { endState: { membershipId, value: endsOn, error } })
    },
  )

  app.post<{ Params: { committee: string } }>(
    '/admin/namnder/:committee/ersattarordning',
    { schema: { params: committeeParams, body: substituteOrderForm } },
    async (request, reply) => {
      const committee = await committeeFrom(request)
      assertAllowed(mayManageCommittee(currentUser(request), committee), 'reorder substitutes')
      const body = (request.body ?? {}) as Record<string, unknown>
      const entries = Object.entries(body)
        .filter(([key]) => /^order-\d{1,9}$/.test(key))
        .map(([key, value]) => ({ key, membershipId: Number(key.slice(6)), value: String(value).trim() }))
      const values = Object.fromEntries(entries.map((e) => [e.key, e.value]))
      const numbers = entries.map((e) => Number(e.value))
      let error = ''
      if (entries.length === 0) error = 'Det finns inga ersättare att ordna.'
      else if (entries.some((e) => !/^\d{1,3}$/.test(e.value) || Number(e.value) < 1))
        error = 'Ge varje ersättare ett nummer från 1 och uppåt.'
      else if (new Set(numbers).size !== numbers.length)
        error = 'Två ersättare har samma nummer: ge var och en sitt eget.'
      if (!error) {
        const ordered = [...entries]
          .sort((a, b) => Number(a.value) - Number(b.value))
          .map((e) => e.membershipId)
        try {
          await reorderSubstitutes(request.db, actorOf(request), committee.id, ordered)
          return reply.redirect(savedAt(paths.admin.committee(committee.slug)), 303)
        } catch (cause) {
          error =
            fieldErrorOf(cause, {
              order: 'Listan över ersättare har ändrats. Ladda om sidan och försök igen.',
            }).order ?? ''
        }
      }
      return renderCommittee(request, reply, committee, { orderState: { values, error } })
    },
  )
}
