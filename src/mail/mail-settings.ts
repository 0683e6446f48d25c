import { isEmailAddress } from '../domain/mail/outgoing-mail.ts'

// The environment's mail settings, checked so that every problem is reported with the others
// (config.ts). Mail is optional: without SMTP_URL nothing is sent and the outbox waits.

/** How to reach the mail server, and the sender of every mail. */
export interface MailSettings {
  /** smtp://[USER:PASSWORD@]HOST:PORT, or smtps:// for TLS from the start. */
  readonly smtpUrl: string
  /** "Paragraf <noreply@kommun.se>" or just the address. */
  readonly from: string
  /** How often `paragraf serve` empties the outbox (MAIL_INTERVAL_SECONDS); undefined: every 30 s. */
  readonly intervalSeconds?: number
}

/**
 * SMTP_URL, MAIL_FROM and MAIL_INTERVAL_SECONDS: undefined without SMTP_URL, otherwise the settings
 * or the problems found.
 */
export function parseMailSettings(input: {
  SMTP_URL?: string | undefined
  MAIL_FROM?: string | undefined
  MAIL_INTERVAL_SECONDS?: string | undefined
}): MailSettings | undefined | string[] {
  const problems: string[] = []
  const { SMTP_URL: smtpUrl, MAIL_FROM: from, MAIL_INTERVAL_SECONDS: interval } = input
  const intervalSeconds = interval === undefined ? undefined : Number(interval)
  if (
    intervalSeconds !== undefined &&
    !(Number.isInteger(intervalSeconds) && intervalSeconds >= 1 && intervalSeconds <= 3600)
  )
    problems.push('MAIL_INTERVAL_SECONDS ska vara ett helt antal sekunder, 1–3600')
  if (!smtpUrl)
    return from && !isSender(from) ? [...problems, fromProblem] : problems.length > 0 ? problems : undefined
  let url: URL | undefined
  try {
    url = new URL(smtpUrl)
  } catch {}
  if (!url || !/^smtps?:$/.test(url.protocol) || !url.hostname)
    problems.push('SMTP_URL ska vara smtp://HOST:PORT eller smtps://HOST:PORT (smtp://127.0.0.1:2525)')
  if (!from) problems.push('MAIL_FROM behövs när SMTP_URL är satt (Paragraf <noreply@kommun.se>)')
  else if (!isSender(from)) problems.push(fromProblem)
  if (problems.length > 0 || !from) return problems
  return intervalSeconds === undefined ? { smtpUrl, from } : { smtpUrl, from, intervalSeconds }
}

const fromProblem = 'MAIL_FROM ska vara en e-postadress, eller "Namn <adress>"'

function isSender(value: string): boolean {
  const named = /^[^<>]*<([^<>]+)>$/.exec(value.trim())
  return isEmailAddress(named ? (named[1] ?? '') : value.trim())
}

/** PUBLIC_URL, the portal's address in links sent by mail: http(s), no query; undefined when not set. */
export function parsePublicUrl(value: string | undefined): string | undefined | string[] {
  if (!value) return undefined
  try {
    const url = new URL(value)
    if (/^https?:$/.test(url.protocol) && !url.search && !url.hash) return value.replace(/\/+$/, '')
  } catch {}
  return ['PUBLIC_URL ska vara portalens adress, http(s)://HOST[/SÖKVÄG] (https://paragraf.kommun.se)']
}
