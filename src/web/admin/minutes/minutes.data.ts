import type { FastifyRequest } from 'fastify'
import { assertAllowed, mayKeepMinutes, maySeeDraftMinutes } from '../../../domain/account/access.policy.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { listMemberships } from '../../../domain/membership/membership.service.ts'
import { type MinutesRecord, readMinutesRecord } from '../../../domain/minutes/minutes-record.ts'
import { listParties, listPersons } from '../../../domain/person/person.reads.ts'
import { type MeetingParams, meetingFrom } from '../meetings/meetings.data.ts'
import { currentUser } from '../shared/admin-request.ts'

export { type MeetingParams, meetingFrom } from '../meetings/meetings.data.ts'

/** Keeping the minutes (roll call, §§, votes, sign-off preparation) is the secretary's. */
export async function minutesToKeep(request: FastifyRequest<MeetingParams>) {
  const found = await meetingFrom(request)
  assertAllowed(mayKeepMinutes(currentUser(request), found.committee), 'keep the minutes')
  return found
}

/**
 * The draft minutes with the names they need. Draft minutes are no public document (TF 2:10):
 * only those maySeeDraftMinutes allows read them.
 */
export async function loadMinutes(request: FastifyRequest, committee: Committee, meeting: Meeting) {
  const record = await readMinutesRecord(request.db, meeting.id)
  if (record) {
    assertAllowed(
      maySeeDraftMinutes(currentUser(request), committee, record.minutes, record.signatoryIds),
      'see draft minutes',
    )
  }
  const [memberships, persons, parties] = await Promise.all([
    listMemberships(request.db, committee.id, meeting.meetsOn),
    listPersons(request.db, committee.organisationId),
    listParties(request.db, committee.organisationId),
  ])
  return {
    record,
    memberships,
    persons,
    parties,
    personName: (id: number | null) => persons.find((p) => p.id === id)?.name ?? 'Okänd',
    partyName: (id: number | null) => parties.find((p) => p.id === id)?.abbreviation,
  }
}

export type MinutesData = Awaited<ReturnType<typeof loadMinutes>> & { record: MinutesRecord | undefined }

/** A named field of a form body as a trimmed string ('' when absent). */
export function fieldOf(body: unknown, name: string): string {
  const value = (body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined) ?? ''
  return (Array.isArray(value) ? String(value[0] ?? '') : String(value)).replace(/\r\n/g, '\n').trim()
}

/** A whole number from a form field, or undefined when empty or not a number. */
export function numberOf(body: unknown, name: string): number | undefined {
  const text = fieldOf(body, name)
  return /^\d+$/.test(text) ? Number(text) : undefined
}

/** Lines of a textarea as points, empty lines dropped. */
export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
