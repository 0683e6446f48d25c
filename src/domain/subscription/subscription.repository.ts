import type { Queryable, Trx } from '../../db/database.ts'
import { forUpdate } from '../../db/dialect.ts'
import { parseSavedSearch, savedSearchText } from '../search/saved-search.ts'
import type { Subscription, SubscriptionTarget } from './subscription.ts'

const subscriptionColumns = [
  'subscription.id as id',
  'subscription.email as email',
  'subscription.target_kind as targetKind',
  'subscription.registry_number as registryNumber',
  'subscription.confirmed_at as confirmedAt',
  'subscription.unsubscribe_token as unsubscribeToken',
  'committee.id as committeeId',
  'committee.slug as committeeSlug',
  'committee.name as committeeName',
  'subscription.search_query as searchQuery',
  'person.id as personId',
  'person.slug as personSlug',
  'person.name as personName',
] as const

function baseQuery(db: Queryable) {
  return db
    .selectFrom('subscription')
    .leftJoin('committee', 'committee.id', 'subscription.committee_id')
    .leftJoin('person', 'person.id', 'subscription.person_id')
    .select(subscriptionColumns)
}

type SubscriptionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]

function targetOf(row: SubscriptionRow): SubscriptionTarget {
  if (row.targetKind === 'person')
    return {
      kind: 'person',
      personId: row.personId as number,
      personSlug: row.personSlug as string,
      personName: row.personName as string,
    }
  if (row.targetKind === 'search') {
    // Written by savedSearchText only; an unreadable one follows nothing rather than everything.
    const search = parseSavedSearch(row.searchQuery) ?? { q: '' }
    // The committee by its id: a search limited to it follows it under a new slug too.
    if (search.committeeSlug && row.committeeSlug) search.committeeSlug = row.committeeSlug
    return {
      kind: 'search',
      search,
      committeeId: row.committeeId ?? undefined,
      committeeName: row.committeeName ?? undefined,
    }
  }
  return row.targetKind === 'committee'
    ? {
        kind: 'committee',
        committeeId: row.committeeId as number,
        committeeSlug: row.committeeSlug as string,
        committeeName: row.committeeName as string,
      }
    : row.targetKind === 'matter'
      ? { kind: 'matter', registryNumber: row.registryNumber as string, title: null }
      : { kind: 'notice_board' }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    email: row.email,
    target: targetOf(row),
    confirmedAt: row.confirmedAt,
    unsubscribeToken: row.unsubscribeToken,
  }
}

/**
 * Creates the pending subscription, or gives an existing one (pending or confirmed) a new
 * confirmation token: one statement, so two requests at once still make one row.
 */
