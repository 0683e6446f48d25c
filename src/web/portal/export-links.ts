import { documentUrlName } from '../../domain/document/file-type.ts'
import type { BulkExportLinks } from '../../domain/publication/bulk-export.ts'
import { isStoredDocument } from '../../domain/publication/public-document.ts'
import { paths } from '../paths.ts'

/**
 * The links of the bulk export, on the portal's address (PUBLIC_URL) rather than the one a request
 * came by, so `paragraf export` and the download give the same archive. They are built as the
 * JSON routes build theirs (document-json.response.ts), so each file equals what its page serves.
 */
export function exportLinks(baseUrl: string, today: string): BulkExportLinks {
  const base = baseUrl.replace(/\/+$/, '')
  return {
    contextOf: (view, kind, organisation) => ({
      organisation,
      url: `${base}${(kind === 'agenda' ? paths.meeting : paths.minutes)(view.committee.slug, view.meeting.slug)}`,
      // A stored file to its download, an imported one to where it was published (as AttachmentLink).
      documentHref: (d) =>
        isStoredDocument(d)
          ? `${base}${paths.document(d.id, documentUrlName(d.title, d.mimeType))}`
          : (d.sourceUrl ?? undefined),
      today,
    }),
    sectionUrl: (committee, meeting, section) => `${base}${paths.section(committee, meeting, section)}`,
  }
}
