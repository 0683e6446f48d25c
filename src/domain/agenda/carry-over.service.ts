import type { Queryable, Trx } from '../../db/database.ts'
// The read entries of meetings and minutes rather than their services: scheduling a meeting carries
// matters over itself, and the minutes' service calls the meeting's, so importing either would close a cycle.
import { getMeeting, listMeetingRows as listMeetings } from '../meeting/meeting.reads.ts'
import type { Meeting } from '../meeting/meeting.ts'
import { findMinutesOfMeeting, listSectionRows as listSections } from '../minutes/minutes.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { addAgendaItem, getAgenda } from './agenda.service.ts'
import type { AgendaItem } from './agenda-item.ts'

const outcomeText = { tabled: 'Bordlades', referred_back: 'Återremitterades' } as const

/**
 * Puts the matters a meeting tabled (bordläggning) or referred back (återremiss) on the agenda of the
 * committee's next meeting that is still being prepared (B5): each once, with its registry number,
 * and a line saying where it comes from. Returns the items added.
 */
export async function carryOverMatters(
  trx: Trx,
  actor: Actor,
  input: { fromMeetingId: number },
): Promise<AgendaItem[]> {
  const from = await getMeeting(trx, input.fromMeetingId)
  const next = await nextPreparedMeeting(trx, from)
  const minutes = await findMinutesOfMeeting(trx, from.id)
  if (!next || !minutes) return []
  const undecided = (await listSections(trx, [minutes.id])).filter(
    (s): s is typeof s & { outcome: keyof typeof outcomeText } =>
      s.outcome === 'tabled' || s.outcome === 'referred_back',
  )
  if (undecided.length === 0) return []
  const [fromAgenda, nextAgenda] = await Promise.all([getAgenda(trx, from.id), getAgenda(trx, next.id)])
  const added: AgendaItem[] = []
  for (const section of undecided) {
    const origin = fromAgenda.find((e) => e.item.id === section.agendaItemId)?.item
    const matterId = origin?.matterId ?? null
    const already = nextAgenda.some((e) =>
      matterId !== null ? e.item.matterId === matterId : e.item.title === section.title,
    )
    if (already) continue
    added.push(
      await addAgendaItem(trx, actor, {
        meetingId: next.id,
        title: section.title,
        summary: `${outcomeText[section.outcome]} vid sammanträdet ${from.meetsOn} (${section.label}).`,
        ...(matterId !== null ? { matterId } : {}),
        ...(origin?.proposal.length ? { proposal: origin.proposal } : {}),
        ...(origin?.confidential
          ? { confidential: true, confidentialityGround: origin.confidentialityGround ?? '' }
          : {}),
      }),
    )
  }
  return added
}

async function nextPreparedMeeting(db: Queryable, from: Meeting): Promise<Meeting | undefined> {
  const later = await listMeetings(db, {
    committeeIds: [from.committeeId],
    from: from.meetsOn,
    order: 'asc',
  })
  return later.find(
    (m) =>
      m.id !== from.id &&
      m.meetsOn > from.meetsOn &&
      (m.status === 'planned' || m.status === 'notice_published'),
  )
}

/** When a meeting is scheduled: what the committee's previous meeting left undecided comes onto its agenda. */
export async function carryOverInto(trx: Trx, actor: Actor, meeting: Meeting): Promise<AgendaItem[]> {
  const earlier = await listMeetings(trx, {
    committeeIds: [meeting.committeeId],
    to: meeting.meetsOn,
    order: 'desc',
  })
  const previous = earlier.find(
    (m) => m.id !== meeting.id && m.meetsOn < meeting.meetsOn && m.status !== 'cancelled',
  )
  return previous ? carryOverMatters(trx, actor, { fromMeetingId: previous.id }) : []
}
