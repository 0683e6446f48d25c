import type { Queryable, Trx } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import { NotFoundError } from '../shared/errors.ts'
import type { DelegatedDecision } from './delegated-decision.ts'

const toDelegatedDecision = (row: Selected<'delegated_decision'>): DelegatedDecision => ({
  id: row.id,
  committeeId: row.committee_id,
  matterId: row.matter_id,
  title: row.title,
  decisionMaker: row.decision_maker,
  delegationPoint: row.delegation_point,
  decidedOn: row.decided_on,
  reportedInAgendaItemId: row.reported_in_agenda_item_id,
  urgent: Boolean(row.urgent),
})

export async function getDelegatedDecision(db: Queryable, id: number): Promise<DelegatedDecision> {
  const row = await db.selectFrom('delegated_decision').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('delegated decision', id)
  return toDelegatedDecision(row)
}

export async function insertDelegatedDecision(
  trx: Trx,
  values: Omit<DelegatedDecision, 'id' | 'reportedInAgendaItemId'>,
): Promise<DelegatedDecision> {
  const row = await trx
    .insertInto('delegated_decision')
    .values({
      committee_id: values.committeeId,
      matter_id: values.matterId,
      title: values.title,
      decision_maker: values.decisionMaker,
      delegation_point: values.delegationPoint,
      decided_on: values.decidedOn,
      urgent: values.urgent,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toDelegatedDecision(row)
}

/** The committee's decisions neither reported nor announced on their own, taken on or before a day, oldest first. */
export async function listUnreported(
  db: Queryable,
  committeeId: number,
  onOrBefore: string,
): Promise<DelegatedDecision[]> {
  const rows = await db
    .selectFrom('delegated_decision')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .where('reported_in_agenda_item_id', 'is', null)
    // One announced on the notice board on its own is not reported to a meeting as well.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('notice')
            .select('notice.id')
            .whereRef('notice.delegated_decision_id', '=', 'delegated_decision.id'),
        ),
      ),
    )
    .where('decided_on', '<=', onOrBefore)
    .orderBy('decided_on')
    .orderBy('id')
    .execute()
  return rows.map(toDelegatedDecision)
}

export async function markReported(trx: Trx, ids: readonly number[], agendaItemId: number): Promise<void> {
  if (ids.length === 0) return
  await trx
    .updateTable('delegated_decision')
    .set({ reported_in_agenda_item_id: agendaItemId })
    .where('id', 'in', [...ids])
    .execute()
}

export async function findNoticeOfDelegatedDecision(db: Queryable, delegatedDecisionId: number) {
  return db
    .selectFrom('notice')
    .select(['id', 'posted_on', 'last_appeal_day'])
    .where('delegated_decision_id', '=', delegatedDecisionId)
    .executeTakeFirst()
}

/** The register of a committee: every delegated decision, newest first, with its notice if posted. */
export async function listOfCommittee(
  db: Queryable,
  committeeId: number,
): Promise<Array<DelegatedDecision & { noticeLastAppealDay: string | null; noticePostedOn: string | null }>> {
  const rows = await db
    .selectFrom('delegated_decision')
    .leftJoin('notice', 'notice.delegated_decision_id', 'delegated_decision.id')
    .selectAll('delegated_decision')
    .select(['notice.posted_on as notice_posted_on', 'notice.last_appeal_day as notice_last_appeal_day'])
    .where('delegated_decision.committee_id', '=', committeeId)
    .orderBy('delegated_decision.decided_on', 'desc')
    .orderBy('delegated_decision.id', 'desc')
    .execute()
  return rows.map((row) => ({
    ...toDelegatedDecision(row),
    noticePostedOn: row.notice_posted_on,
    noticeLastAppealDay: row.notice_last_appeal_day,
  }))
}
