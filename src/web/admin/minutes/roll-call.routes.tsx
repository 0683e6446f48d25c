import type { FastifyInstance } from 'fastify'
import { getCommitteeSettings } from '../../../domain/committee/committee.service.ts'
import type { Membership } from '../../../domain/membership/membership.ts'
import { type RollCallLine, recordRollCall } from '../../../domain/minutes/roll-call.service.ts'
import { suggestSubstitutes } from '../../../domain/minutes/substitute-suggestion.ts'
import { sendPage } from '../../views/render.tsx'
import { nextStepOf } from '../meetings/next-step.ts'
import { actorOf, adminView, savedAt, wasSaved } from '../shared/admin-request.ts'
import { swedishRefusal } from '../shared/refusal-messages.ts'
import { fieldOf, loadMinutes, type MeetingParams, type MinutesData, minutesToKeep } from './minutes.data.ts'
import { minutesPaths } from './minutes.paths.ts'
import { meetingParams, pageQuery, rollCallForm } from './minutes.schema.ts'
import { type PresenceChoice, type RollCallForm, RollCallPage } from './roll-call.page.tsx'

export async function rollCallRoutes(app: FastifyInstance) {
  const url = '/admin/namnder/:committee/sammantraden/:meeting/protokoll/narvaro'

  app.get<MeetingParams>(
    url,
    { schema: { params: meetingParams, querystring: pageQuery } },
    async (request, reply) => {
      const { committee, meeting } = await minutesToKeep(request)
      const data = await loadMinutes(request, committee, meeting)
      const settings = await getCommitteeSettings(request.db, committee.id)
      return sendPage(
        reply,
        <RollCallPage
          view={adminView(request, reply)}
          committee={committee}
          meeting={meeting}
          data={data}
          form={formFromAttendance(data)}
          distance={settings.distanceParticipation}
          saved={wasSaved(request)}
          next={nextStepOf(committee.slug, meeting, data.record, request.today)}
        />,
      )
    },
  )

  app.post<MeetingParams>(
    url,
    { schema: { params: meetingParams, body: rollCallForm } },
    async (request, reply) => {
      const { committee, meeting } = await minutesToKeep(request)
      const data = await loadMinutes(request, committee, meeting)
      const settings = await getCommitteeSettings(request.db, committee.id)
      const form = formFromBody(request.body, data.memberships)
      if (fieldOf(request.body, 'atgard') === 'foresla') {
        fillSuggestions(form, data.memberships)
      } else {
        try {
          await recordRollCall(request.db, actorOf(request), {
            meetingId: meeting.id,
            lines: linesOf(form, data.memberships),
            others: form.others
              .split('\n')
              .map((line) => line.split(',').map((part) => part.trim()))
              .filter(([name]) => name)
              .map(([name, ...title]) => ({ name: name as string, title: title.join(', ') })),
          })
          return reply.redirect(savedAt(minutesPaths.rollCall(committee.slug, meeting.slug)), 303)
        } catch (error) {
          form.error = swedishRefusal(error)
        }
      }
      return sendPage(
        reply,
        <RollCallPage
          view={adminView(request, reply)}
          committee={committee}
          meeting={meeting}
          data={data}
          form={form}
          distance={settings.distanceParticipation}
          saved={false}
        />,
        form.error ? 400 : 200,
      )
    },
  )
}

function emptyRollCall(): RollCallForm {
  return {
    presence: new Map(),
    substituteFor: new Map(),
    substitutePresent: new Set(),
    arrived: new Map(),
    left: new Map(),
    others: '',
  }
}

