import { inTransaction, type Queryable, type Trx } from '../../db/database.ts'
import { getMeeting } from '../meeting/meeting.service.ts'
import { findOrAddPerson } from '../person/person.service.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError } from '../shared/errors.ts'
import { listAttendance } from './attendance.repository.ts'
import { recordAttendanceLines } from './attendance.service.ts'
import type { AttendanceRole } from './attendance.ts'
import { findMinutesOfMeeting, listSectionRows } from './minutes.repository.ts'
import { openMinutes, recordAttendance } from './minutes.service.ts'
import type { Minutes } from './minutes.ts'
import { type RollCallEntry, recordServingFromRollCall } from './section.service.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    two_substitutes_for_member: undefined
  }
}

export interface RollCallLine {
  personId: number
  partyId?: number
  role: Exclude<AttendanceRole, 'official' | 'other'>
  present: boolean
  remote?: boolean
  servingForPersonId?: number
  arrivedAtSection?: number
  leftAfterSection?: number
}

export interface RollCallInput {
  meetingId: number
  lines: RollCallLine[]
  /** Officials and others present (M6): they may speak, never decide. */
  others?: Array<{ name: string; title?: string }>
}

/**
 * Records the roll call of a meeting in one transaction: opens the minutes if needed, records each
 * person's attendance, and, when §§ exist, who served at each § (M1) from arrivals and departures.
 */
export async function recordRollCall(db: Queryable, actor: Actor, input: RollCallInput): Promise<Minutes> {
  const substitutesFor = new Map<number, number>()
  for (const line of input.lines) {
    if (line.servingForPersonId === undefined) continue
    const taken = substitutesFor.get(line.servingForPersonId)
    if (taken !== undefined)
      throw new InvalidInputError(
        'two_substitutes_for_member',
        'two substitutes serve for one member',
        `ersattare-${line.servingForPersonId}`,
      )
    substitutesFor.set(line.servingForPersonId, line.personId)
  }
  return inTransaction(db, async (trx) => {
    const meeting = await getMeeting(trx, input.meetingId)
    // The chair of the day presides (the vice chair when the chair is away) and has the casting vote.
    const chair =
      input.lines.find((l) => l.role === 'chair' && l.present) ??
      input.lines.find((l) => l.role === 'vice_chair' && l.present)
    const minutes =
      (await findMinutesOfMeeting(trx, meeting.id)) ??
      (await openMinutes(trx, actor, {
        meetingId: meeting.id,
        ...(chair ? { chairPersonId: chair.personId } : {}),
      }))
    // The members' lines at once: the meeting, minutes and persons read once, one statement.
    await recordAttendanceLines(trx, actor, {
      meetingId: meeting.id,
      lines: input.lines.map((line) => ({
        personId: line.personId,
        role: line.role,
        present: line.present,
        ...(line.partyId !== undefined ? { partyId: line.partyId } : {}),
        ...(line.remote ? { remote: true } : {}),
        ...(line.servingForPersonId !== undefined ? { servingForPersonId: line.servingForPersonId } : {}),
        ...(line.arrivedAtSection !== undefined ? { arrivedAtSection: line.arrivedAtSection } : {}),
        ...(line.leftAfterSection !== undefined ? { leftAfterSection: line.leftAfterSection } : {}),
      })),
    })
    const organisationId = (
      await trx
        .selectFrom('committee')
        .select('organisation_id')
        .where('id', '=', meeting.committeeId)
        .executeTakeFirstOrThrow()
    ).organisation_id
    for (const other of input.others ?? []) {
      const person = await findOrAddPerson(trx, actor, {
        organisationId,
        name: other.name,
        ...(other.title ? { title: other.title } : {}),
      })
      await recordAttendance(trx, actor, {
        meetingId: meeting.id,
        personId: person.id,
        role: 'official',
        present: true,
        ...(other.title ? { title: other.title } : {}),
      })
    }
    const numbers = (await listSectionRows(trx, [minutes.id])).map((s) => s.number)
    if (numbers.length > 0) {
      await recordServingFromRollCall(trx, actor, {
        minutesId: minutes.id,
        entries: servingEntries(input.lines, numbers),
      })
    }
    return minutes
  })
}

/** The §§ someone was there for: from the § they arrived at, until the § after which they left. */
function within(line: RollCallLine, numbers: number[]): number[] {
  return numbers.filter(
    (n) =>
      (line.arrivedAtSection === undefined || n >= line.arrivedAtSection) &&
      (line.leftAfterSection === undefined || n <= line.leftAfterSection),
  )
}

/**
 * Who served at which §§: present members while there; a substitute for an absent member at the §§
 * the member did not serve (a member who arrived late is replaced until they came, KL 5:20 for a
 * member who left for good).
 */
export function servingEntries(lines: readonly RollCallLine[], numbers: number[]): RollCallEntry[] {
  const byPerson = new Map(lines.map((l) => [l.personId, l]))
  const entries: RollCallEntry[] = []
  for (const line of lines) {
    if (!line.present) continue
    const own = within(line, numbers)
    if (line.role !== 'substitute') {
      entries.push(entry(line, own))
    } else if (line.servingForPersonId !== undefined) {
      const member = byPerson.get(line.servingForPersonId)
      const memberAt = new Set(member?.present ? within(member, numbers) : [])
      entries.push(
        entry(
          line,
          own.filter((n) => !memberAt.has(n)),
        ),
      )
    }
  }
  return entries.filter((e) => (e.sectionNumbers?.length ?? 0) > 0)
}

function entry(line: RollCallLine, sectionNumbers: number[]): RollCallEntry {
  return {
    personId: line.personId,
    sectionNumbers,
    ...(line.partyId !== undefined ? { partyId: line.partyId } : {}),
    ...(line.servingForPersonId !== undefined ? { servingForPersonId: line.servingForPersonId } : {}),
    ...(line.remote ? { remote: true } : {}),
  }
}

/**
 * Applies the roll call already recorded to §§ added since (M1): who serves at a new § follows
 * from attendance, arrivals and departures, so the secretary need not save the roll call again.
 */
export async function applyRollCall(trx: Trx, actor: Actor, input: { meetingId: number; minutesId: number }) {
  const lines: RollCallLine[] = (await listAttendance(trx, [input.meetingId]))
    .filter(
      (a): a is typeof a & { role: RollCallLine['role'] } => a.role !== 'official' && a.role !== 'other',
    )
    .map((a) => ({
      personId: a.personId,
      role: a.role,
      present: a.present,
      ...(a.partyId !== null ? { partyId: a.partyId } : {}),
      ...(a.remote ? { remote: true } : {}),
      ...(a.servingForPersonId !== null ? { servingForPersonId: a.servingForPersonId } : {}),
      ...(a.arrivedAtSection !== null ? { arrivedAtSection: a.arrivedAtSection } : {}),
      ...(a.leftAfterSection !== null ? { leftAfterSection: a.leftAfterSection } : {}),
    }))
  if (lines.length === 0) return
  const numbers = (await listSectionRows(trx, [input.minutesId])).map((s) => s.number)
  await recordServingFromRollCall(trx, actor, {
    minutesId: input.minutesId,
    entries: servingEntries(lines, numbers),
  })
}
