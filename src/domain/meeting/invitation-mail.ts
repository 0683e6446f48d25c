import type { AgendaEntry } from '../agenda/agenda.service.ts'
import { agendaItemStatusLabels } from '../agenda/agenda-item.ts'
import type { OutgoingMail } from '../mail/outgoing-mail.ts'
import { type MembershipRole, membershipRoleLabels } from '../membership/membership.ts'
import { formatDate, formatLongDate, formatTimeSpan } from '../shared/swedish-date.ts'
import type { Meeting } from './meeting.ts'

// The kallelse by e-mail (KL 5:15 for fullmäktige, the reglemente for committees): time, place and
// the matters to be dealt with. Mail is no safe channel, so it carries only what is public: the
// public agenda (confidential items under their neutral title, OSL) and a link to the meeting page,
// where members who may read more sign in.

export interface InvitationMailInput {
  committeeName: string
  meeting: Meeting
  /** The agenda as the public sees it (publicAgenda): never the full one. */
  publicAgenda: readonly AgendaEntry[]
  meetingUrl: string
  recipient: { name: string; email: string; role: MembershipRole }
  lateReason?: string | undefined
}

/** The invitation to one member or substitute, in Swedish. */
export function composeInvitationMail(input: InvitationMailInput): OutgoingMail {
  const { committeeName, meeting, recipient } = input
  const time = formatTimeSpan(meeting.startTime, meeting.endTime)
  const lines = [
    `Hej ${recipient.name},`,
    '',
    `Du kallas som ${membershipRoleLabels[recipient.role]} till sammanträde med ${committeeName}.`,
    '',
    `Dag: ${formatLongDate(meeting.meetsOn)}`,
    ...(time ? [`Tid: ${time}`] : []),
    ...(meeting.location ? [`Plats: ${meeting.location}`] : []),
    '',
    'Föredragningslista:',
    ...agendaLines(input.publicAgenda),
    '',
    'Handlingarna finns på sammanträdets sida:',
    input.meetingUrl,
    ...(input.lateReason
      ? ['', `Kallelsen skickas ut senare än kallelsetiden. Skäl: ${input.lateReason}`]
      : []),
    '',
    `Meddelandet skickas till ledamöter och ersättare i ${committeeName}.`,
  ]
  return {
    to: recipient.email,
    subject: `Kallelse: ${committeeName} ${formatDate(meeting.meetsOn)}`,
    text: `${lines.join('\n')}\n`,
  }
}

function agendaLines(agenda: readonly AgendaEntry[]): string[] {
  if (agenda.length === 0) return ['(Föredragningslistan är tom.)']
  const lines: string[] = []
  let heading: string | null = null
  for (const { item } of agenda) {
    if (item.heading && item.heading !== heading) lines.push('', item.heading)
    heading = item.heading
    const title = item.title ?? firstLine(item.summary) ?? ''
    const status = agendaItemStatusLabels[item.status]
    lines.push(`${item.number ?? item.position}. ${title}${status ? ` (${status.toLowerCase()})` : ''}`)
  }
  return lines
}

function firstLine(text: string | null): string | undefined {
  const line = text?.split('\n')[0]?.trim()
  if (!line) return undefined
  return line.length > 120 ? `${line.slice(0, 119)}…` : line
}

/**
 * The meeting page on the portal: the address of paths.meeting in web/paths.ts (the domain does not
 * import the web; publish-notice.test.ts holds the two together).
 */
export function meetingPageUrl(publicUrl: string, committeeSlug: string, meetingSlug: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/committees/${committeeSlug}/${meetingSlug}`
}
