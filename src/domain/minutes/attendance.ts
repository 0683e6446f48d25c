/** Roles at the roll call, as the minutes print them (document JSON: ordförande … övrig). */
export type AttendanceRole = 'chair' | 'vice_chair' | 'member' | 'substitute' | 'official' | 'other'

/** The roles' words, once: the printed minutes', a seat's (membership.ts) and the document JSON's. */
export const attendanceRoleLabels = {
  chair: 'ordförande',
  vice_chair: 'vice ordförande',
  member: 'ledamot',
  substitute: 'ersättare',
  official: 'tjänsteperson',
  other: 'övrig',
} as const satisfies Record<AttendanceRole, string>

/**
 * A person at the roll call of a meeting. A substitute with `servingForPersonId` is a
 * tjänstgörande ersättare; officials and others may speak but never decide (M6).
 */
export interface Attendance {
  meetingId: number
  personId: number
  partyId: number | null
  role: AttendanceRole
  title: string | null
  present: boolean
  remote: boolean
  servingForPersonId: number | null
  arrivedAtSection: number | null
  leftAfterSection: number | null
}

export const decides = (a: Pick<Attendance, 'role' | 'servingForPersonId'>) =>
  a.role === 'chair' ||
  a.role === 'vice_chair' ||
  a.role === 'member' ||
  (a.role === 'substitute' && a.servingForPersonId !== null)

/**
 * The role of a decision-maker as the cover prints it. The one who presides when the chair is away
 * is tjänstgörande ordförande, and is called so both here and at the signature.
 */
export function attendanceRoleText(attendance: Attendance, presidingPersonId: number | null): string {
  const role = attendanceRoleLabels[attendance.role]
  return attendance.personId === presidingPersonId && attendance.role !== 'chair'
    ? `${role}, tjänstgörande ordförande`
    : role
}

/** The title of the one who presided, at the signature: "Ordförande" or "Tjänstgörande ordförande". */
export function presidingTitle(
  attendance: readonly Attendance[],
  presidingPersonId: number | null,
): 'Ordförande' | 'Tjänstgörande ordförande' {
  const presiding = attendance.find((a) => a.personId === presidingPersonId)
  return !presiding || presiding.role === 'chair' ? 'Ordförande' : 'Tjänstgörande ordförande'
}
