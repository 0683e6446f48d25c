import type { FastifyInstance } from 'fastify'
import { type PersonActivity, readPersonActivity } from '../../domain/publication/person-activity.ts'
import { readPersonRecord } from '../../domain/publication/person-record.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import type { AtomEntry } from '../feeds/atom.ts'
import { renderAtom } from '../feeds/atom.ts'
import { feedSiteOf } from '../feeds/feed-site.ts'
import { paths } from '../paths.ts'
import { formatLongDate } from '../views/format.ts'
import { sendPage } from '../views/render.tsx'
import { slugParam } from './committee.routes.tsx'
import { pageNumber } from './notice-board.routes.tsx'
import { PersonPage, personFeedPath } from './person.page.tsx'

/** The newest entries a person's feed holds. */
export const personFeedSize = 50

function activityEntry(a: PersonActivity): AtomEntry {
  const { section } = a
  return {
    path: paths.section(section.committeeSlug, section.meetingSlug, section.sectionNumber),
    key: a.key.replace(':', '-'),
    title: `${a.heading}: ${section.committeeName} ${formatLongDate(section.meetsOn)}, ${section.sectionLabel} ${section.sectionTitle}`,
    date: new Date(`${section.meetsOn}T00:00:00.000Z`),
    summary: a.text || `${section.sectionLabel} ${section.sectionTitle}`,
  }
}

export async function personRoutes(app: FastifyInstance) {
  app.get<{ Params: { person: string }; Querystring: { sida?: unknown } }>(
    '/personer/:person',
    async (request, reply) => {
      const slug = slugParam.safeParse(request.params.person)
      const found = slug.success
        ? await readPersonRecord(request.db, slug.data, pageNumber(request.query.sida))
        : undefined
      if (!found) throw new NotFoundError('person', request.params.person)
      return sendPage(reply, <PersonPage person={found.person} record={found.record} />)
    },
  )

  // What the person did in signed-off, non-confidential §§: motions, dissents, statements, ballots.
  app.get<{ Params: { person: string } }>('/personer/:person/flode.atom', async (request, reply) => {
    const slug = slugParam.safeParse(request.params.person)
    const found = slug.success ? await readPersonActivity(request.db, slug.data) : undefined
    if (!found) throw new NotFoundError('person', request.params.person)
    const { person, activity } = found
    const body = renderAtom(await feedSiteOf(request, person.organisationId), {
      title: person.name,
      description: `Yrkanden, reservationer, uttalanden och röster av ${person.name} i justerade protokoll.`,
      pagePath: paths.person(person.slug),
      feedPath: personFeedPath(person.slug),
      entries: activity.slice(0, personFeedSize).map(activityEntry),
    })
    return reply.type('application/atom+xml; charset=utf-8').send(body)
  })
}
