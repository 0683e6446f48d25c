import type { OutgoingMail } from '../mail/outgoing-mail.ts'
import { formatDate, formatLongDate } from '../shared/swedish-date.ts'

// The reminder to sign off the minutes in time (KL 5:69: within 14 days of the meeting). Sent twice
// at most to each address: a few days before the deadline, and on the last day (or, if the first
// chance comes later, when it has passed). The mail says only what the recipient may already know:
// the committee, the dates and a link; the draft itself is behind the sign-in (TF 2:10).

export type ReminderStage = 'due_soon' | 'last_day'

/** The first reminder goes out when the deadline is this many days away (or fewer, when first seen). */
export const reminderDaysAhead = 3

/**
 * Minutes overdue by more than this get no mail: a draft left from an import or from years ago would
 * otherwise remind everyone the first time the job runs. The workspace start page still shows them.
 */
export const reminderOverdueLimitDays = 14

/** Which reminder is due with `daysLeft` to the deadline (0 on the last day), if any. */
export function reminderStageFor(daysLeft: number): ReminderStage | undefined {
  if (daysLeft > reminderDaysAhead || daysLeft < -reminderOverdueLimitDays) return undefined
  return daysLeft > 0 ? 'due_soon' : 'last_day'
}

export interface SignOffReminderMailInput {
  committeeName: string
  meetsOn: string
  deadline: string
  /** 0 on the last day, negative when overdue. */
  daysLeft: number
  recipient: { name: string; email: string }
  /** The recipient is a signatory: where to sign, one address per pending sign-off not yet signed. */
  signUrls: readonly string[]
  /** The recipient is the committee's secretary: the minutes' sign-off page and who has yet to sign. */
  secretary?: { url: string; unsignedNames: readonly string[] } | undefined
}

/** The reminder to one signatory or secretary, in Swedish. */
export function composeSignOffReminderMail(input: SignOffReminderMailInput): OutgoingMail {
  const { committeeName, meetsOn, deadline, daysLeft, secretary } = input
  const lines = [
    `Hej ${input.recipient.name},`,
    '',
    `Protokollet från sammanträdet med ${committeeName} ${formatLongDate(meetsOn)} ska vara justerat ` +
      `senast ${formatLongDate(deadline)} (14 dagar efter sammanträdet, 5 kap. 69 § kommunallagen).`,
    timing(daysLeft),
  ]
  if (input.signUrls.length > 0) {
    lines.push(
      '',
      'Du är utsedd att justera protokollet och har ännu inte skrivit under. Logga in och justera här:',
      ...input.signUrls,
    )
  }
  if (secretary) {
    lines.push(
      '',
      `Du får påminnelsen som sekreterare för ${committeeName}.`,
      secretary.unsignedNames.length > 0
        ? `Har ännu inte skrivit under: ${secretary.unsignedNames.join(', ')}.`
        : 'Inga paragrafer väntar på underskrift: de återstående behöver lämnas till justering.',
      'Justeringen följs upp här:',
      secretary.url,
    )
  }
  lines.push(
    '',
    'Meddelandet skickas automatiskt till justerare som ännu inte har skrivit under och till nämndens sekreterare.',
  )
  return {
    to: input.recipient.email,
    subject: `${subjectStart(daysLeft)}: ${committeeName} ${formatDate(meetsOn)}`,
    text: `${lines.join('\n')}\n`,
  }
}

function subjectStart(daysLeft: number): string {
  if (daysLeft > 0) return 'Påminnelse om justering av protokoll'
  if (daysLeft === 0) return 'Sista dagen att justera protokoll'
  return 'Försenad justering av protokoll'
}

function timing(daysLeft: number): string {
  const days = (n: number) => (n === 1 ? '1 dag' : `${n} dagar`)
  if (daysLeft > 0) return `Det är ${days(daysLeft)} kvar.`
  if (daysLeft === 0) return 'I dag är sista dagen.'
  return `Tiden gick ut för ${days(-daysLeft)} sedan. Justera protokollet så snart som möjligt.`
}

/**
 * The page where a signatory signs: the address of minutesPaths.sign in web/admin/minutes/minutes.paths.ts
 * (the domain does not import the web; sign-off-reminder-mail.test.ts holds the two together).
 */
export function signPageUrl(publicUrl: string, signOffId: number): string {
  return `${publicUrl.replace(/\/+$/, '')}/admin/justera/${signOffId}`
}

/** The secretary's sign-off page of the minutes: the address of minutesPaths.prepareSignOff. */
export function minutesSignOffPageUrl(publicUrl: string, committeeSlug: string, meetingSlug: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/admin/namnder/${committeeSlug}/sammantraden/${meetingSlug}/protokoll/justering`
}
