import type { OutgoingMail } from '../mail/outgoing-mail.ts'
import { describeTarget, type SubscriptionTarget, unconfirmedRetentionDays } from './subscription.ts'
import { matterPath, type PublishedItem, personPath, searchPath } from './subscription-items.ts'

// The mails of a subscription: plain Swedish text, links to the portal, and in every one a link
// that ends the subscription at once, also as the headers of RFC 8058 (one-click unsubscribe).

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '')

export const confirmUrl = (publicUrl: string, token: string) =>
  `${base(publicUrl)}/bevaka/bekrafta?token=${encodeURIComponent(token)}`

export const unsubscribeUrl = (publicUrl: string, token: string) =>
  `${base(publicUrl)}/bevaka/avsluta?token=${encodeURIComponent(token)}`

/** The portal page of what is followed. */
export function targetPath(target: SubscriptionTarget): string {
  if (target.kind === 'committee') return `/committees/${target.committeeSlug}`
  if (target.kind === 'matter') return matterPath(target.registryNumber)
  if (target.kind === 'person') return personPath(target.personSlug)
  if (target.kind === 'search') return searchPath(target.search)
  return '/anslagstavla'
}

function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

const footer = (url: string) =>
  [
    '--',
    'Du får det här meddelandet för att din e-postadress har anmälts för bevakning.',
    `Avsluta bevakningen (adressen raderas): ${url}`,
  ].join('\n')

/** The confirmation mail of double opt-in (GDPR art. 7): nothing is sent until the link is opened. */
export function composeConfirmationMail(input: {
  to: string
  target: SubscriptionTarget
  publicUrl: string
  confirmToken: string
  unsubscribeToken: string
}): OutgoingMail {
  const what = describeTarget(input.target)
  const stop = unsubscribeUrl(input.publicUrl, input.unsubscribeToken)
  return {
    to: input.to,
    subject: `Bekräfta bevakning: ${what}`,
    text: [
      'Hej!',
      '',
      `Någon, förhoppningsvis du, har bett om e-post när det publiceras något nytt om ${what}.`,
      '',
      'Öppna länken och bekräfta för att börja bevaka:',
      confirmUrl(input.publicUrl, input.confirmToken),
      '',
      `Var det inte du behöver du inte göra något. Utan bekräftelse raderas adressen efter ${unconfirmedRetentionDays} dagar.`,
      '',
      footer(stop),
    ].join('\n'),
    headers: unsubscribeHeaders(stop),
  }
}

/** The most items one mail lists; the rest are named by their number, with the link to all of them. */
export const mostItemsPerMail = 50

/** One mail with everything new since the last run for one subscription (a digest when several). */
export function composeDigestMail(input: {
  to: string
  target: SubscriptionTarget
  publicUrl: string
  unsubscribeToken: string
  items: readonly PublishedItem[]
}): OutgoingMail {
  const what = describeTarget(input.target)
  const stop = unsubscribeUrl(input.publicUrl, input.unsubscribeToken)
  const n = input.items.length
  return {
    to: input.to,
    subject: `Nytt om ${what}${n > 1 ? ` (${n})` : ''}`,
    text: [
      `Nytt publicerat om ${what}:`,
      '',
      ...input.items
        .slice(0, mostItemsPerMail)
        .flatMap((item) => [`- ${item.text}`, `  ${base(input.publicUrl)}${item.path}`, '']),
      ...(n > mostItemsPerMail ? [`… och ${n - mostItemsPerMail} till.`, ''] : []),
      `Allt om ${what}: ${base(input.publicUrl)}${targetPath(input.target)}`,
      '',
      footer(stop),
    ].join('\n'),
    headers: unsubscribeHeaders(stop),
  }
}
