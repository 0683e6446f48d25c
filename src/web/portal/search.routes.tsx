import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { listCommittees } from '../../domain/committee/committee.service.ts'
import { listRecentSearchHits } from '../../domain/search/recent-hits.ts'
import type { SavedSearch } from '../../domain/search/saved-search.ts'
import { listSearchChoices, search } from '../../domain/search/search.service.ts'
import type { SearchKind } from '../../domain/search/search.ts'
import { describeTarget } from '../../domain/subscription/subscription.ts'
import { recentHitPath } from '../../domain/subscription/subscription-items.ts'
import { renderAtom } from '../feeds/atom.ts'
import { feedSiteOf } from '../feeds/feed-site.ts'
import { paths, type SearchParams } from '../paths.ts'
import { sendPage } from '../views/render.tsx'
import { type SearchForm, SearchPage } from './search.page.tsx'

export const pageSize = 20

/** The kinds by their names in the address. */
export const kindOfParam: Record<string, SearchKind> = {
  dagordning: 'agenda_item',
  protokoll: 'section',
  handling: 'document',
}

// Each parameter on its own: one that cannot be read is left out and named on the page, so a
// malformed address still gives a search page, never an error.
const params = {
  q: z.string().transform((q) => q.slice(0, 500)),
  namnd: z.string().regex(/^[a-z0-9-]{1,120}$/),
  ar: z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number),
  typ: z.enum(Object.keys(kindOfParam) as [string, ...string[]]),
  parti: z
    .string()
    .trim()
    .regex(/^[^\p{C}]{1,20}$/u),
  sida: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(1)),
}
type ParamName = keyof typeof params

const paramLabels: Record<ParamName, string> = {
  q: 'sökord',
  namnd: 'nämnd',
  ar: 'år',
  typ: 'typ',
  parti: 'parti',
  sida: 'sida',
}

/** Reads the query string; what cannot be read is ignored and reported by its Swedish name. */
export function readSearchForm(query: unknown): { form: SearchForm; ignored: string[] } {
  const raw = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>
  const ignored: string[] = []
  const read = <K extends ParamName>(name: K): z.output<(typeof params)[K]> | undefined => {
    const value = raw[name]
    if (value === undefined || value === '') return undefined
    const parsed = params[name].safeParse(value)
    if (parsed.success) return parsed.data as z.output<(typeof params)[K]>
    ignored.push(paramLabels[name])
    return undefined
  }
  const form: SearchForm = {
    q: read('q') ?? '',
    committeeSlug: read('namnd'),
    year: read('ar'),
    kindParam: read('typ'),
    party: read('parti'),
    page: read('sida') ?? 1,
  }
  return { form, ignored }
}

/** The words and filters of the form, without its page: what a saved search repeats. */
export function savedSearchOf(form: SearchForm): SavedSearch {
  return {
    q: form.q,
    committeeSlug: form.committeeSlug,
    year: form.year,
    kind: form.kindParam ? kindOfParam[form.kindParam] : undefined,
    party: form.party,
  }
}

/** The search page's parameters of a form, without its page (the address of a saved search). */
export function searchParamsOf(form: SearchForm): SearchParams {
  return { q: form.q, namnd: form.committeeSlug, ar: form.year, typ: form.kindParam, parti: form.party }
}

/**
 * A saved search from the search page's query string (the subscribe form's `sokning`), read as the
 * page reads it, and that query string as the page writes it.
 */
export function readSavedSearch(queryString: string): { search: SavedSearch; queryString: string } {
  const { form } = readSearchForm(Object.fromEntries(new URLSearchParams(queryString)))
  return {
    search: savedSearchOf(form),
    queryString: paths.search(searchParamsOf(form)).replace(/^\/sok\??/, ''),
  }
}

/** The newest entries a search feed holds. */
export const searchFeedSize = 50

function queryOf(form: SearchForm, page: number, size: number) {
  return {
    q: form.q,
    committeeSlug: form.committeeSlug,
    year: form.year,
    kind: form.kindParam ? kindOfParam[form.kindParam] : undefined,
    party: form.party,
    page,
    pageSize: size,
  }
}

export async function searchRoutes(app: FastifyInstance) {
  // A saved search as a feed: the newest public hits (by meeting), each dated by the day it was
  // published (anchors ground 10). Its id is the canonical address, whatever order the filters came in.
  app.get('/sok/flode.atom', async (request, reply) => {
    const { form } = readSearchForm(request.query)
    const params = searchParamsOf(form)
    const hits = await listRecentSearchHits(request.db, savedSearchOf(form), { limit: searchFeedSize })
    const body = renderAtom(await feedSiteOf(request), {
      title: `Sökning: ${form.q || 'allt'}`,
      description: `Nya träffar i dagordningar, protokoll och handlingar för ”${form.q}”.`,
      pagePath: paths.search(params),
      feedPath: paths.searchFeed(params),
      entries: hits.map((hit) => ({
        path: recentHitPath(hit),
        key: `${hit.kind}-${hit.objectId}`,
        title: `${hit.label ? `${hit.label} ` : ''}${hit.title} (${hit.committee.name} ${hit.meeting.meetsOn})`,
        date: new Date(`${hit.publishedOn}T00:00:00.000Z`),
        summary: hit.excerpt,
      })),
    })
    return reply.type('application/atom+xml; charset=utf-8').send(body)
  })

  app.get('/sok', async (request, reply) => {
    const { form, ignored } = readSearchForm(request.query)
    const [committees, choices, result] = await Promise.all([
      listCommittees(request.db),
      listSearchChoices(request.db),
      search(request.db, queryOf(form, form.page, pageSize)),
    ])
    const params = searchParamsOf(form)
    const committee = committees.find((c) => c.slug === form.committeeSlug)
    // A search of a committee that does not exist finds nothing, ever: nothing to follow.
    const follow =
      form.committeeSlug && !committee
        ? undefined
        : {
            what: describeTarget({
              kind: 'search',
              search: savedSearchOf(form),
              committeeName: committee?.name,
            }),
            searchQuery: paths.search(params).replace(/^\/sok\??/, ''),
          }
    return sendPage(
      reply,
      <SearchPage
        form={form}
        ignored={ignored}
        committees={committees}
        choices={choices}
        result={result}
        follow={follow}
      />,
    )
  })
}
