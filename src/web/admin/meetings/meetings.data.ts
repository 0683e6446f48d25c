import type { FastifyRequest } from 'fastify'
import type { Committee } from '../../../domain/committee/committee.ts'
import { findMeetingBySlug } from '../../../domain/meeting/meeting.service.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { DomainError, NotFoundError } from '../../../domain/shared/errors.ts'
import { committeeFrom } from '../organisation/committee.data.ts'

export type MeetingParams = { Params: { committee: string; meeting: string } }

/** The committee and meeting an address names (…/namnder/socialnamnden/sammantraden/mote-2026-12-09). */
export async function meetingFrom(
  request: FastifyRequest<MeetingParams>,
): Promise<{ committee: Committee; meeting: Meeting }> {
  const committee = await committeeFrom(request)
  const meeting = await findMeetingBySlug(request.db, committee.id, request.params.meeting)
  if (!meeting) throw new NotFoundError('meeting', request.params.meeting)
  return { committee, meeting }
}

/** A positive whole number from a form or an address, or undefined. */
export const idOf = (value: string | undefined) =>
  value && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : undefined

export const isConflict = (error: unknown) => error instanceof DomainError && error.code === 'conflict'