/** The form as last saved, or everyone present before the first roll call. */
function formFromAttendance(data: MinutesData): RollCallForm {
  const form = emptyRollCall()
  for (const a of data.record?.attendance ?? []) {
    if (a.role === 'official' || a.role === 'other') {
      form.others += `${data.personName(a.personId)}${a.title ? `, ${a.title}` : ''}\n`
      continue
    }
    if (a.role === 'substitute') {
      if (a.present) form.substitutePresent.add(a.personId)
      if (a.servingForPersonId) form.substituteFor.set(a.servingForPersonId, a.personId)
    } else form.presence.set(a.personId, !a.present ? 'absent' : a.remote ? 'remote' : 'present')
    if (a.arrivedAtSection) form.arrived.set(a.personId, String(a.arrivedAtSection))
    if (a.leftAfterSection) form.left.set(a.personId, String(a.leftAfterSection))
  }
  return form
}

function formFromBody(body: unknown, memberships: Membership[]): RollCallForm {
  const form = emptyRollCall()
  for (const m of memberships) {
    const id = m.personId
    if (m.role === 'substitute') {
      if (fieldOf(body, `ersattare-narvarande-${id}`) === 'ja') form.substitutePresent.add(id)
    } else {
      const presence = fieldOf(body, `narvaro-${id}`)
      form.presence.set(
        id,
        ['present', 'remote', 'absent'].includes(presence) ? (presence as PresenceChoice) : 'present',
      )
      const substitute = fieldOf(body, `ersattare-${id}`)
      if (substitute) form.substituteFor.set(id, Number(substitute))
    }
    const arrived = fieldOf(body, `fran-${id}`)
    const left = fieldOf(body, `till-${id}`)
    if (arrived) form.arrived.set(id, arrived)
    if (left) form.left.set(id, left)
  }
  form.others = fieldOf(body, 'ovriga')
  return form
}

/**
 * Proposes substitutes for absent members who have none chosen: only among the substitutes ticked
 * present (one who is not there cannot serve), in the established order (B3, KL 5:18).
 */
function fillSuggestions(form: RollCallForm, memberships: Membership[]) {
  const members = memberships.filter((m) => m.role !== 'substitute')
  const chosen = new Set([...form.substituteFor.values()])
  const available = memberships.filter(
    (m) => m.role === 'substitute' && form.substitutePresent.has(m.personId) && !chosen.has(m.personId),
  )
  const absent = members
    .filter((m) => form.presence.get(m.personId) === 'absent' && !form.substituteFor.get(m.personId))
    .map((m) => m.personId)
  if (absent.length > 0 && available.length === 0) {
    form.hint = 'Kryssa i vilka ersättare som är på plats, så föreslås ersättare bland dem.'
    return
  }
  for (const [memberId, substituteId] of suggestSubstitutes(members, available, absent)) {
    form.substituteFor.set(memberId, substituteId)
  }
}

function linesOf(form: RollCallForm, memberships: Membership[]): RollCallLine[] {
  const at = (map: Map<number, string>, id: number) => {
    const text = map.get(id)
    return text && /^\d+$/.test(text) ? Number(text) : undefined
  }
  const servingFor = new Map<number, number>()
  for (const [memberId, substituteId] of form.substituteFor) {
    if (substituteId && form.presence.get(memberId) === 'absent') servingFor.set(substituteId, memberId)
  }
  return memberships.map((m): RollCallLine => {
    const presence = form.presence.get(m.personId)
    const forMember = servingFor.get(m.personId)
    const arrivedAtSection = at(form.arrived, m.personId)
    const leftAfterSection = at(form.left, m.personId)
    return {
      personId: m.personId,
      role: m.role,
      present:
        m.role === 'substitute'
          ? form.substitutePresent.has(m.personId) || forMember !== undefined
          : presence !== 'absent',
      ...(m.partyId !== null ? { partyId: m.partyId } : {}),
      ...(presence === 'remote' ? { remote: true } : {}),
      ...(forMember !== undefined ? { servingForPersonId: forMember } : {}),
      ...(arrivedAtSection !== undefined ? { arrivedAtSection } : {}),
      ...(leftAfterSection !== undefined ? { leftAfterSection } : {}),
    }
  })
}
