import type { Queryable } from '../../db/database.ts'
import { getAgendas } from '../agenda/agenda.service.ts'
import type { MeetingStatus } from '../meeting/meeting.ts'
import { groupBy } from '../shared/group-by.ts'
import { maskPersonalIdentityNumbers as mask } from './personal-identity-number.ts'
import { publishedAgenda } from './public-agenda.ts'
import {
  type CalendarFilter,
  listAnnouncedMeetingRows,
  listCalendarMeetingRows,
  listPublicSectionsOfSignOffs,
  listSignedOffRows,
} from './publication.repository.ts'

interface MeetingRef {
  meetingId: number
  meetingSlug: string
  meetsOn: string
  committeeId: number
  committeeSlug: string
  committeeName: string
}

/** A published agenda: the meeting and the titles of its items as the public may see them. */
export interface AgendaFeedEntry extends MeetingRef {
  startTime: string | null
  location: string | null
  status: MeetingStatus
  /** When the notice went out, or the meeting was last changed (ISO timestamp). */
  updatedAt: string
  items: Array<{ number: string; title: string }>
}

/** A sign-off occasion: the minutes (or the §§ signed off) became public on that day. */
export interface MinutesFeedEntry extends MeetingRef {
  signOffId: number
  signedOffOn: string
  immediate: boolean
  sections: Array<{ number: number; label: string; title: string }>
}

/** The latest published agendas (all committees, or one): three queries. */
export async function readAgendaFeed(
  db: Queryable,
  filter: { committeeId?: number; limit?: number } = {},
): Promise<AgendaFeedEntry[]> {
  const meetings = await listAnnouncedMeetingRows(db, { ...filter, limit: filter.limit ?? 50 })
  const agendas = await getAgendas(
    db,
    meetings.map((m) => m.meetingId),
  )
  return meetings.map((m) => ({
    ...m,
    status: m.status as MeetingStatus,
    updatedAt: m.noticePublishedAt ?? m.updatedAt,
    items: publishedAgenda(agendas.get(m.meetingId) ?? [])
      .filter((e) => e.item.status !== 'withdrawn')
      .map((e) => ({ number: e.item.number ?? String(e.item.position), title: e.item.title ?? 'Ärende' })),
  }))
}

/**
 * The latest sign-offs (all committees, or one) with their public §§: two queries. A personal
 * identity number in a title (an imported protocol) is masked, as on the minutes page (P3).
 */
export async function readMinutesFeed(
  db: Queryable,
  filter: { committeeId?: number; limit?: number } = {},
): Promise<MinutesFeedEntry[]> {
  const rows = await listSignedOffRows(db, { ...filter, limit: filter.limit ?? 50 })
  const sections = groupBy(
    await listPublicSectionsOfSignOffs(
      db,
      rows.map((r) => r.signOffId),
    ),
    (s) => s.signOffId,
    (s) => ({ number: s.number, label: mask(s.label), title: mask(s.title) }),
  )
  return rows.map((r) => ({
    ...r,
    signedOffOn: r.signedOffOn ?? r.meetsOn,
    immediate: Boolean(r.immediate),
    sections: sections.get(r.signOffId) ?? [],
  }))
}

/** A meeting as a calendar shows it. */
export interface CalendarMeeting {
  id: number
  slug: string
  meetsOn: string
  startTime: string | null
  endTime: string | null
  location: string | null
  status: MeetingStatus
  cancellationReason: string | null
  updatedAt: string
  committeeSlug: string
  committeeName: string
}

/** The meetings of a calendar (all committees, or one, in a window of days), in date order: one query. */
export async function listCalendarMeetings(
  db: Queryable,
  filter: CalendarFilter = {},
): Promise<CalendarMeeting[]> {
  return (await listCalendarMeetingRows(db, filter)).map((m) => ({ ...m, status: m.status as MeetingStatus }))
}
