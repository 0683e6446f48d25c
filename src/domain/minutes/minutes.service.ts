import { inTransaction, type Queryable, type Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import { getOrganisationIdOfMeeting } from '../meeting/meeting.reads.ts'
import { changeMeetingStatus, getMeeting } from '../meeting/meeting.service.ts'
import type { Meeting } from '../meeting/meeting.ts'
import { listPersonsByIds } from '../person/person.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError, InvalidStateError, NotFoundError } from '../shared/errors.ts'
import { signOffDeadline } from '../sign-off/sign-off-deadline.ts'
import { recordAttendanceLines } from './attendance.service.ts'
import type { Attendance, AttendanceRole } from './attendance.ts'
import {
  findMinutesOfMeeting,
  getMinutes,
  insertMinutes,
  listSignatoryIds,
  replaceSignatories,
  updateMinutesRow,
} from './minutes.repository.ts'
import type { Minutes, MinutesStatus } from './minutes.ts'
import { assertRecordOpen, keepMinutesUnsigned } from './signed-off-record.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    cancelled_meeting_no_minutes: undefined
    minutes_exist: undefined
    signatory_count: undefined
    sign_off_deadline: undefined
    closing_time_malformed: undefined
    only_substitute_serves_for_member: undefined
    serving_for_self: undefined
    serving_substitute_absent: undefined
    left_does_not_return: undefined
    section_number_out_of_range: undefined
    remote_not_allowed: undefined
  }
}

export { findMinutesOfMeeting, getMinutes, listSectionRows as listSections } from './minutes.repository.ts'

/**
 * Moves the minutes into or out of signing (justering). The sign-off use cases call it when the
 * first sign-off is prepared and when the last § is signed; they have checked the state.
 */
export async function setMinutesStatus(trx: Trx, minutes: Minutes, status: MinutesStatus): Promise<Minutes> {
  return updateMinutesRow(trx, minutes, { status })
}

export interface OpenMinutesInput {
  meetingId: number
  chairPersonId?: number
  secretaryPersonId?: number
  keptAt?: string
  signOffPlace?: string
  signOffPlannedOn?: string
}

/**
 * Starts the minutes of a meeting as a draft (visible only to the secretary, the chair and the
 * signatories until signed off). The meeting is then held and its minutes in preparation.
 */
export async function openMinutes(trx: Trx, actor: Actor, input: OpenMinutesInput): Promise<Minutes> {
  let meeting = await getMeeting(trx, input.meetingId)
  if (meeting.status === 'cancelled')
    throw new InvalidStateError('cancelled_meeting_no_minutes', 'a cancelled meeting has no minutes')
  if (await findMinutesOfMeeting(trx, meeting.id))
    throw new InvalidStateError('minutes_exist', 'the meeting already has minutes')
  if (input.signOffPlannedOn !== undefined && !isIsoDate(input.signOffPlannedOn)) {
    throw new InvalidInputError('date_malformed', 'the sign-off date must be YYYY-MM-DD', 'signOffPlannedOn')
  }
  const settings = await getCommitteeSettings(trx, meeting.committeeId)
  const minutes = await insertMinutes(trx, {
    meetingId: meeting.id,
    chairPersonId: input.chairPersonId ?? null,
    secretaryPersonId: input.secretaryPersonId ?? null,
    keptAt: input.keptAt?.trim() || settings.minutesKeptAt || null,
    signOffPlace: input.signOffPlace?.trim() || null,
    signOffPlannedOn: input.signOffPlannedOn ?? null,
  })
  keepMinutesUnsigned(trx, minutes.id)
  if (meeting.status === 'planned' || meeting.status === 'notice_published') {
    meeting = await changeMeetingStatus(trx, actor, meeting, 'held')
  }
  if (meeting.status === 'held') await changeMeetingStatus(trx, actor, meeting, 'minutes_draft')
  await recordAudit(trx, actor, 'minutes.opened', await auditRef(trx, meeting, minutes.id), {
    after: minutes,
  })
  return minutes
}

/**
 * Appoints the signatories (justerare), the chair first by custom. Their number is the committee's
 * setting; the chair signs by law (KL 5:69).
 */
