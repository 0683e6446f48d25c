import type { FastifyReply, FastifyRequest } from 'fastify'
import { documentUrlName } from '../../domain/document/file-type.ts'
import { getOrganisation } from '../../domain/organisation/organisation.reads.ts'
import type {
  DocumentJsonContext,
  PublishedDocumentJson,
} from '../../domain/publication/meeting-document-json.ts'
import { isStoredDocument } from '../../domain/publication/public-document.ts'
import type { PublicMeeting } from '../../domain/publication/public-meeting.ts'
import { paths } from '../paths.ts'

/**
 * The site's own address (PUBLIC_URL): open data is read away from the page, so links are absolute.
 * Never the Host header a client sent: a page kept by the page cache or a CDN would hand a forged
 * host's links to everyone after.
 */
const baseUrlOf = (request: FastifyRequest) => request.publicUrl.replace(/\/+$/, '')

/** What the serializer needs from the request: the organisation's name, absolute links, today. */
export async function documentJsonContext(
  request: FastifyRequest,
  view: PublicMeeting,
  pagePath: string,
): Promise<DocumentJsonContext> {
  const base = baseUrlOf(request)
  const organisation = await getOrganisation(request.db, view.committee.organisationId)
  return {
    organisation: organisation.name,
    url: `${base}${pagePath}`,
    // As the meeting page links them (AttachmentLink): a stored file to its download, an imported one to where it was published.
    documentHref: (d) =>
      isStoredDocument(d)
        ? `${base}${paths.document(d.id, documentUrlName(d.title, d.mimeType))}`
        : (d.sourceUrl ?? undefined),
    today: request.today,
  }
}

/** Sends document JSON, indented for a reader; the caching hook adds the ETag as for every public GET. */
export const sendDocumentJson = (reply: FastifyReply, document: PublishedDocumentJson) =>
  reply.type('application/json; charset=utf-8').send(JSON.stringify(document, null, 2))
