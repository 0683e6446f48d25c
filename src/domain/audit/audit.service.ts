import type { Queryable } from '../../db/database.ts'
import { publicRecordTouched, scopesOfAudited } from '../public-record/public-record-edge.ts'
import { type Actor, describeActor } from '../shared/actor.ts'
import type { AuditEvent, AuditedObject } from './audit.ts'

/**
 * Writes an audit row. Call it with the transaction of the change itself, so the log and the
 * change are committed together or not at all. What the row names is what the public change log
 * decides again at the end of that transaction (public-record-edge.ts).
 */
export async function recordAudit(
  trx: Queryable,
  actor: Actor,
  action: string,
  object: AuditedObject,
  change: { before?: unknown; after?: unknown } = {},
): Promise<void> {
  await trx
    .insertInto('audit_event')
    .values({
      organisation_id: object.organisationId ?? null,
      actor: describeActor(actor),
      action,
      object_type: object.type,
      object_id: object.id,
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
    })
    .execute()
  await publicRecordTouched(trx, ...(await scopesOfAudited(trx, object)))
}

/** The history of one object, oldest first. */
export async function listAuditEvents(
  db: Queryable,
  objectType: string,
  objectId: number,
): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_event')
    .selectAll()
    .where('object_type', '=', objectType)
    .where('object_id', '=', objectId)
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    occurredAt: row.created_at,
    actor: row.actor,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  }))
}
