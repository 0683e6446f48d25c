import { attendanceRoleLabels } from '../minutes/attendance.ts'

/** A mandatperiod: four years, e.g. 2023–2026. */
export interface Term {
  id: number
  organisationId: number
  name: string
  startsOn: string
  endsOn: string
}

export type MembershipRole = 'chair' | 'vice_chair' | 'member' | 'substitute'
export const membershipRoles: readonly MembershipRole[] = ['chair', 'vice_chair', 'member', 'substitute']
/** The roles' words: those of the roll call (minutes/attendance.ts), of which a seat has four. */
export const membershipRoleLabels: Record<MembershipRole, string> = attendanceRoleLabels

/** A seat on a committee for a time: ledamot (possibly chair or vice chair) or ersättare. */
export interface Membership {
  id: number
  committeeId: number
  personId: number
  termId: number | null
  partyId: number | null
  role: MembershipRole
  /** The established order in which substitutes are called in (KL 5:18, local for committees). */
  substituteOrder: number | null
  startsOn: string
  endsOn: string | null
}

/** Members hold a seat and count for quorum; substitutes only when they serve. */
export const holdsSeat = (role: MembershipRole) => role !== 'substitute'

/** Whether the membership is in force on a day. */
export function isActiveOn(membership: Pick<Membership, 'startsOn' | 'endsOn'>, day: string): boolean {
  return membership.startsOn <= day && (membership.endsOn === null || day <= membership.endsOn)
}
