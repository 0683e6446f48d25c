import { createHash, randomBytes } from 'node:crypto'
import { type SavedSearch, savedSearchText } from '../search/saved-search.ts'
import { searchKindLabels } from '../search/search.ts'

/** What an address may follow by e-mail (bevakning). */
export type SubscriptionTarget =
  | { kind: 'committee'; committeeId: number; committeeSlug: string; committeeName: string }
  | { kind: 'matter'; registryNumber: string; title: string | null }
  | { kind: 'notice_board' }
  | { kind: 'person'; personId: number; personSlug: string; personName: string }
  | {
      kind: 'search'
      search: SavedSearch
      /** The committee the search is limited to, if any. */
      committeeId?: number | undefined
      committeeName?: string | undefined
    }

/** A confirmed or pending subscription, as the job and the pages see it. */
export interface Subscription {
  id: number
  email: string
  target: SubscriptionTarget
  confirmedAt: string | null
  unsubscribeToken: string
}

/** At most this many confirmation mails per address and day: the form cannot mail-bomb anyone. */
export const maxConfirmationMailsPerAddressPerDay = 3
/** Requests per IP address and hour; higher, since a whole town hall may share one address. */
export const maxRequestsPerIpPerHour = 20
/** An unconfirmed subscription is deleted after this many days (GDPR art. 5(1)(e)). */
export const unconfirmedRetentionDays = 7

/** The key that makes one address follow one thing once. */
export function targetKey(target: SubscriptionTarget): string {
  if (target.kind === 'committee') return `committee:${target.committeeId}`
  if (target.kind === 'matter') return `matter:${target.registryNumber}`
  if (target.kind === 'person') return `person:${target.personId}`
  if (target.kind === 'search') return `search:${savedSearchText(target.search)}`
  return 'notice_board'
}

/** What is followed, in Swedish, for pages and mail. */
export function describeTarget(target: SubscriptionTarget): string {
  if (target.kind === 'committee') return target.committeeName
  if (target.kind === 'matter')
    return `ärende ${target.registryNumber}${target.title ? ` (${target.title})` : ''}`
  if (target.kind === 'person') return target.personName
  if (target.kind === 'search') return describeSearch(target.search, target.committeeName)
  return 'anslagstavlan'
}

/** "sökningen ”budget” (Socialnämnden, 2024, parti S, paragrafer i protokoll)". */
function describeSearch(search: SavedSearch, committeeName: string | undefined): string {
  const filters = [
    search.committeeSlug ? (committeeName ?? search.committeeSlug) : undefined,
    search.year === undefined ? undefined : String(search.year),
    search.party ? `parti ${search.party}` : undefined,
    search.kind ? searchKindLabels[search.kind].toLowerCase() : undefined,
  ].filter(Boolean)
  return `sökningen ”${search.q.trim()}”${filters.length > 0 ? ` (${filters.join(', ')})` : ''}`
}

/** Trimmed and lower case: the address as the subscription stores and compares it. */
export const normaliseAddress = (email: string) => email.trim().toLowerCase()

/** A random token for a link in a mail: 256 bits, URL-safe. */
export const newToken = () => randomBytes(32).toString('base64url')

/** SHA-256, hex: what is stored of a confirmation token, an address or an IP for the rate limit. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