export async function appointSignatories(
  trx: Trx,
  actor: Actor,
  input: {
    minutesId: number
    personIds: number[]
    /** Where and on which day the minutes will be signed off, as the meeting agreed. */
    signOffPlace?: string
    signOffPlannedOn?: string
    asPublished?: boolean
  },
): Promise<void> {
  let minutes = await getMinutes(trx, input.minutesId)
  const meeting = await getMeeting(trx, minutes.meetingId)
  const settings = await getCommitteeSettings(trx, meeting.committeeId)
  const unique = [...new Set(input.personIds)]
  // A protocol being imported names who signed it; that record stands even if the setting differs.
  if (!input.asPublished && unique.length !== settings.signatoryCount) {
    throw new InvalidInputError(
      'signatory_count',
      `the committee's minutes are signed by ${settings.signatoryCount} people`,
      'personIds',
    )
  }
  const persons = new Set((await listPersonsByIds(trx, unique)).map((p) => p.id))
  const missing = unique.find((id) => !persons.has(id))
  if (missing !== undefined) throw new NotFoundError('person', missing)
  // The signatories vouch for the signed-off §§ and are printed on them: once one § is signed off,
  // they stay who they were (the place and day of the remaining sign-off may still be agreed).
  const appointed = await listSignatoryIds(trx, minutes.id)
  if (minutes.status === 'signed_off' || unique.join() !== appointed.join())
    await assertRecordOpen(trx, minutes.id, 'signatories')
  if (input.signOffPlannedOn !== undefined) {
    if (!isIsoDate(input.signOffPlannedOn))
      throw new InvalidInputError(
        'date_malformed',
        'the sign-off date must be YYYY-MM-DD',
        'signOffPlannedOn',
      )
    // KL 5:69: signed off within fourteen days of the meeting, so no later day can be agreed.
    const deadline = signOffDeadline(meeting.meetsOn)
    if (input.signOffPlannedOn > deadline || input.signOffPlannedOn < meeting.meetsOn) {
      throw new InvalidInputError(
        'sign_off_deadline',
        `the minutes are signed off between the meeting and ${deadline} (KL 5:69)`,
        'signOffPlannedOn',
      )
    }
  }
  await replaceSignatories(trx, minutes.id, unique)
  if (input.signOffPlace !== undefined || input.signOffPlannedOn !== undefined) {
    minutes = await updateMinutesRow(trx, minutes, {
      ...(input.signOffPlace !== undefined ? { signOffPlace: input.signOffPlace.trim() || null } : {}),
      ...(input.signOffPlannedOn !== undefined ? { signOffPlannedOn: input.signOffPlannedOn } : {}),
    })
  }
  await recordAudit(trx, actor, 'minutes.signatories_appointed', await auditRef(trx, meeting, minutes.id), {
    after: {
      personIds: unique,
      signOffPlace: minutes.signOffPlace,
      signOffPlannedOn: minutes.signOffPlannedOn,
    },
  })
}

/**
 * Records that the chair declared the meeting closed, at `at` (an instant). Dissents are announced
 * before it (KL 4:27): after it, one is written down only as announced before the close. The time
 * may be corrected until a § is signed off.
 */
export async function closeMeeting(
  trx: Trx,
  actor: Actor,
  input: { minutesId: number; at: Date },
): Promise<Minutes> {
  const before = await getMinutes(trx, input.minutesId)
  if (Number.isNaN(input.at.getTime()))
    throw new InvalidInputError('closing_time_malformed', 'the closing time is not a time', 'at')
  // A § signed off at the meeting (omedelbar justering) was signed before the close, so the close
  // may still be recorded after it; once recorded it is part of what later sign-offs vouch for.
  if (before.status === 'signed_off' || before.meetingClosedAt !== null)
    await assertRecordOpen(trx, before.id, 'closing_time')
  const after = await updateMinutesRow(trx, before, { meetingClosedAt: input.at.toISOString() })
  const meeting = await getMeeting(trx, before.meetingId)
  await recordAudit(trx, actor, 'minutes.meeting_closed', await auditRef(trx, meeting, before.id), {
    before: { meetingClosedAt: before.meetingClosedAt },
    after: { meetingClosedAt: after.meetingClosedAt },
  })
  return after
}

export interface RecordAttendanceInput {
  meetingId: number
  personId: number
  role: AttendanceRole
  partyId?: number
  title?: string
  present: boolean
  remote?: boolean
  servingForPersonId?: number
  arrivedAtSection?: number
  leftAfterSection?: number
}

/**
 * Records one line of the roll call: who was there, in what role, and for whom a substitute served.
 * Once the minutes are signed off the roll call is theirs; while only some §§ are, a line may change
 * what the open §§ show but not what a signed-off § shows (signed-off-record.ts).
 */
export async function recordAttendance(
  db: Queryable,
  actor: Actor,
  input: RecordAttendanceInput,
): Promise<Attendance> {
  const { meetingId, ...line } = input
  // One line of the roll call is a roll call of one line: the rules live in recordAttendanceLines.
  const [attendance] = await inTransaction(db, (trx) =>
    recordAttendanceLines(trx, actor, { meetingId, lines: [line] }),
  )
  return attendance as Attendance
}

async function auditRef(trx: Queryable, meeting: Meeting, id: number, type = 'minutes') {
  return { type, id, organisationId: await getOrganisationIdOfMeeting(trx, meeting.id) }
}
