import type { Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import { getMeeting, getOrganisationIdOfMeeting } from '../meeting/meeting.reads.ts'
import { listPersonsByIds } from '../person/person.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { DomainError, InvalidInputError, NotFoundError } from '../shared/errors.ts'
import { listAttendance, upsertAttendances } from './attendance.repository.ts'
import type { Attendance } from './attendance.ts'
import { findMinutesOfMeeting } from './minutes.repository.ts'
import type { RecordAttendanceInput } from './minutes.service.ts'
import { attendanceKeptRefusal, listSignedOffSections, recordOpenRefusal } from './signed-off-record.ts'

/** The highest § number a line of the roll call may name: §§ run through the year, not past this. */
const highestSectionNumber = 99_999

/** A line of the roll call, for the meeting given beside it. */
export type AttendanceLine = Omit<RecordAttendanceInput, 'meetingId'>

export interface BatchOptions {
  /**
   * Told of each line a rule refuses, which is then left out (an import records the rest of a
   * published protocol). Without it the first refusal is thrown, before anything is written.
   */
  onRefused?: (index: number, error: DomainError) => void
}

/**
 * Records lines of a meeting's roll call at once: who was there, in what role, and for whom a
 * substitute served. Each line is held to the rules of recordAttendance, which records one line
 * through here: the meeting, the minutes, the roll call so far, the persons and the signed-off §§
 * are read once for all lines, and the lines are written in one statement. A person named twice
 * keeps the later line, as when recorded one after the other.
 */
export async function recordAttendanceLines(
  trx: Trx,
  actor: Actor,
  input: { meetingId: number; lines: readonly AttendanceLine[] },
  options: BatchOptions = {},
): Promise<Array<Attendance | undefined>> {
  const meeting = await getMeeting(trx, input.meetingId)
  const persons = new Set(
    (await listPersonsByIds(trx, [...new Set(input.lines.map((l) => l.personId))])).map((p) => p.id),
  )
  const minutes = await findMinutesOfMeeting(trx, meeting.id)
  const signedOff = minutes ? await listSignedOffSections(trx, { minutesId: minutes.id }) : []
  const current = new Map((await listAttendance(trx, [meeting.id])).map((a) => [a.personId, a]))
  let settings: Awaited<ReturnType<typeof getCommitteeSettings>> | undefined
  const recorded: Array<Attendance | undefined> = []
  for (const [index, line] of input.lines.entries()) {
    try {
      assertLine(line)
      if (line.remote) {
        settings ??= await getCommitteeSettings(trx, meeting.committeeId)
        if (!settings.distanceParticipation)
          throw new InvalidInputError(
            'remote_not_allowed',
            'the committee does not allow taking part at a distance (KL 6:24)',
            'remote',
          )
      }
      if (!persons.has(line.personId)) throw new NotFoundError('person', line.personId)
      const attendance: Attendance = {
        meetingId: meeting.id,
        personId: line.personId,
        partyId: line.partyId ?? null,
        role: line.role,
        title: line.title?.trim() || null,
        present: line.present,
        remote: line.remote ?? false,
        servingForPersonId: line.servingForPersonId ?? null,
        arrivedAtSection: line.arrivedAtSection ?? null,
        leftAfterSection: line.leftAfterSection ?? null,
      }
      if (minutes?.status === 'signed_off') {
        const refused = recordOpenRefusal(signedOff, 'attendance')
        if (refused) throw refused
      }
      if (minutes) {
        const refused = attendanceKeptRefusal(signedOff, current.get(line.personId), attendance)
        if (refused) throw refused
      }
      current.set(line.personId, attendance)
      recorded.push(attendance)
    } catch (error) {
      if (!(error instanceof DomainError) || !options.onRefused) throw error
      options.onRefused(index, error)
      recorded.push(undefined)
    }
  }
  const written = recorded.filter((a) => a !== undefined)
  if (written.length === 0) return recorded
  // One row per person: a later line for the same person replaces the earlier, in its place.
  await upsertAttendances(trx, [
    ...new Map(written.map((a) => [a.personId, current.get(a.personId) ?? a])).values(),
  ])
  const organisationId = await getOrganisationIdOfMeeting(trx, meeting.id)
  for (const attendance of written) {
    await recordAudit(
      trx,
      actor,
      'meeting.attendance_recorded',
      { type: 'meeting', id: meeting.id, organisationId },
      { after: attendance },
    )
  }
  return recorded
}

/** The rules a line keeps by itself, whatever else the roll call holds. */
function assertLine(line: AttendanceLine) {
  if (line.servingForPersonId !== undefined) {
    if (line.role !== 'substitute')
      throw new InvalidInputError(
        'only_substitute_serves_for_member',
        'only a substitute serves for a member',
        'servingForPersonId',
      )
    if (line.servingForPersonId === line.personId)
      throw new InvalidInputError('serving_for_self', 'nobody serves for themselves', 'servingForPersonId')
    if (!line.present)
      throw new InvalidInputError('serving_substitute_absent', 'a serving substitute is present', 'present')
  }
  for (const [field, number] of [
    ['arrivedAtSection', line.arrivedAtSection],
    ['leftAfterSection', line.leftAfterSection],
  ] as const) {
    if (number !== undefined && !(Number.isInteger(number) && number >= 1 && number <= highestSectionNumber))
      throw new InvalidInputError('section_number_out_of_range', `${field} is not a § number`, field)
  }
  if (
    line.arrivedAtSection !== undefined &&
    line.leftAfterSection !== undefined &&
    line.arrivedAtSection > line.leftAfterSection
  ) {
    // One stretch per day: a member who broke off for another reason than jäv does not return (KL 5:20).
    throw new InvalidInputError(
      'left_does_not_return',
      'someone who left does not come back the same day (KL 5:20)',
      'arrivedAtSection',
    )
  }
}
