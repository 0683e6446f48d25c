import type { Queryable, Trx } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import { NotFoundError } from '../shared/errors.ts'
import type { AccessibilityFeedback } from './accessibility-feedback.ts'

const toFeedback = (row: Selected<'accessibility_feedback'>): AccessibilityFeedback => ({
  id: row.id,
  organisationId: row.organisation_id,
  page: row.page,
  message: row.message,
  senderName: row.sender_name,
  replyAddress: row.reply_address,
  receivedAt: row.received_at,
  handledAt: row.handled_at,
  handledBy: row.handled_by,
  handlingNote: row.handling_note,
})

export async function insertFeedback(
  trx: Trx,
  values: Omit<AccessibilityFeedback, 'id' | 'handledAt' | 'handledBy' | 'handlingNote'>,
): Promise<AccessibilityFeedback> {
  const row = await trx
    .insertInto('accessibility_feedback')
    .values({
      organisation_id: values.organisationId,
      page: values.page,
      message: values.message,
      sender_name: values.senderName,
      reply_address: values.replyAddress,
      received_at: values.receivedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toFeedback(row)
}

export async function getFeedback(db: Queryable, id: number): Promise<AccessibilityFeedback> {
  const row = await db
    .selectFrom('accessibility_feedback')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('accessibility feedback', id)
  return toFeedback(row)
}

/** The organisations' feedback: unhandled first, then newest first. */
export async function listOfOrganisations(
  db: Queryable,
  organisationIds: readonly number[],
): Promise<AccessibilityFeedback[]> {
  if (organisationIds.length === 0) return []
  const rows = await db
    .selectFrom('accessibility_feedback')
    .selectAll()
    .where('organisation_id', 'in', [...organisationIds])
    // Both databases sort nulls differently by default: order on a 0/1 expression instead.
    .orderBy((eb) => eb.case().when('handled_at', 'is', null).then(0).else(1).end())
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(toFeedback)
}

/** How many messages of each organisation wait to be handled. */
export async function countUnhandled(
  db: Queryable,
  organisationIds: readonly number[],
): Promise<Map<number, number>> {
  if (organisationIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('accessibility_feedback')
    .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organisation_id', 'in', [...organisationIds])
    .where('handled_at', 'is', null)
    .groupBy('organisation_id')
    .execute()
  return new Map(rows.map((r) => [r.organisation_id, Number(r.n)]))
}

/** Marks it handled if it is not yet; undefined when it already was (or is gone). */
export async function updateHandled(
  trx: Trx,
  id: number,
  values: { handledAt: string; handledBy: string; handlingNote: string },
): Promise<AccessibilityFeedback | undefined> {
  const row = await trx
    .updateTable('accessibility_feedback')
    .set({ handled_at: values.handledAt, handled_by: values.handledBy, handling_note: values.handlingNote })
    .where('id', '=', id)
    // Only an unhandled one: two administrators marking it at once cannot both succeed.
    .where('handled_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
  return row ? toFeedback(row) : undefined
}

/** Deletes feedback handled before the instant; returns what was deleted (id and organisation). */
export async function deleteHandledBefore(
  trx: Trx,
  before: string,
): Promise<Array<{ id: number; organisationId: number }>> {
  const rows = await trx
    .deleteFrom('accessibility_feedback')
    .where('handled_at', 'is not', null)
    .where('handled_at', '<', before)
    .returning(['id', 'organisation_id'])
    .execute()
  return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id }))
}
