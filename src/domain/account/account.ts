// The clerks' accounts and what they may do. A role is granted per organisation, or for one
// committee of it; signatory rights are not a role but come from being appointed for a meeting.

export type Role = 'administrator' | 'secretary' | 'registrar'
export const roles: readonly Role[] = ['administrator', 'secretary', 'registrar']
export const roleLabels: Record<Role, string> = {
  administrator: 'administratör',
  secretary: 'nämndsekreterare',
  registrar: 'registrator',
}
export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value)

/** A person who signs in to the workspace. Never carries the password hash out of the repository. */
export interface UserAccount {
  id: number
  email: string
  name: string
  /** The person in the register this user is (a member, a chair), if any: membership gives rights. */
  personId: number | null
  disabled: boolean
  createdAt: string
  passwordChangedAt: string
}

/** A role for the whole organisation (committeeId null) or for one committee and its utskott. */
export interface RoleGrant {
  id: number
  userId: number
  role: Role
  organisationId: number
  committeeId: number | null
}

/** The signed-in user as the policies see them: their grants and the committees they sit on today. */
/**
 * How a session was signed in: a password alone, a password and a TOTP code, or the organisation's
 * identity provider (OIDC), whose own second factor applies.
 */
export type SignInMethod = 'password' | 'password+totp' | 'oidc'
export const signInMethods: readonly SignInMethod[] = ['password', 'password+totp', 'oidc']

export interface SignedInUser extends UserAccount {
  grants: RoleGrant[]
  /** Committees where the user's person has a membership in force today. */
  seatCommitteeIds: number[]
}

export const minPasswordLength = 12
export const maxPasswordLength = 1000

/** E-mail addresses compare without case and surrounding spaces. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase()

export const isEmail = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254
