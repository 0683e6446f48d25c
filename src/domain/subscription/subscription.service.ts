import { type Db, inTransaction } from '../../db/database.ts'
import { findCommitteeBySlug } from '../committee/committee.reads.ts'
import { queueMail } from '../mail/mail.service.ts'
import { isEmailAddress } from '../mail/outgoing-mail.ts'
import { findPersonBySlug } from '../person/person.reads.ts'
import { readMatterRecord } from '../publication/matter-record.ts'
import type { SavedSearch } from '../search/saved-search.ts'
import { queryTerms } from '../search/search-text.ts'
import { InvalidInputError } from '../shared/errors.ts'
import { todayInSweden } from '../shared/swedish-date.ts'
import {
  countMailedRequestsOfAddress,
  countRequestsOfIp,
  deleteSubscription,
  findSubscriptionByConfirmTokenHash,
  findSubscriptionByUnsubscribeToken,
  insertSubscriptionRequest,
  markSubscriptionConfirmed,
  recordDeliveries,
  upsertSubscription,
} from './subscription.repository.ts'
import {
  maxConfirmationMailsPerAddressPerDay,
  maxRequestsPerIpPerHour,
  newToken,
  normaliseAddress,
  type Subscription,
  type SubscriptionTarget,
  sha256,
  targetKey,
} from './subscription.ts'
import { listPublishedItems } from './subscription-items.ts'
import { composeConfirmationMail } from './subscription-mail.ts'

// No audit rows for subscriptions. They are a citizen's personal data, not an act of the authority:
// the audit log is kept for the archive, far longer than a subscription lives, so a row there would
// outlive the deletion GDPR art. 17 and 5(1)(e) promise. The consent itself is shown by the row's
// confirmed_at (art. 7(1)), and goes with the row when the subscriber leaves.

/**
 * What the subscribe form names: a committee by slug, a matter by registry number, the board, a
 * person by slug, or the words and filters of a search.
 */
export type SubscriptionRequestTarget =
  | { committeeSlug: string }
  | { registryNumber: string }
  | { noticeBoard: true }
  | { personSlug: string }
  | { search: SavedSearch }

/**
 * The thing to follow, or undefined when there is no such public thing: an unknown committee or
 * person, a search with no words or of an unknown committee, or a registry number not seen on a
 * published agenda or in signed-off minutes (a confidential matter is as unknown here as on the
 * matter page).
 */
export async function resolveSubscriptionTarget(
  db: Db,
  request: SubscriptionRequestTarget,
): Promise<SubscriptionTarget | undefined> {
  if ('committeeSlug' in request) {
    const committee = await findCommitteeBySlug(db, request.committeeSlug)
    return committee
      ? {
          kind: 'committee',
          committeeId: committee.id,
          committeeSlug: committee.slug,
          committeeName: committee.name,
        }
      : undefined
  }
  if ('personSlug' in request) {
    const person = await findPersonBySlug(db, request.personSlug)
    return person
      ? { kind: 'person', personId: person.id, personSlug: person.slug, personName: person.name }
      : undefined
  }
  if ('search' in request) {
    // A search with no words to look for (only small words like "och") finds nothing, ever.
    if (queryTerms(request.search.q).length === 0) return undefined
    const slug = request.search.committeeSlug
    const committee = slug ? await findCommitteeBySlug(db, slug) : undefined
    if (slug && !committee) return undefined
    return {
      kind: 'search',
      search: { ...request.search, q: request.search.q.trim().replace(/\s+/g, ' ') },
      committeeId: committee?.id,
      committeeName: committee?.name,
    }
  }
  if ('registryNumber' in request) {
    const record = await readMatterRecord(db, request.registryNumber)
    return record
      ? { kind: 'matter', registryNumber: record.matter.registryNumber, title: record.matter.title }
      : undefined
  }
  return { kind: 'notice_board' }
}

/**
 * Asks an address to confirm that it wants to follow something (double opt-in, GDPR art. 6(1)(a)
 * and 7): queues the confirmation mail, unless the address had three today or the IP too many this
 * hour. The caller cannot tell which happened, so the form reveals nothing about an address.
 */
export async function requestSubscription(
  db: Db,
  input: { email: string; target: SubscriptionTarget; ip: string; publicUrl: string; now: Date },
): Promise<void> {
  const email = normaliseAddress(input.email)
  if (!isEmailAddress(email)) throw new InvalidInputError('email_malformed', 'not an e-mail address', 'email')
  const emailHash = sha256(`address:${email}`)
  const ipHash = sha256(`ip:${input.ip}`)
  const dayAgo = new Date(input.now.getTime() - 24 * 60 * 60_000)
  const hourAgo = new Date(input.now.getTime() - 60 * 60_000)
  await inTransaction(db, async (trx) => {
    const allowed =
      (await countMailedRequestsOfAddress(trx, emailHash, dayAgo)) < maxConfirmationMailsPerAddressPerDay &&
      (await countRequestsOfIp(trx, ipHash, hourAgo)) < maxRequestsPerIpPerHour
    await insertSubscriptionRequest(trx, { emailHash, ipHash, mailed: allowed, now: input.now })
    if (!allowed) return
    const confirmToken = newToken()
    const subscription = await upsertSubscription(trx, {
      email,
      target: input.target,
      targetKey: targetKey(input.target),
      confirmTokenHash: sha256(confirmToken),
      unsubscribeToken: newToken(),
      now: input.now,
    })
    await queueMail(trx, [
      composeConfirmationMail({
        to: email,
        target: input.target,
        publicUrl: input.publicUrl,
        confirmToken,
        unsubscribeToken: subscription.unsubscribeToken,
      }),
    ])
  })
}

/** The subscription a confirmation link is for, if the link is still valid. */
export function findSubscriptionToConfirm(db: Db, token: string): Promise<Subscription | undefined> {
  return findSubscriptionByConfirmTokenHash(db, sha256(token))
}

/**
 * Activates the subscription of a confirmation link, once (the token is then void). What is public
 * already is recorded as told, so the first mail brings only what is published after this moment.
 */
export async function confirmSubscription(
  db: Db,
  token: string,
  now: Date,
): Promise<Subscription | undefined> {
  return inTransaction(db, async (trx) => {
    const subscription = await findSubscriptionByConfirmTokenHash(trx, sha256(token))
    if (!subscription) return undefined
    await markSubscriptionConfirmed(trx, subscription.id, now)
    const items =
      (await listPublishedItems(trx, [subscription], todayInSweden(now))).get(subscription.id) ?? []
    await recordDeliveries(
      trx,
      subscription.id,
      items.map((i) => i.key),
    )
    return subscription
  })
}

/** The subscription an unsubscribe link is for. */
export function findSubscriptionToCancel(db: Db, token: string): Promise<Subscription | undefined> {
  return findSubscriptionByUnsubscribeToken(db, token)
}

/** Ends a subscription: the row with the address is deleted (GDPR art. 7(3), 17). False if gone already. */
export async function cancelSubscription(db: Db, token: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const subscription = await findSubscriptionByUnsubscribeToken(trx, token)
    return subscription ? deleteSubscription(trx, subscription.id) : false
  })
}
