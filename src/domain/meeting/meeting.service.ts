import type { Db, Trx } from '../../db/database.ts'
import { carryOverInto } from '../agenda/carry-over.service.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import { reindexMeeting } from '../search/search.service.ts'
import type { Actor } from '../shared/actor.ts'
import { isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { uniqueSlug } from '../shared/slug.ts'
import { getMeeting, insertMeeting, listMeetingsOn, updateMeetingRow } from './meeting.repository.ts'
import {
  isTime,
  type Meeting,
  type MeetingStatus,
  mayMoveTo,
  meetingSlugFor,
  meetingStatusLabels,
} from './meeting.ts'
import { meetingSeriesDates } from './meeting-series.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    meeting_not_movable: undefined
    meeting_status_change_refused: undefined
    cancel_reason_missing: undefined
    meeting_not_cancellable: undefined
    meeting_ends_before_start: undefined
  }
}

export {
  findMeetingBySlug,
  getMeeting,
  listMeetingRows as listMeetings,
  listMeetingsOn,
  listMeetingYears,
} from './meeting.repository.ts'

export { meetingSeriesDates } from './meeting-series.ts'

export interface ScheduleMeetingInput {
  committeeId: number
  meetsOn: string
  startTime?: string
  endTime?: string
  location?: string
  status?: MeetingStatus
}

/** Puts a meeting of a committee in the calendar. A second meeting on the same day gets its own address. */
export async function scheduleMeeting(trx: Trx, actor: Actor, input: ScheduleMeetingInput): Promise<Meeting> {
  checkTimes(input)
  const committee = await getCommittee(trx, input.committeeId)
  const sameDay = await listMeetingsOn(trx, committee.id, input.meetsOn)
  const meeting = await insertMeeting(trx, {
    committeeId: committee.id,
    slug: uniqueSlug(meetingSlugFor(input.meetsOn), new Set(sameDay.map((m) => m.slug))),
    meetsOn: input.meetsOn,
    startTime: input.startTime || null,
    endTime: input.endTime || null,
    location: input.location?.trim() || null,
    status: input.status ?? 'planned',
  })
  await recordAudit(trx, actor, 'meeting.scheduled', auditRef(meeting, committee.organisationId), {
    after: meeting,
  })
  // B5: what the previous meeting tabled or referred back is on this one's agenda from the start.
  await carryOverInto(trx, actor, meeting)
  return meeting
}

export interface ScheduleSeriesInput extends Omit<ScheduleMeetingInput, 'meetsOn' | 'status'> {
  firstOn: string
  everyWeeks: number
  count: number
}

/** Schedules a series of meetings at the same time and place, all or none (one transaction). */
export async function scheduleMeetingSeries(
  db: Db,
  actor: Actor,
  input: ScheduleSeriesInput,
): Promise<Meeting[]> {
  const { firstOn, everyWeeks, count, ...details } = input
  const dates = meetingSeriesDates(firstOn, everyWeeks, count)
  return db.transaction().execute(async (trx) => {
    const meetings: Meeting[] = []
    for (const meetsOn of dates) meetings.push(await scheduleMeeting(trx, actor, { ...details, meetsOn }))
    return meetings
  })
}

export interface MoveMeetingInput {
  meetingId: number
  /** The version the secretary saw: a change saved since is refused (conflict). */
  version: number
  meetsOn: string
  startTime?: string
  endTime?: string
  location?: string
}

/**
 * Moves a meeting that has not been held to another day, time or place. Before the notice is out
 * the address follows the new day; after it, the address stays, since it was sent to the members.
 */
export async function moveMeeting(db: Db, actor: Actor, input: MoveMeetingInput): Promise<Meeting> {
  checkTimes({ ...input })
  return db.transaction().execute(async (trx) => {
    const meeting = await getMeeting(trx, input.meetingId)
    if (meeting.status !== 'planned' && meeting.status !== 'notice_published') {
      throw new InvalidStateError(
        'meeting_not_movable',
        `a meeting that is "${meetingStatusLabels[meeting.status]}" cannot be moved`,
      )
    }
    const sameDay = await listMeetingsOn(trx, meeting.committeeId, input.meetsOn)
    const slug =
      meeting.status === 'planned' && input.meetsOn !== meeting.meetsOn
        ? uniqueSlug(
            meetingSlugFor(input.meetsOn),
            new Set(sameDay.filter((m) => m.id !== meeting.id).map((m) => m.slug)),
          )
        : meeting.slug
    const after = await updateMeetingRow(
      trx,
      { ...meeting, version: input.version },
      {
        meetsOn: input.meetsOn,
        slug,
        startTime: input.startTime || null,
        endTime: input.endTime || null,
        location: input.location?.trim() || null,
      },
    )
    const committee = await getCommittee(trx, meeting.committeeId)
    await recordAudit(trx, actor, 'meeting.moved', auditRef(after, committee.organisationId), {
      before: meeting,
      after,
    })
    if (meeting.status !== 'planned') await reindexMeeting(trx, after.id)
    return after
  })
}

