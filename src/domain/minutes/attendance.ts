/** Roles at the roll call, as the minutes print them (document JSON: ordförande … övrig). */
export type AttendanceRole = 'chair' | 'vice_chair' | 'member' | 'substitute' | 'official' | 'other'

export const attendanceRoleLabels: Record<AttendanceRole, string> = {
  chair: 'ordförande',
  vice_chair: 'vice ordförande',
  member: 'ledamot',
  substitute: 'ersättare',
  official: 'tjänsteperson',
  other: 'övrig',
}

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
