import type { FastifyInstance } from 'fastify'
import { renderMinutesPdf } from '../../archive/minutes-pdf.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { type PublicMeetingParams, publicMeetingFrom } from './public-meeting.request.ts'

/** The signed-off minutes as PDF/A (P5, P6); 404 as the minutes page's JSON when nothing is signed off (TF 2:10). */
export async function minutesPdfRoutes(app: FastifyInstance) {
  app.get<PublicMeetingParams>('/committees/:committee/:meeting/protokoll.pdf', async (request, reply) => {
    const view = await publicMeetingFrom(request)
    const { minutes } = view
    if (!minutes) throw new NotFoundError('minutes', request.params.meeting)
    const pdf = await renderMinutesPdf({ ...view, minutes })
    const fileName = `protokoll-${view.committee.slug}-${view.meeting.meetsOn}.pdf`
    // A Buffer, so the caching hook gives it an ETag; the same minutes give the same bytes.
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${fileName}"`)
      .send(pdf)
  })
}
