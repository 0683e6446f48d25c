import type { Committee } from '../committee/committee.ts'
import type { Minutes } from '../minutes/minutes.ts'
import { DomainError } from '../shared/errors.ts'
import type { Role, RoleGrant, SignedInUser } from './account.ts'

// Who may do what, as sentences. Pure functions over the signed-in user's grants and seats, so a
// route or use case can ask them anywhere and the table test covers every role × action.
//   administrator  the organisation: its settings, committees, the register, accounts, the audit log
//   secretary      prepares meetings and keeps the minutes of their committees (all, if org-wide)
//   registrar      the documents of their committees
//   member         a person with a seat today reads the committee's confidential documents
//   signatories    the chair and appointed signatories see the draft minutes they are to sign

export type Who = Pick<SignedInUser, 'grants' | 'seatCommitteeIds' | 'personId'>
export type CommitteeRef = Pick<Committee, 'id' | 'organisationId' | 'parentId'>

/** A grant for a committee covers its utskott too; an organisation-wide grant covers every committee. */
const covers = (grant: RoleGrant, committee: CommitteeRef) =>
  grant.organisationId === committee.organisationId &&
  (grant.committeeId === null ||
    grant.committeeId === committee.id ||
    grant.committeeId === committee.parentId)

const holdsFor = (user: Who, role: Role, committee: CommitteeRef) =>
  user.grants.some((g) => g.role === role && covers(g, committee))

const isAdministratorOf = (user: Who, organisationId: number) =>
  user.grants.some((g) => g.role === 'administrator' && g.organisationId === organisationId)

export function mayManageOrganisation(user: Who, organisationId: number): boolean {
  return isAdministratorOf(user, organisationId)
}

export function mayReadAuditLog(user: Who, organisationId: number): boolean {
  return isAdministratorOf(user, organisationId)
}

/** The organisation's user accounts and their roles: its administrators only. */
export function mayManageUsers(user: Who, organisationId: number): boolean {
  return isAdministratorOf(user, organisationId)
}

/**
 * Visitors' feedback on accessibility and the reply addresses in it (lag 2018:1937, 13 §): the
 * organisation's administrators read and handle it, nobody else (the addresses are personal data).
 */
export function mayHandleAccessibilityFeedback(user: Who, organisationId: number): boolean {
  return isAdministratorOf(user, organisationId)
}

/** Setting up a committee: the administrator, or a secretary for the whole organisation. */
export function mayCreateCommittee(user: Who, organisationId: number): boolean {
  return (
    isAdministratorOf(user, organisationId) ||
    user.grants.some((g) => g.role === 'secretary' && g.organisationId === organisationId && !g.committeeId)
  )
}

/** Terms, parties and people are the organisation's: any of its secretaries keeps them. */
export function mayManageRegister(user: Who, organisationId: number): boolean {
  return (
    isAdministratorOf(user, organisationId) ||
    user.grants.some((g) => g.role === 'secretary' && g.organisationId === organisationId)
  )
}

/** A committee's settings and memberships. */
export function mayManageCommittee(user: Who, committee: CommitteeRef): boolean {
  return isAdministratorOf(user, committee.organisationId) || holdsFor(user, 'secretary', committee)
}

export function mayPrepareMeeting(user: Who, committee: CommitteeRef): boolean {
  return holdsFor(user, 'secretary', committee)
}

/** The roll call, the §§, votes and the preparation of the sign-off: the committee's secretary. */
export function mayKeepMinutes(user: Who, committee: CommitteeRef): boolean {
  return holdsFor(user, 'secretary', committee)
}

export function mayManageDocuments(user: Who, committee: CommitteeRef): boolean {
  return holdsFor(user, 'secretary', committee) || holdsFor(user, 'registrar', committee)
}

/**
 * The committee's confidential documents (OSL): its members today, its secretaries, and its
 * registrars, who register them. An administrator does not read them by virtue of the role.
 */
export function mayReadConfidential(user: Who, committee: CommitteeRef): boolean {
  return user.seatCommitteeIds.includes(committee.id) || mayManageDocuments(user, committee)
}

/** Draft minutes are no public document (TF 2:10): the secretary, the chair and the signatories. */
export function maySeeDraftMinutes(
  user: Who,
  committee: CommitteeRef,
  minutes: Pick<Minutes, 'chairPersonId' | 'secretaryPersonId'>,
  signatoryPersonIds: readonly number[],
): boolean {
  if (holdsFor(user, 'secretary', committee)) return true
  const person = user.personId
  return (
    person !== null &&
    (person === minutes.chairPersonId ||
      person === minutes.secretaryPersonId ||
      signatoryPersonIds.includes(person))
  )
}

/** Whether the committee belongs on the user's workspace start page at all. */
export function mayWorkWith(user: Who, committee: CommitteeRef): boolean {
  return mayManageCommittee(user, committee) || mayReadConfidential(user, committee)
}

/** Throws `forbidden` unless the policy allowed it; `what` says what was refused (for the log). */
export function assertAllowed(allowed: boolean, what: string): void {
  if (!allowed) throw new DomainError('forbidden', 'not_allowed', `not allowed: ${what}`)
}
