import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { documentFileName, documentUrlName, fileTypeOfMimeType } from '../../domain/document/file-type.ts'
import { wasPublicFile } from '../../domain/public-record/public-record.repository.ts'
import { findPublicDocument } from '../../domain/publication/public-document.ts'
import { NotFoundError } from '../../domain/shared/errors.ts'
import { sendErrorPage } from '../error-pages.tsx'
import { paths } from '../paths.ts'

const idParam = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1)

/** Files a browser may show itself; office files are always saved. */
const shownInBrowser = new Set(['pdf', 'png', 'jpeg'])

export async function documentRoutes(app: FastifyInstance) {
  // A document's file. Whatever keeps it from the public (secret document, secret item, agenda not
  // yet out, no such id) answers 404 alike, so the address tells nothing of what exists (P2, OSL);
  // only a file that was public once answers 410, which tells nothing the public did not see.
  app.get<{ Params: { id: string; filename: string } }>(
    '/handlingar/:id/:filename',
    async (request, reply) => {
      const id = idParam.safeParse(request.params.id)
      const document = id.success ? await findPublicDocument(request.db, id.data) : undefined
      if (!document) {
        // Once public, now not: 410, as OParl 2-07 asks of a deleted file; never public: 404.
        if (id.success && (await wasPublicFile(request.db, id.data))) return sendErrorPage(reply, 'gone')
        throw new NotFoundError('document', request.params.id)
      }
      const urlName = documentUrlName(document.title, document.mimeType)
      if (request.params.filename !== urlName)
        return reply.redirect(paths.document(document.id, urlName), 301)

      // The sha512 is the content's own name: a strong validator that never needs the file read.
      const etag = `"${document.sha512}"`
      const type = fileTypeOfMimeType(document.mimeType)
      reply
        .header('etag', etag)
        // Short, like the pages: a document later made confidential must soon stop being served.
        .header('cache-control', 'public, max-age=60')
      if (request.headers['if-none-match']?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
        return reply.code(304).send()
      }
      return reply
        .type(document.mimeType)
        .header('content-length', document.sizeBytes)
        .header(
          'content-disposition',
          contentDisposition(documentFileName(document.title, document.mimeType), type),
        )
        .send(request.documents.get(document.storageKey))
    },
  )
}

/** RFC 6266: an ASCII fallback name for old clients, and the real name in UTF-8 (RFC 8187). */
function contentDisposition(fileName: string, type: string | undefined): string {
  const disposition = type && shownInBrowser.has(type) ? 'inline' : 'attachment'
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_')
  const utf8 = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${utf8}`
}
