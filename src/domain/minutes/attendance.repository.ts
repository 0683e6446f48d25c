import { keptFromTransaction, keptInTransaction, type Queryable, type Trx } from '../../db/database.ts'
import { isMeetingCreatedInTransaction } from '../meeting/meeting.reads.ts'
import type { Attendance, AttendanceRole } from './attendance.ts'

// A meeting this transaction created has no roll call but what it wrote (no other transaction sees
// the meeting before the commit): until it writes a line, its roll call is known empty.
const linesWritten = (meetingId: number) => `attendance-written:${meetingId}`

export async function listAttendance(db: Queryable, meetingIds: readonly number[]): Promise<Attendance[]> {
  const asked = meetingIds.filter(
    (id) => !isMeetingCreatedInTransaction(db, id) || keptFromTransaction(db, linesWritten(id)),
  )
  if (asked.length === 0) return []
  const rows = await db
    .selectFrom('attendance')
    .selectAll()
    .where('meeting_id', 'in', asked)
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    meetingId: row.meeting_id,
    personId: row.person_id,
    partyId: row.party_id,
    role: row.role as AttendanceRole,
    title: row.title,
    present: Boolean(row.present),
    remote: Boolean(row.remote),
    servingForPersonId: row.serving_for_person_id,
    arrivedAtSection: row.arrived_at_section,
    leftAfterSection: row.left_after_section,
  }))
}

/** One row per person and meeting: a second roll call entry for the same person replaces the first. */
export async function upsertAttendance(db: Trx, a: Attendance): Promise<void> {
  await upsertAttendances(db, [a])
}

/** Rows of one or more meetings' roll calls in one statement; each person at most once per meeting. */
export async function upsertAttendances(db: Trx, lines: readonly Attendance[]): Promise<void> {
  if (lines.length === 0) return
  for (const meetingId of new Set(lines.map((a) => a.meetingId)))
    keptInTransaction(db, linesWritten(meetingId), { meetingId })
  await db
    .insertInto('attendance')
    .values(
      lines.map((a) => ({
        meeting_id: a.meetingId,
        person_id: a.personId,
        party_id: a.partyId,
        role: a.role,
        title: a.title,
        present: a.present,
        remote: a.remote,
        serving_for_person_id: a.servingForPersonId,
        arrived_at_section: a.arrivedAtSection,
        left_after_section: a.leftAfterSection,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['meeting_id', 'person_id']).doUpdateSet((eb) => ({
        party_id: eb.ref('excluded.party_id'),
        role: eb.ref('excluded.role'),
        title: eb.ref('excluded.title'),
        present: eb.ref('excluded.present'),
        remote: eb.ref('excluded.remote'),
        serving_for_person_id: eb.ref('excluded.serving_for_person_id'),
        arrived_at_section: eb.ref('excluded.arrived_at_section'),
        left_after_section: eb.ref('excluded.left_after_section'),
      })),
    )
    .execute()
}
