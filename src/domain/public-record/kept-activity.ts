import type { Trx } from '../../db/database.ts'
import {
  type ActivityRow,
  type AttendanceRow,
  addToAttendanceTotals,
  deleteActivity,
  insertActivity,
  listKeptActivity,
  listKeptAttendance,
  listMeetingsOfCommittees,
  listMeetingsSeating,
  listPublicActivityOf,
  listPublicAttendanceOf,
  replaceAttendance,
} from './kept-activity.repository.ts'
import type { PublicScope } from './public-record.ts'

// The person and party pages read a record kept here (migration 0035, docs/decisions/0005-kept-
// person-and-party-record.md): each act in a public § keyed as the record is ordered, and the
// attendance rate as running totals. Kept at the transaction's edge with the change log, from the
// same tables and the same rules of disclosure as the pages read before: a meeting decided again
// has its acts and seats taken again, and only what differs is written.

/** Meetings taken in one statement: well under SQLite's parameter limit. */
const chunk = 500

/**
 * Keeps the public activity and attendance of what some scopes touched: a meeting's acts and seats;
 * for a committee (a seat changed) or a person (a seat changed, two persons merged) the seats at
 * every meeting of the committees concerned. `everyMeeting`: the whole archive is being decided
 * (every meeting is among the scopes), so committees and persons add nothing.
 */
export async function keepPublicActivity(
  trx: Trx,
  scopes: readonly PublicScope[],
  { everyMeeting = false } = {},
): Promise<void> {
  const meetings = scopes.flatMap((s) => ('meetingId' in s ? [s.meetingId] : []))
  const seated = new Set(meetings)
  if (!everyMeeting) {
    const committees = scopes.flatMap((s) => ('committeeId' in s ? [s.committeeId] : []))
    const persons = scopes.flatMap((s) => ('personId' in s ? [s.personId] : []))
    for (const id of await listMeetingsOfCommittees(trx, committees)) seated.add(id)
    for (const id of await listMeetingsSeating(trx, persons)) seated.add(id)
  }
  for (let i = 0; i < meetings.length; i += chunk) await keepActivityOf(trx, meetings.slice(i, i + chunk))
  const all = [...seated]
  for (let i = 0; i < all.length; i += chunk) await keepAttendanceOf(trx, all.slice(i, i + chunk))
}

const activityKey = (r: ActivityRow) => `${r.kind}:${r.ref_id}`
const sameActivity = (a: ActivityRow, b: ActivityRow) =>
  a.meeting_id === b.meeting_id &&
  a.person_id === b.person_id &&
  a.party_id === b.party_id &&
  a.meets_on === b.meets_on &&
  a.section_number === b.section_number &&
  a.position === b.position

async function keepActivityOf(trx: Trx, meetingIds: number[]) {
  const kept = new Map((await listKeptActivity(trx, meetingIds)).map((r) => [activityKey(r), r]))
  const now = await listPublicActivityOf(trx, meetingIds)
  const added: ActivityRow[] = []
  const gone: ActivityRow[] = []
  for (const row of now) {
    const before = kept.get(activityKey(row))
    kept.delete(activityKey(row))
    if (before && sameActivity(before, row)) continue
    if (before) gone.push(before)
    added.push(row)
  }
  gone.push(...kept.values())
  await deleteActivity(trx, gone)
  await insertActivity(trx, added)
}

/** What one meeting's rows add to each person's and party's attendance: `person:1`, `party:2`. */
export function attendanceCounts(rows: readonly AttendanceRow[]): Map<string, AttendanceTotals> {
  const totals = new Map<string, AttendanceTotals>()
  const counted = new Set<string>()
  const add = (owner: string, once: string, field: keyof AttendanceTotals, present: number) => {
    if (counted.has(once)) return
    counted.add(once)
    const t = totals.get(owner) ?? { meetings: 0, present: 0, served: 0 }
    t[field] += 1
    if (field === 'meetings') t.present += present
    totals.set(owner, t)
  }
  for (const r of rows) {
    // A person counts once per meeting (chair and member of one committee), a party once per
    // person and meeting; a seat's `present` is the person's, the same on each of their rows.
    const field = r.kind === 'seat' ? 'meetings' : 'served'
    add(`person:${r.person_id}`, `${r.kind}:${r.meeting_id}:${r.person_id}`, field, r.present)
    if (r.party_id !== null)
      add(`party:${r.party_id}`, `${r.kind}:${r.meeting_id}:${r.person_id}:${r.party_id}`, field, r.present)
  }
  return totals
}

export interface AttendanceTotals {
  meetings: number
  present: number
  served: number
}

const attendanceKey = (r: AttendanceRow) => `${r.kind}:${r.person_id}:${r.party_id}:${r.present}`
const sameRows = (a: readonly AttendanceRow[], b: readonly AttendanceRow[]) =>
  a.map(attendanceKey).sort().join() === b.map(attendanceKey).sort().join()

async function keepAttendanceOf(trx: Trx, meetingIds: number[]) {
  const byMeeting = (rows: AttendanceRow[]) => {
    const map = new Map<number, AttendanceRow[]>(meetingIds.map((id) => [id, []]))
    for (const r of rows) map.get(r.meeting_id)?.push(r)
    return map
  }
  const kept = byMeeting(await listKeptAttendance(trx, meetingIds))
  const now = byMeeting(await listPublicAttendanceOf(trx, meetingIds))
  const changed = meetingIds.filter((id) => !sameRows(kept.get(id) ?? [], now.get(id) ?? []))
  if (changed.length === 0) return
  const before = changed.flatMap((id) => kept.get(id) ?? [])
  const after = changed.flatMap((id) => now.get(id) ?? [])
  const delta = new Map<string, AttendanceTotals>()
  for (const [sign, rows] of [
    [-1, before],
    [1, after],
  ] as const)
    for (const [owner, t] of attendanceCounts(rows)) {
      const d = delta.get(owner) ?? { meetings: 0, present: 0, served: 0 }
      d.meetings += sign * t.meetings
      d.present += sign * t.present
      d.served += sign * t.served
      delta.set(owner, d)
    }
  await replaceAttendance(trx, changed, after)
  await addToAttendanceTotals(
    trx,
    [...delta].filter(([, d]) => d.meetings !== 0 || d.present !== 0 || d.served !== 0),
  )
}
