import type { Queryable, Trx } from '../../db/database.ts'
import { publicRecordTouched, scopesOfAudited } from '../public-record/public-record-edge.ts'
import { type Actor, describeActor } from '../shared/actor.ts'
import type { AuditEvent, AuditedObject } from './audit.ts'

/** What one import brought into being: per action and kind of object, the ids, in order. */
export type AuditedCreations = Array<{ action: string; type: string; ids: number[] }>

interface AuditBatch {
  creations: Map<string, { action: string; type: string; ids: number[] }>
  /** The objects the batch created ("type:id"): a later change to one is part of its creation. */
  created: Set<string>
  /** The objects whose public scopes were noted already: an import touches a § many times. */
  scoped: Set<string>
}

const batches = new WeakMap<Queryable, AuditBatch>()

// The verbs of the actions that bring an object into being ("meeting.scheduled", "section.added"),
// as against those that record something about one that may have existed before the batch
// ("meeting.attendance_recorded").
const creationVerbs = new Set(['created', 'added', 'scheduled', 'registered', 'opened'])
const bringsIntoBeing = (action: string) => creationVerbs.has(action.slice(action.lastIndexOf('.') + 1))

/**
 * Writes an audit row. Call it with the transaction of the change itself, so the log and the
 * change are committed together or not at all. What the row names is what the public change log
 * decides again at the end of that transaction (public-record-edge.ts). Inside `auditAsOne` an
 * object's creation is named in that one row instead.
 */
export async function recordAudit(
  trx: Trx,
  actor: Actor,
  action: string,
  object: AuditedObject,
  change: { before?: unknown; after?: unknown } = {},
): Promise<void> {
  const batch = batches.get(trx)
  const objectKey = `${object.type}:${object.id}`
  if (batch && (change.before === undefined || batch.created.has(objectKey))) {
    // A change to an object created in the same batch (an imported meeting held, its minutes
    // drafted and signed off) is named by nothing but its creation: its state is its row.
    if (change.before === undefined) {
      const key = `${action} ${object.type}`
      const named = batch.creations.get(key) ?? { action, type: object.type, ids: [] }
      if (named.ids.at(-1) !== object.id) named.ids.push(object.id)
      batch.creations.set(key, named)
      if (bringsIntoBeing(action)) batch.created.add(objectKey)
    }
    if (batch.scoped.has(objectKey)) return
    batch.scoped.add(objectKey)
    await publicRecordTouched(trx, ...(await scopesOfAudited(trx, object)))
    return
  }
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

/**
 * Runs `work` (a bulk write such as an import, in the transaction `trx`) with one audit row for
 * everything it creates: `action` on the object `describe` names, its `after` holding the details
 * and, per action and kind, the ids of the objects created. A created object's state is the row written in the same
 * transaction (and a signed-off §'s content is sealed, record-seal.ts), so the creation's own row
 * would only repeat it: at ~60 rows per protocol the audit log was a fifth of the archive's disk.
 * So would a change to an object created in the batch (an imported meeting's status moving from
 * held to signed off: three rows a protocol). A change to an object that existed before the batch
 * (a `before` state) keeps its own row. No row is written
 * when `work` created nothing, so an import repeated leaves the log as it was.
 */
export async function auditAsOne<T>(
  trx: Trx,
  actor: Actor,
  action: string,
  work: () => Promise<T>,
  /** The object the row is about and what it says besides the creations, once `work` has run. */
  describe: (result: T) => { object: AuditedObject; details: Record<string, unknown> },
): Promise<T> {
  if (batches.has(trx)) return work()
  const batch: AuditBatch = { creations: new Map(), created: new Set(), scoped: new Set() }
  batches.set(trx, batch)
  let result: T
  try {
    result = await work()
  } finally {
    batches.delete(trx)
  }
  if (batch.creations.size > 0) {
    const created: AuditedCreations = [...batch.creations.values()]
    const { object, details } = describe(result)
    await recordAudit(trx, actor, action, object, { after: { ...details, created } })
  }
  return result
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
