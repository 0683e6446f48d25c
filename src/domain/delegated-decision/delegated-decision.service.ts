import type { Queryable, Trx } from '../../db/database.ts'
import { addAgendaItem } from '../agenda/agenda.service.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import { getMatter } from '../matter/matter.reads.ts'
import { registerMatter } from '../matter/matter.service.ts'
import { getMeeting } from '../meeting/meeting.service.ts'
import { lastAppealDay, noticeRemovalDay } from '../notice-board/appeal-deadline.ts'
import type { Notice } from '../notice-board/notice.ts'
import { postNotice } from '../notice-board/notice-board.service.ts'
import type { Actor } from '../shared/actor.ts'
import { isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import {
  findNoticeOfDelegatedDecision,
  getDelegatedDecision,
  insertDelegatedDecision,
  listUnreported,
  markReported,
} from './delegated-decision.repository.ts'
import { type DelegatedDecision, reportLine } from './delegated-decision.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    delegated_decision_reported: undefined
    urgent_decision_reported_at_meeting: undefined
    delegated_decision_has_notice: undefined
    delegated_decision_notice_before_decision: undefined
  }
}

export {
  listOfCommittee as listDelegatedDecisions,
  listUnreported as listUnreportedDelegatedDecisions,
} from './delegated-decision.repository.ts'

export interface RegisterDelegatedDecisionInput {
  committeeId: number
  title: string
  decisionMaker: string
  delegationPoint: string
  decidedOn: string
  registryNumber?: string
  /** The chair's decision in an urgent matter (KL 6:39). */
  urgent?: boolean
}

/** Registers a decision taken under delegation, with its maker, delegation point, date and registry number. */
export async function registerDelegatedDecision(
  trx: Trx,
  actor: Actor,
  input: RegisterDelegatedDecisionInput,
): Promise<DelegatedDecision> {
  for (const field of ['title', 'decisionMaker', 'delegationPoint'] as const) {
    if (!input[field].trim()) throw new InvalidInputError('field_missing', `${field} is needed`, field)
  }
  if (!isIsoDate(input.decidedOn))
    throw new InvalidInputError('date_malformed', 'the date must be YYYY-MM-DD', 'decidedOn')
  const committee = await getCommittee(trx, input.committeeId)
  const matter = input.registryNumber
    ? await registerMatter(trx, actor, {
        organisationId: committee.organisationId,
        registryNumber: input.registryNumber,
        title: input.title,
        kind: 'delegationsbeslut',
      })
    : undefined
  const decision = await insertDelegatedDecision(trx, {
    committeeId: committee.id,
    matterId: matter?.id ?? null,
    title: input.title.trim(),
    decisionMaker: input.decisionMaker.trim(),
    delegationPoint: input.delegationPoint.trim(),
    decidedOn: input.decidedOn,
    urgent: input.urgent ?? false,
  })
  await recordAudit(
    trx,
    actor,
    'delegated_decision.registered',
    {
      type: 'delegated_decision',
      id: decision.id,
      organisationId: committee.organisationId,
    },
    { after: decision },
  )
  return decision
}

/**
 * Reports the committee's unreported delegated decisions to a meeting: one report item
 * ("Anmälan av delegationsbeslut") on its agenda that lists them, and each marked as reported there.
 * Returns undefined when there is nothing to report.
 */
export async function reportDelegatedDecisions(
  trx: Trx,
  actor: Actor,
  input: { meetingId: number },
): Promise<{ agendaItemId: number; reported: number } | undefined> {
  const meeting = await getMeeting(trx, input.meetingId)
  const decisions = await listUnreported(trx, meeting.committeeId, meeting.meetsOn)
  if (decisions.length === 0) return undefined
  const lines: string[] = []
  for (const decision of decisions) {
    const matter = decision.matterId ? await getMatter(trx, decision.matterId) : undefined
    lines.push(reportLine(decision, matter?.registryNumber))
  }
  const item = await addAgendaItem(trx, actor, {
    meetingId: meeting.id,
    title: 'Anmälan av delegationsbeslut',
    summary: lines.join('\n\n'),
    proposal: ['Nämnden lägger anmälan av delegationsbesluten till handlingarna.'],
  })
  await markReported(
    trx,
    decisions.map((d) => d.id),
    item.id,
  )
  return { agendaItemId: item.id, reported: decisions.length }
}

/**
 * The chair's urgent decisions taken before a meeting and not yet reported: they must be reported at
 * that meeting (KL 6:40), so the workspace warns until they are.
 */
export async function listUrgentDecisionsToReport(
  db: Queryable,
  meeting: { committeeId: number; meetsOn: string },
): Promise<DelegatedDecision[]> {
  return (await listUnreported(db, meeting.committeeId, meeting.meetsOn)).filter((d) => d.urgent)
}

/**
 * Posts the notice of a delegated decision that is not reported to a committee (KL 8:10 p. 3), so
 * the three weeks to appeal it run from the posting day (KL 13:5). A reported decision is announced
 * with the minutes of the meeting it was reported to instead.
 */
export async function postDelegatedDecisionNotice(
  trx: Trx,
  actor: Actor,
  input: { delegatedDecisionId: number; postedOn: string },
): Promise<Notice> {
  if (!isIsoDate(input.postedOn))
    throw new InvalidInputError('date_malformed', 'the posting day must be YYYY-MM-DD', 'postedOn')
  const decision = await getDelegatedDecision(trx, input.delegatedDecisionId)
  if (decision.reportedInAgendaItemId !== null) {
    throw new InvalidStateError(
      'delegated_decision_reported',
      'the decision is reported to the committee and announced with its minutes',
    )
  }
  if (decision.urgent) {
    throw new InvalidStateError(
      'urgent_decision_reported_at_meeting',
      'an urgent decision by the chair is reported at the next meeting (KL 6:40)',
    )
  }
  if (await findNoticeOfDelegatedDecision(trx, decision.id))
    throw new InvalidStateError('delegated_decision_has_notice', 'the decision has a notice already')
  if (input.postedOn < decision.decidedOn)
    throw new InvalidInputError(
      'delegated_decision_notice_before_decision',
      'a decision is announced after it is taken',
      'postedOn',
    )
  const committee = await getCommittee(trx, decision.committeeId)
  return postNotice(trx, actor, {
    organisationId: committee.organisationId,
    kind: 'delegated_decision',
    meetingId: null,
    signOffId: null,
    delegatedDecisionId: decision.id,
    title: `${committee.name}, delegationsbeslut ${decision.decidedOn}: ${decision.title}`,
    keptAt: null,
    postedOn: input.postedOn,
    removedOn: noticeRemovalDay(input.postedOn),
    lastAppealDay: lastAppealDay(input.postedOn),
  })
}
