import type { FastifyInstance } from 'fastify'
import { getAgenda } from '../../domain/agenda/agenda.service.ts'
import { findCommitteeBySlug } from '../../domain/committee/committee.service.ts'
import { findMeetingBySlug } from '../../domain/meeting/meeting.service.ts'
import { personIdsOf, publicMinutesRecord, readMinutesRecord } from '../../domain/minutes/minutes-record.ts'
import { listParties, listPersonsByIds } from '../../domain/person/person.service.ts'
import { publicAgenda } from '../../domain/publication/public-agenda.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { sendPage } from '../views/render.tsx'
import { slugParam } from './committee.routes.tsx'
import { MeetingPage } from './meeting.page.tsx'
import type { Names } from './minutes.view.tsx'

export async function meetingRoutes(app: FastifyInstance) {
  app.get<{ Params: { committee: string; meeting: string } }>(
    '/committees/:committee/:meeting',
    async (request, reply) => {
      const committeeSlug = slugParam.safeParse(request.params.committee)
      const meetingSlug = slugParam.safeParse(request.params.meeting)
      const committee = committeeSlug.success
        ? await findCommitteeBySlug(request.db, committeeSlug.data)
        : undefined
      const meeting =
        committee && meetingSlug.success
          ? await findMeetingBySlug(request.db, committee.id, meetingSlug.data)
          : undefined
      if (!committee || !meeting) throw new NotFoundError('meeting', request.params.meeting)
      const [agenda, record, parties] = await Promise.all([
        getAgenda(request.db, meeting.id),
        readMinutesRecord(request.db, meeting.id),
        listParties(request.db, committee.organisationId),
      ])
      // The agenda is public once the notice is out; minutes only once signed off (TF 2:10).
      const noticeOut = meeting.status !== 'planned'
      const minutes = record && publicMinutesRecord(record)
      const personIds = minutes ? personIdsOf(minutes) : new Set<number>()
      const persons = new Map((await listPersonsByIds(request.db, [...personIds])).map((p) => [p.id, p.name]))
      const partyNames = new Map(parties.map((p) => [p.id, p.abbreviation]))
      const names: Names = {
        person: (id) => (id ? (persons.get(id) ?? 'Okänd') : 'Okänd'),
        party: (id) => (id ? partyNames.get(id) : undefined),
      }
      return sendPage(
        reply,
        <MeetingPage
          committee={committee}
          meeting={meeting}
          agenda={noticeOut ? publicAgenda(agenda) : []}
          minutes={minutes}
          names={names}
        />,
      )
    },
  )
}
