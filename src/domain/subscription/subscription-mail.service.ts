import { type Db, inTransaction } from '../../db/database.ts'
import { queueMail } from '../mail/mail.service.ts'
import { todayInSweden } from '../shared/swedish-date.ts'
import {
  deleteRequestsBefore,
  deleteUnconfirmedBefore,
  listConfirmedSubscriptions,
  listDeliveredKeys,
  lockSubscription,
  recordDeliveries,
} from './subscription.repository.ts'
import { unconfirmedRetentionDays } from './subscription.ts'
import { listPublishedItems } from './subscription-items.ts'
import { composeDigestMail } from './subscription-mail.ts'

/**
 * Queues one mail per confirmed subscription with what was published since it was last told (a
 * digest when several things), and returns how many. Each item is recorded as told in the
 * transaction that queues its mail, under a unique constraint: nothing goes out twice, however many
 * servers run this at once, and nothing is missed. Also deletes unconfirmed subscriptions after
 * seven days and rate-limit records after a day (GDPR art. 5(1)(e)).
 */
export async function queueSubscriptionMail(
  db: Db,
  input: { publicUrl: string; now?: Date },
): Promise<number> {
  const now = input.now ?? new Date()
  await inTransaction(db, (trx) =>
    deleteUnconfirmedBefore(trx, new Date(now.getTime() - unconfirmedRetentionDays * 24 * 60 * 60_000)),
  )
  await inTransaction(db, (trx) => deleteRequestsBefore(trx, new Date(now.getTime() - 24 * 60 * 60_000)))
  const subscriptions = await listConfirmedSubscriptions(db)
  if (subscriptions.length === 0) return 0
  const items = await listPublishedItems(db, subscriptions, todayInSweden(now))
  const delivered = await listDeliveredKeys(
    db,
    subscriptions.map((s) => s.id),
    [...new Set([...items.values()].flat().map((i) => i.key))],
  )
  let queued = 0
  // One transaction per subscription: short, and servers never wait on each other in a cycle.
  for (const subscription of subscriptions) {
    const fresh = (items.get(subscription.id) ?? []).filter(
      (i) => !delivered.has(`${subscription.id} ${i.key}`),
    )
    if (fresh.length === 0) continue
    const sent = await inTransaction(db, async (trx) => {
      // Unsubscribed since it was listed: its row, and the address, are gone; so is the mail.
      if (!(await lockSubscription(trx, subscription.id))) return false
      const recorded = await recordDeliveries(
        trx,
        subscription.id,
        fresh.map((i) => i.key),
      )
      const mine = fresh.filter((i) => recorded.has(i.key))
      if (mine.length === 0) return false
      await queueMail(trx, [
        composeDigestMail({
          to: subscription.email,
          target: subscription.target,
          publicUrl: input.publicUrl,
          unsubscribeToken: subscription.unsubscribeToken,
          items: mine,
        }),
      ])
      return true
    })
    if (sent) queued++
  }
  return queued
}