export async function upsertSubscription(
  trx: Trx,
  values: {
    email: string
    target: SubscriptionTarget
    targetKey: string
    confirmTokenHash: string
    unsubscribeToken: string
    now: Date
  },
): Promise<Subscription> {
  const { id } = await trx
    .insertInto('subscription')
    .values({
      email: values.email,
      target_kind: values.target.kind,
      // A saved search of one committee keeps it too: the subscription goes with the committee.
      committee_id:
        values.target.kind === 'committee'
          ? values.target.committeeId
          : values.target.kind === 'search'
            ? (values.target.committeeId ?? null)
            : null,
      person_id: values.target.kind === 'person' ? values.target.personId : null,
      search_query: values.target.kind === 'search' ? savedSearchText(values.target.search) : null,
      registry_number: values.target.kind === 'matter' ? values.target.registryNumber : null,
      target_key: values.targetKey,
      confirm_token_hash: values.confirmTokenHash,
      confirm_requested_at: values.now.toISOString(),
      unsubscribe_token: values.unsubscribeToken,
    })
    .onConflict((oc) =>
      oc.columns(['email', 'target_key']).doUpdateSet({
        confirm_token_hash: values.confirmTokenHash,
        confirm_requested_at: values.now.toISOString(),
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return toSubscription(await baseQuery(trx).where('subscription.id', '=', id).executeTakeFirstOrThrow())
}

export async function findSubscriptionByConfirmTokenHash(
  db: Queryable,
  hash: string,
): Promise<Subscription | undefined> {
  const row = await baseQuery(db).where('subscription.confirm_token_hash', '=', hash).executeTakeFirst()
  return row && toSubscription(row)
}

export async function findSubscriptionByUnsubscribeToken(
  db: Queryable,
  token: string,
): Promise<Subscription | undefined> {
  const row = await baseQuery(db).where('subscription.unsubscribe_token', '=', token).executeTakeFirst()
  return row && toSubscription(row)
}

export async function markSubscriptionConfirmed(trx: Trx, id: number, now: Date): Promise<void> {
  await trx
    .updateTable('subscription')
    .set((eb) => ({
      confirm_token_hash: null,
      confirmed_at: eb.fn.coalesce('confirmed_at', eb.val(now.toISOString())),
    }))
    .where('id', '=', id)
    .execute()
}

/** Deletes the row, and with it (cascade) the record of what was mailed. */
export async function deleteSubscription(trx: Trx, id: number): Promise<boolean> {
  const result = await trx.deleteFrom('subscription').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function listConfirmedSubscriptions(db: Queryable): Promise<Subscription[]> {
  const rows = await baseQuery(db)
    .where('subscription.confirmed_at', 'is not', null)
    .orderBy('subscription.id')
    .execute()
  return rows.map(toSubscription)
}

/** The item keys already mailed (or taken as the baseline) of these subscriptions, as `id item`. */
export async function listDeliveredKeys(
  db: Queryable,
  subscriptionIds: readonly number[],
  itemKeys: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>()
  // In chunks: saved searches and persons bring hundreds of keys each, and a statement may carry
  // only so many parameters (SQLite 32,766, PostgreSQL 65,535).
  for (const ids of chunked(subscriptionIds, 500))
    for (const keys of chunked(itemKeys, 500)) {
      const rows = await db
        .selectFrom('subscription_delivery')
        .select(['subscription_id', 'item_key'])
        .where('subscription_id', 'in', ids)
        .where('item_key', 'in', keys)
        .execute()
      for (const r of rows) found.add(`${r.subscription_id} ${r.item_key}`)
    }
  return found
}

function chunked<T>(list: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size))
  return chunks
}

/** Locks a subscription row for the transaction; false if it was deleted (unsubscribed) meanwhile. */
export async function lockSubscription(trx: Trx, id: number): Promise<boolean> {
  const row = await forUpdate(
    trx,
    trx.selectFrom('subscription').select('id').where('id', '=', id),
  ).executeTakeFirst()
  return row !== undefined
}

/**
 * Records items as mailed to a subscription and returns those this call recorded: an item another
 * server recorded first is left out (the unique constraint decides), so it is mailed once.
 */
export async function recordDeliveries(
  trx: Trx,
  subscriptionId: number,
  itemKeys: readonly string[],
): Promise<Set<string>> {
  if (itemKeys.length === 0) return new Set()
  // Sorted, so two servers take the index entries in the same order and never deadlock.
  const rows = await trx
    .insertInto('subscription_delivery')
    .values([...itemKeys].sort().map((key) => ({ subscription_id: subscriptionId, item_key: key })))
    .onConflict((oc) => oc.columns(['subscription_id', 'item_key']).doNothing())
    .returning('item_key')
    .execute()
  return new Set(rows.map((r) => r.item_key))
}

/** Unconfirmed subscriptions whose confirmation was asked before `before` are deleted. */
export async function deleteUnconfirmedBefore(trx: Trx, before: Date): Promise<number> {
  const result = await trx
    .deleteFrom('subscription')
    .where('confirmed_at', 'is', null)
    .where('confirm_requested_at', '<', before.toISOString())
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function insertSubscriptionRequest(
  trx: Trx,
  values: { emailHash: string; ipHash: string; mailed: boolean; now: Date },
): Promise<void> {
  await trx
    .insertInto('subscription_request')
    .values({
      email_hash: values.emailHash,
      ip_hash: values.ipHash,
      mailed: values.mailed,
      requested_at: values.now.toISOString(),
    })
    .execute()
}

export async function countMailedRequestsOfAddress(db: Queryable, emailHash: string, since: Date) {
  const row = await db
    .selectFrom('subscription_request')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('email_hash', '=', emailHash)
    .where('mailed', '=', true)
    .where('requested_at', '>=', since.toISOString())
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countRequestsOfIp(db: Queryable, ipHash: string, since: Date) {
  const row = await db
    .selectFrom('subscription_request')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('ip_hash', '=', ipHash)
    .where('requested_at', '>=', since.toISOString())
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function deleteRequestsBefore(trx: Trx, before: Date): Promise<void> {
  await trx.deleteFrom('subscription_request').where('requested_at', '<', before.toISOString()).execute()
}
