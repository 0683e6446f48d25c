import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  type CommitteeRef,
  mayCreateCommittee,
  mayHandleAccessibilityFeedback,
  mayManageCommittee,
  mayManageDocuments,
  mayManageOrganisation,
  mayManageRegister,
  mayManageUsers,
  mayPrepareMeeting,
  mayReadAuditLog,
  mayReadConfidential,
  maySeeDraftMinutes,
  mayWorkWith,
  type Who,
} from './access.policy.ts'
import type { RoleGrant } from './account.ts'

// Every role × every action, on committee A (organisation 1), whose utskott is A-AU. B is another
// committee of the same organisation; organisation 2 is another kommun.
const org = 1
const a: CommitteeRef = { id: 10, organisationId: org, parentId: null }
const aUtskott: CommitteeRef = { id: 11, organisationId: org, parentId: 10 }
const minutes = { chairPersonId: 501, secretaryPersonId: 502 }
const signatories = [503]

let grantId = 0
const grant = (role: RoleGrant['role'], committeeId: number | null, organisationId = org): RoleGrant => ({
  id: ++grantId,
  userId: 1,
  role,
  organisationId,
  committeeId,
})
const who = (grants: RoleGrant[], extra: Partial<Who> = {}): Who => ({
  grants,
  seatCommitteeIds: [],
  personId: null,
  ...extra,
})

const users: Record<string, Who> = {
  administrator: who([grant('administrator', null)]),
  'administrator of another organisation': who([grant('administrator', null, 2)]),
  'secretary, whole organisation': who([grant('secretary', null)]),
  'secretary of A': who([grant('secretary', 10)]),
  'secretary of B': who([grant('secretary', 20)]),
  'registrar of A': who([grant('registrar', 10)]),
  'member of A': who([], { seatCommitteeIds: [10], personId: 600 }),
  'chair of the meeting': who([], { personId: 501 }),
  'appointed signatory': who([], { personId: 503 }),
  'no role': who([]),
}

const actions: Record<string, (user: Who) => boolean> = {
  'manage the organisation': (u) => mayManageOrganisation(u, org),
  'read the audit log': (u) => mayReadAuditLog(u, org),
  'create a committee': (u) => mayCreateCommittee(u, org),
  'keep the register': (u) => mayManageRegister(u, org),
  'manage committee A': (u) => mayManageCommittee(u, a),
  'prepare a meeting of A': (u) => mayPrepareMeeting(u, a),
  'prepare a meeting of A-AU': (u) => mayPrepareMeeting(u, aUtskott),
  'manage documents of A': (u) => mayManageDocuments(u, a),
  'read confidential of A': (u) => mayReadConfidential(u, a),
  'see draft minutes of A': (u) => maySeeDraftMinutes(u, a, minutes, signatories),
  'work with A': (u) => mayWorkWith(u, a),
  'manage user accounts': (u) => mayManageUsers(u, org),
  'handle accessibility feedback': (u) => mayHandleAccessibilityFeedback(u, org),
}

// One row per user, one letter per action in the order above: Y allowed, - refused.
//   organisation, audit log, create committee, register, manage A, prepare A, prepare A-AU,
//   documents of A, confidential of A, draft minutes of A, work with A, user accounts,
//   accessibility feedback
const expected: Record<string, string> = {
  administrator: 'YYYYY-----YYY',
  'administrator of another organisation': '-------------',
  'secretary, whole organisation': '--YYYYYYYYY--',
  'secretary of A': '---YYYYYYYY--',
  'secretary of B': '---Y---------',
  'registrar of A': '-------YY-Y--',
  'member of A': '--------Y-Y--',
  'chair of the meeting': '---------Y---',
  'appointed signatory': '---------Y---',
  'no role': '-------------',
}

describe('access policy: every role × action', () => {
  for (const [userName, user] of Object.entries(users)) {
    it(`${userName}: ${expected[userName]}`, () => {
      const actual = Object.values(actions)
        .map((may) => (may(user) ? 'Y' : '-'))
        .join('')
      assert.equal(actual, expected[userName], `actions: ${Object.keys(actions).join(', ')}`)
    })
  }
})
