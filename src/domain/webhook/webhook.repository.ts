import type { Queryable, Trx } from '../../db/database.ts'
import { forUpdateSkipLocked } from '../../db/dialect.ts'
import type { Selected } from '../../db/schema.ts'
import type { DeliveryState, PublicChange, Webhook, WebhookDelivery } from './webhook.ts'

const toWebhook = (row: Selected<'webhook'>): Webhook => ({
  id: row.id,
  organisationId: row.organisation_id,
  url: row.url,
  createdAt: row.created_at,
  createdBy: row.created_by,
  afterSeq: row.after_seq,
})

const toDelivery = (row: Selected<'webhook_delivery'>): WebhookDelivery => ({
  id: row.id,
  webhookId: row.webhook_id,
  seq: row.seq,
  body: row.body,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  deliveredAt: row.delivered_at,
  lastAttemptAt: row.last_attempt_at,
  lastStatus: row.last_status,
  lastError: row.last_error,
})

/** The newest seq of the public change log, 0 while it is empty: where a new webhook starts. */
export async function latestChangeSeq(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom('public_change')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}

export async function insertWebhook(
  trx: Trx,
  webhook: { organisationId: number; url: string; secret: string; createdBy: string; afterSeq: number },
): Promise<Webhook> {
  const row = await trx
    .insertInto('webhook')
    .values({
      organisation_id: webhook.organisationId,
      url: webhook.url,
      secret: webhook.secret,
      created_by: webhook.createdBy,
      after_seq: webhook.afterSeq,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toWebhook(row)
}

export async function findWebhook(db: Queryable, id: number): Promise<Webhook | undefined> {
  const row = await db.selectFrom('webhook').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toWebhook(row)
}

export async function deleteWebhook(trx: Trx, id: number): Promise<void> {
  // The deliveries go with it (on delete cascade), said here too for SQLite without foreign keys.
  await trx.deleteFrom('webhook_delivery').where('webhook_id', '=', id).execute()
  await trx.deleteFrom('webhook').where('id', '=', id).execute()
}

/** An organisation's webhooks, oldest first, with how many of their deliveries are in each state. */
export async function listWebhooksWithCounts(
  db: Queryable,
  organisationId: number,
): Promise<Array<Webhook & { counts: Record<DeliveryState, number>; lastDeliveredAt: string | null }>> {
  const webhooks = await db
    .selectFrom('webhook')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute()
  if (webhooks.length === 0) return []
  const counts = await db
    .selectFrom('webhook_delivery')
    .select(['webhook_id', 'state'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('delivered_at').as('last_delivered_at')])
    .where(
      'webhook_id',
      'in',
      webhooks.map((w) => w.id),
    )
    .groupBy(['webhook_id', 'state'])
    .execute()
  return webhooks.map((row) => {
    const mine = counts.filter((c) => c.webhook_id === row.id)
    const count = (state: DeliveryState) => Number(mine.find((c) => c.state === state)?.n ?? 0)
    const delivered = mine.find((c) => c.state === 'delivered')?.last_delivered_at ?? null
    return {
      ...toWebhook(row),
      counts: { pending: count('pending'), delivered: count('delivered'), dead: count('dead') },
      lastDeliveredAt: delivered === null ? null : new Date(delivered).toISOString(),
    }
  })
}

/** The webhooks whose cursor is behind `latest` (the newest seq of the log): cheap, no lock taken. */
export async function webhooksBehind(db: Queryable, latest: number): Promise<number[]> {
  const rows = await db
    .selectFrom('webhook')
    .select('id')
    .where('after_seq', '<', latest)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

/**
 * Locks the webhook to queue its changes; undefined when another server holds it (it is queueing
 * them right now) or it was removed. Call inside a transaction.
 */
export async function lockWebhookForQueueing(
  trx: Trx,
  id: number,
): Promise<(Webhook & { organisationId: number }) | undefined> {
  const row = await forUpdateSkipLocked(
    trx,
    trx.selectFrom('webhook').selectAll().where('id', '=', id),
  ).executeTakeFirst()
  return row && toWebhook(row)
}

/** The organisation's changes after `afterSeq` up to `upTo`, oldest first. */
export async function changesAfter(
  db: Queryable,
  organisationId: number,
  range: { afterSeq: number; upTo: number },
  limit: number,
): Promise<PublicChange[]> {
  const rows = await db
    .selectFrom('public_change')
    .select(['seq', 'kind', 'object_id', 'action', 'changed_at'])
    .where('seq', '>', range.afterSeq)
    .where('seq', '<=', range.upTo)
    .where('organisation_id', '=', organisationId)
    .orderBy('seq')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind,
    objectId: r.object_id,
    action: r.action,
    changedAt: r.changed_at,
  }))
}

/** Queues deliveries and moves the cursor; a change already queued for the webhook is not queued twice. */
export async function insertDeliveries(
  trx: Trx,
  webhookId: number,
  deliveries: ReadonlyArray<{ seq: number; body: string }>,
  newAfterSeq: number,
): Promise<void> {
  if (deliveries.length > 0)
    await trx
      .insertInto('webhook_delivery')
      .values(deliveries.map((d) => ({ webhook_id: webhookId, seq: d.seq, body: d.body })))
      .onConflict((oc) => oc.columns(['webhook_id', 'seq']).doNothing())
      .execute()
  await trx
    .updateTable('webhook')
    .set({ after_seq: newAfterSeq })
    .where('id', '=', webhookId)
    .where('after_seq', '<', newAfterSeq)
    .execute()
}

