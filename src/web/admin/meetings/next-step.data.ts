import type { FastifyRequest } from 'fastify'
import { mayKeepMinutes } from '../../../domain/account/access.policy.ts'
import { type AgendaEntry, getAgenda } from '../../../domain/agenda/agenda.service.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { type MinutesRecord, readMinutesRecord } from '../../../domain/minutes/minutes-record.ts'
import { currentUser } from '../shared/admin-request.ts'
import { type NextStep, nextStepOf } from './next-step.ts'

/**
 * The next step of a meeting's cycle for a page that has not read the minutes itself. The draft
 * minutes are read only for those who keep them (TF 2:10); others see the steps before them.
 * A page that has read the agenda or the minutes passes them in `known`, so they are not read twice.
 */
export async function loadNextStep(
  request: FastifyRequest,
  committee: Committee,
  meeting: Meeting,
  known: { record?: MinutesRecord; agenda?: AgendaEntry[] } = {},
): Promise<NextStep | undefined> {
  const keeps = mayKeepMinutes(currentUser(request), committee)
  const minutes = known.record ?? (keeps ? await readMinutesRecord(request.db, meeting.id) : undefined)
  const agendaItems =
    meeting.status === 'planned'
      ? (known.agenda ?? (await getAgenda(request.db, meeting.id))).filter((e) => e.item.status === 'active')
          .length
      : undefined
  const next = nextStepOf(committee.slug, meeting, minutes, request.today, agendaItems)
  // Those who prepare but do not keep the minutes have nothing to follow after the notice.
  if (!keeps && next && next.step !== 'prepare' && next.step !== 'notice') return undefined
  return next
}
