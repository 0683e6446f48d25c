import type { FastifyRequest } from 'fastify'
import { type PublicMeeting, readPublicMeeting } from '../../domain/publication/public-meeting.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { slugParam } from './committee.routes.tsx'

export type PublicMeetingParams = { Params: { committee: string; meeting: string } }

/** The public view of the meeting an address names (/committees/socialnamnden/mote-2022-12-14), or 404. */
export async function publicMeetingFrom(
  request: FastifyRequest<PublicMeetingParams>,
): Promise<PublicMeeting> {
  const committeeSlug = slugParam.safeParse(request.params.committee)
  const meetingSlug = slugParam.safeParse(request.params.meeting)
  const view =
    committeeSlug.success && meetingSlug.success
      ? await readPublicMeeting(request.db, committeeSlug.data, meetingSlug.data)
      : undefined
  if (!view) throw new NotFoundError('meeting', request.params.meeting)
  return view
}