/**
 * Moves a meeting along its life (planned → notice_published → held → minutes_draft → signed_off →
 * published). Refuses a step that skips or goes back, and a change made on a stale version.
 */
export async function changeMeetingStatus(
  trx: Trx,
  actor: Actor,
  meeting: Meeting,
  to: MeetingStatus,
): Promise<Meeting> {
  if (!mayMoveTo(meeting.status, to)) {
    throw new InvalidStateError(
      'meeting_status_change_refused',
      `a meeting that is "${meetingStatusLabels[meeting.status]}" cannot become "${meetingStatusLabels[to]}"`,
    )
  }
  const after = await updateMeetingRow(trx, meeting, {
    status: to,
    ...(to === 'notice_published' ? { noticePublishedAt: new Date().toISOString() } : {}),
  })
  const committee = await getCommittee(trx, meeting.committeeId)
  await recordAudit(trx, actor, `meeting.${to}`, auditRef(after, committee.organisationId), {
    before: { status: meeting.status },
    after: { status: to },
  })
  // The agenda becomes public when the meeting leaves 'planned' (the notice is out); later steps
  // change nothing public by themselves (signed-off §§ are indexed by the sign-off).
  if (meeting.status === 'planned') await reindexMeeting(trx, after.id)
  return after
}

/** Cancels a meeting that has not been held, with the reason shown to the public. */
export async function cancelMeeting(
  db: Db,
  actor: Actor,
  input: { meetingId: number; version: number; reason: string },
): Promise<Meeting> {
  const reason = input.reason.trim()
  if (!reason)
    throw new InvalidInputError('cancel_reason_missing', 'give the reason for cancelling', 'reason')
  return db.transaction().execute(async (trx) => {
    const meeting = await getMeeting(trx, input.meetingId)
    if (!mayMoveTo(meeting.status, 'cancelled')) {
      throw new InvalidStateError(
        'meeting_not_cancellable',
        `a meeting that is "${meetingStatusLabels[meeting.status]}" cannot be cancelled`,
      )
    }
    const after = await updateMeetingRow(
      trx,
      { ...meeting, version: input.version },
      {
        status: 'cancelled',
        cancellationReason: reason,
      },
    )
    const committee = await getCommittee(trx, meeting.committeeId)
    await recordAudit(trx, actor, 'meeting.cancelled', auditRef(after, committee.organisationId), {
      before: { status: meeting.status },
      after: { status: 'cancelled', reason },
    })
    return after
  })
}

/** The day must exist and the times be HH:MM, the end not before the start. */
function checkTimes(input: {
  meetsOn: string
  startTime?: string | undefined
  endTime?: string | undefined
}) {
  if (!isIsoDate(input.meetsOn))
    throw new InvalidInputError('date_malformed', 'the date must be YYYY-MM-DD', 'meetsOn')
  for (const field of ['startTime', 'endTime'] as const) {
    const value = input[field]
    if (value !== undefined && value !== '' && !isTime(value))
      throw new InvalidInputError('time_malformed', `${field} must be a time HH:MM`, field)
  }
  if (input.startTime && input.endTime && input.endTime < input.startTime) {
    throw new InvalidInputError('meeting_ends_before_start', 'the meeting ends before it starts', 'endTime')
  }
}

const auditRef = (m: Meeting, organisationId: number) => ({ type: 'meeting', id: m.id, organisationId })

/**
 * Fills in the time and place a meeting lacks, as a later document states them (the protocol after
 * the agenda). What is known already is kept. Returns the meeting, changed or not.
 */
export async function fillMeetingDetails(
  trx: Trx,
  actor: Actor,
  meeting: Meeting,
  details: { startTime?: string; endTime?: string; location?: string },
): Promise<Meeting> {
  const fill = {
    ...(details.startTime && isTime(details.startTime) && !meeting.startTime
      ? { startTime: details.startTime }
      : {}),
    ...(details.endTime && isTime(details.endTime) && !meeting.endTime ? { endTime: details.endTime } : {}),
    ...(details.location?.trim() && !meeting.location ? { location: details.location.trim() } : {}),
  }
  if (Object.keys(fill).length === 0) return meeting
  const after = await updateMeetingRow(trx, meeting, fill)
  const committee = await getCommittee(trx, meeting.committeeId)
  await recordAudit(trx, actor, 'meeting.details_filled', auditRef(after, committee.organisationId), {
    before: meeting,
    after,
  })
  return after
}
