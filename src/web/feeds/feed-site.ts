import type { FastifyRequest } from 'fastify'
import { getOrganisation, listOrganisations } from '../../domain/organisation/organisation.reads.ts'
import type { FeedSite } from './atom.ts'

/**
 * The tag authority when FEED_ID_AUTHORITY is not set: the host of PUBLIC_URL in 2026. Set
 * FEED_ID_AUTHORITY to this value before the site moves, so the ids stay what they were.
 */
export function defaultFeedIdAuthority(publicUrl: string): string {
  return `${new URL(publicUrl).hostname},2026`
}

/** Where feeds and calendars link and name their ids: under PUBLIC_URL, never the Host header a visitor sent. */
export function feedAddressOf(request: FastifyRequest): Pick<FeedSite, 'baseUrl' | 'idAuthority'> {
  return { baseUrl: request.publicUrl.replace(/\/+$/, ''), idAuthority: request.feedIdAuthority }
}

/**
 * Who publishes a feed and under which address (feedAddressOf), with the organisation as author
 * (one committee's, or every organisation on the site).
 */
export async function feedSiteOf(request: FastifyRequest, organisationId?: number): Promise<FeedSite> {
  const names =
    organisationId === undefined
      ? (await listOrganisations(request.db)).map((o) => o.name)
      : [(await getOrganisation(request.db, organisationId)).name]
  return { ...feedAddressOf(request), author: names.join(', ') || 'Paragraf' }
}