export interface ClaimedDelivery extends WebhookDelivery {
  url: string
  secret: string
}

/**
 * Takes up to `limit` pending deliveries that are due, in one statement: counts the attempt and
 * leases them until `leaseUntil`, so no other server takes them meanwhile. On PostgreSQL the rows
 * are picked FOR UPDATE SKIP LOCKED, and a row another server claimed first no longer matches
 * `next_attempt_at <= now` when re-checked; SQLite runs one writer at a time.
 */
export async function claimDueDeliveries(
  trx: Trx,
  options: { limit: number; now: Date; leaseUntil: Date },
): Promise<ClaimedDelivery[]> {
  const due = forUpdateSkipLocked(
    trx,
    trx
      .selectFrom('webhook_delivery')
      .select('id')
      .where('state', '=', 'pending')
      .where((eb) =>
        eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', options.now.toISOString())]),
      )
      .orderBy('id')
      .limit(options.limit),
  )
  const rows = await trx
    .updateTable('webhook_delivery')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      next_attempt_at: options.leaseUntil.toISOString(),
      last_attempt_at: options.now.toISOString(),
    }))
    .where('id', 'in', due)
    .returningAll()
    .execute()
  if (rows.length === 0) return []
  const webhooks = await trx
    .selectFrom('webhook')
    .select(['id', 'url', 'secret'])
    .where(
      'id',
      'in',
      rows.map((r) => r.webhook_id),
    )
    .execute()
  return rows
    .flatMap((row) => {
      const webhook = webhooks.find((w) => w.id === row.webhook_id)
      return webhook ? [{ ...toDelivery(row), url: webhook.url, secret: webhook.secret }] : []
    })
    .sort((a, b) => a.id - b.id)
}

/**
 * Records the outcome of one attempt; only while the claim is still this attempt's (a server whose
 * lease ran out must not overwrite what the next one recorded).
 */
export async function recordAttempt(
  trx: Trx,
  delivery: { id: number; attempts: number },
  outcome:
    | { state: 'delivered'; at: Date; status: number }
    | { state: 'pending'; status: number | null; error: string; nextAttemptAt: Date }
    | { state: 'dead'; status: number | null; error: string },
): Promise<void> {
  await trx
    .updateTable('webhook_delivery')
    .set(
      outcome.state === 'delivered'
        ? {
            state: 'delivered',
            delivered_at: outcome.at.toISOString(),
            next_attempt_at: null,
            last_status: outcome.status,
            last_error: null,
          }
        : {
            state: outcome.state,
            next_attempt_at: outcome.state === 'pending' ? outcome.nextAttemptAt.toISOString() : null,
            last_status: outcome.status,
            last_error: outcome.error.slice(0, 500),
          },
    )
    .where('id', '=', delivery.id)
    .where('attempts', '=', delivery.attempts)
    .where('state', '=', 'pending')
    .execute()
}

/** The dead deliveries of an organisation's webhooks, newest change first. */
export async function listDeadDeliveries(
  db: Queryable,
  organisationId: number,
  limit: number,
): Promise<Array<WebhookDelivery & { url: string }>> {
  const rows = await db
    .selectFrom('webhook_delivery as d')
    .innerJoin('webhook as w', 'w.id', 'd.webhook_id')
    .selectAll('d')
    .select('w.url')
    .where('w.organisation_id', '=', organisationId)
    .where('d.state', '=', 'dead')
    .orderBy('d.seq', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => ({ ...toDelivery(row), url: row.url }))
}

export async function findDelivery(
  db: Queryable,
  id: number,
): Promise<(WebhookDelivery & { organisationId: number }) | undefined> {
  const row = await db
    .selectFrom('webhook_delivery as d')
    .innerJoin('webhook as w', 'w.id', 'd.webhook_id')
    .selectAll('d')
    .select('w.organisation_id')
    .where('d.id', '=', id)
    .executeTakeFirst()
  return row && { ...toDelivery(row), organisationId: row.organisation_id }
}

/** A dead delivery back in the queue, due now, with its attempts counted afresh. */
export async function requeueDeadDelivery(trx: Trx, id: number): Promise<boolean> {
  const result = await trx
    .updateTable('webhook_delivery')
    .set({ state: 'pending', attempts: 0, next_attempt_at: null })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Forgets deliveries delivered before `before` (dead and pending ones stay). */
export async function deleteDeliveredBefore(trx: Trx, before: Date): Promise<number> {
  const result = await trx
    .deleteFrom('webhook_delivery')
    .where('state', '=', 'delivered')
    .where('delivered_at', '<', before.toISOString())
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** The deliveries of one webhook in the order of the log (for tests and the command line). */
export async function listDeliveriesOfWebhook(db: Queryable, webhookId: number): Promise<WebhookDelivery[]> {
  const rows = await db
    .selectFrom('webhook_delivery')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('seq')
    .execute()
  return rows.map(toDelivery)
}
