import { createHmac, randomBytes } from 'node:crypto'
import { type PublicKind, publicKinds } from '../public-record/public-record.ts'
import { oparlLinks } from '../publication/oparl/oparl-links.ts'
import { oparlAddressOf } from '../publication/oparl/oparl-tombstones.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    webhook_url_missing: undefined
    webhook_url_too_long: undefined
    webhook_url_invalid: undefined
    webhook_url_not_https: undefined
    webhook_url_credentials: undefined
  }
}

// Webhooks: each row of the public change log (public_change) of an organisation is POSTed to the
// URLs its administrators registered. Pure rules here: what a URL must be, what a delivery says,
// how it is signed, and when a failed one is tried again (docs/api.md, "Webhooks").

/** A registered URL, as the workspace lists it (the secret is never read back for display). */
export interface Webhook {
  id: number
  organisationId: number
  url: string
  createdAt: string
  createdBy: string
  /** The last seq of the public change log queued for it. */
  afterSeq: number
}

export type DeliveryState = 'pending' | 'delivered' | 'dead'

/** One change on its way to one webhook. */
export interface WebhookDelivery {
  id: number
  webhookId: number
  seq: number
  body: string
  state: DeliveryState
  attempts: number
  nextAttemptAt: string | null
  deliveredAt: string | null
  lastAttemptAt: string | null
  lastStatus: number | null
  lastError: string | null
}

/** A row of the public change log (migration 0024). */
export interface PublicChange {
  seq: number
  kind: string
  objectId: number
  action: 'appeared' | 'changed' | 'vanished'
  changedAt: string
}

/** After this many failed attempts a delivery is dead: listed in the workspace, sent again by hand. */
export const maxWebhookAttempts = 10

/** The first wait after a failure; each later wait doubles (1, 2, 4 … 256 minutes: 8.5 hours in all). */
export const firstRetryDelayMs = 60_000

/** How long one server may take over a claimed delivery before another may try it (the request times out long before). */
export const webhookLeaseMs = 2 * 60_000

/** How long a delivered delivery is kept (for the counts in the workspace), in days. */
export const deliveredRetentionDays = 30

/** How long the receiver has to answer one POST. */
export const webhookTimeoutMs = 10_000

/** When a delivery that has failed `attempts` times may be tried again. */
export function nextWebhookAttempt(attempts: number, now: Date): Date {
  const doublings = Math.min(Math.max(attempts, 1), maxWebhookAttempts) - 1
  return new Date(now.getTime() + firstRetryDelayMs * 2 ** doublings)
}

export type WebhookUrlProblem = 'missing' | 'too_long' | 'invalid' | 'not_https' | 'credentials'

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Why a URL cannot be registered, or undefined when it can. Deliveries go over HTTPS, so the
 * signature and the change cannot be read or altered on the way; plain HTTP only to this machine
 * (a receiver behind a local proxy, or a test). No user name or password in the URL: it is shown
 * in the workspace and the log.
 */
export function webhookUrlProblem(url: string): WebhookUrlProblem | undefined {
  if (url === '') return 'missing'
  if (url.length > 2000) return 'too_long'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'invalid'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'invalid'
  if (!parsed.hostname) return 'invalid'
  if (parsed.username || parsed.password) return 'credentials'
  if (parsed.protocol === 'http:' && !loopbackHosts.has(parsed.hostname) && !/^127\./.test(parsed.hostname))
    return 'not_https'
  return undefined
}

/** A new shared secret: 32 random bytes, hex, with a prefix that says what it is. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('hex')}`
}

/**
 * The public address of a changed object: its OParl URL (the id of the object, and of its
 * tombstone once it has vanished). Kinds are OParl's, by the names of their addresses
 * (domain/public-record); null for a kind without one.
 */
export function publicUrlOfChange(publicUrl: string, kind: string, id: number): string | null {
  const links = oparlLinks(publicUrl)
  const name = kind.replace(/_/g, '-')
  if ((publicKinds as readonly string[]).includes(name)) {
    return oparlAddressOf(links, name as PublicKind, id)
  }
  // Kinds with an OParl address that the public change log does not follow (yet).
  switch (name) {
    case 'body':
      return links.body(id)
    case 'legislative-term':
      return links.legislativeTerm(id)
    default:
      return null
  }
}

/**
 * What a delivery says: which object, what happened to it, where it is, and never any of its
 * content (a vanished object must reveal nothing; the receiver reads the public API for the rest).
 */
export function webhookBody(change: PublicChange, publicUrl: string): string {
  return JSON.stringify({
    seq: change.seq,
    kind: change.kind,
    id: change.objectId,
    action: change.action,
    time: new Date(change.changedAt).toISOString(),
    url: publicUrlOfChange(publicUrl, change.kind, change.objectId),
  })
}

/**
 * The `Paragraf-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed
 * with the shared secret (as UTF-8). The time is signed with the body, so a receiver that refuses
 * old timestamps cannot be sent a captured delivery again later.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')
  return `t=${unixSeconds},v1=${mac}`
}
