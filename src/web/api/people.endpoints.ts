import { z } from 'zod'
import type { Party, Person } from '../../domain/person/person.ts'
import { pageOfParties, pageOfPublicPersons } from '../../domain/publication/api-pages.repository.ts'
import { readPartyRecord, readPersonRecord } from '../../domain/publication/person-record.ts'
import { endpoint } from './api-endpoint.ts'
import {
  type ApiLinks,
  apiLinksOf,
  cursorParam,
  decodeCursor,
  encodeCursor,
  limitParam,
  pageLinksOf,
  pageParam,
} from './api-links.ts'
import { recordOf } from './api-presenters.ts'
import { partyListSchema, partyRecordSchema, personListSchema, personRecordSchema } from './api-schemas.ts'
import { slugParam } from './committee.endpoints.ts'

const personOf = (links: ApiLinks, p: Person) => ({
  slug: p.slug,
  name: p.name,
  title: p.title,
  links: { self: links.person(p.slug), html: links.site(links.paths.person(p.slug)) },
})

const partyOf = (links: ApiLinks, p: Party) => ({
  abbreviation: p.abbreviation,
  name: p.name,
  links: { self: links.party(p.abbreviation), html: links.site(links.paths.party(p.abbreviation)) },
})

const recordQuery = z.object({ page: pageParam })

export const listPeopleEndpoint = endpoint({
  operationId: 'listPeople',
  path: '/people',
  tag: 'Personer och partier',
  summary:
    'Personer som har eller har haft en plats i en nämnd eller som närvarat vid ett justerat sammanträde.',
  query: z.object({ cursor: cursorParam, limit: limitParam }),
  response: personListSchema,
  async handle(request, { query }) {
    const links = apiLinksOf(request)
    const page = await pageOfPublicPersons(request.db, {
      after: decodeCursor(query.cursor, z.number().int()),
      limit: query.limit,
    })
    return {
      data: page.rows.map((p) => personOf(links, p)),
      links: pageLinksOf(request, page.next === undefined ? undefined : { cursor: encodeCursor(page.next) }),
    }
  },
})

export const getPersonEndpoint = endpoint({
  operationId: 'getPerson',
  path: '/people/{person}',
  tag: 'Personer och partier',
  summary:
    'En persons uppdrag, närvaro, yrkanden, reservationer, uttalanden och röster ur justerade, offentliga paragrafer; 50 per lista och sida.',
  params: z.object({ person: slugParam.describe('Personens adressnamn: anna-berg.') }),
  query: recordQuery,
  response: personRecordSchema,
  async handle(request, { params, query }) {
    const found = await readPersonRecord(request.db, params.person, query.page)
    if (!found) return undefined
    const links = apiLinksOf(request)
    return {
      person: personOf(links, found.person),
      ...recordOf(links, found.record),
      links: {
        ...pageLinksOf(request, found.record.hasOlder ? { page: query.page + 1 } : undefined),
        html: links.site(links.paths.person(found.person.slug)),
      },
    }
  },
})

const nameKey = z.object({ name: z.string(), id: z.number().int() })

export const listPartiesEndpoint = endpoint({
  operationId: 'listParties',
  path: '/parties',
  tag: 'Personer och partier',
  summary: 'Partier och grupper, efter förkortning.',
  query: z.object({ cursor: cursorParam, limit: limitParam }),
  response: partyListSchema,
  async handle(request, { query }) {
    const links = apiLinksOf(request)
    const page = await pageOfParties(request.db, {
      after: decodeCursor(query.cursor, nameKey),
      limit: query.limit,
    })
    return {
      data: page.rows.map((p) => partyOf(links, p)),
      links: pageLinksOf(request, page.next && { cursor: encodeCursor(page.next) }),
    }
  },
})

export const getPartyEndpoint = endpoint({
  operationId: 'getParty',
  path: '/parties/{party}',
  tag: 'Personer och partier',
  summary: 'Ett partis uppdrag, yrkanden, reservationer, uttalanden och röster, för alla som suttit för det.',
  params: z.object({
    party: z.string().trim().min(1).max(20).describe('Partiets förkortning som den trycks: S, MP, F!.'),
  }),
  query: recordQuery,
  response: partyRecordSchema,
  async handle(request, { params, query }) {
    const found = await readPartyRecord(request.db, params.party, query.page)
    if (!found) return undefined
    const links = apiLinksOf(request)
    return {
      party: partyOf(links, found.party),
      ...recordOf(links, found.record),
      links: {
        ...pageLinksOf(request, found.record.hasOlder ? { page: query.page + 1 } : undefined),
        html: links.site(links.paths.party(found.party.abbreviation)),
      },
    }
  },
})
