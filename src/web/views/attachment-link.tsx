import type { Document } from '../../domain/document/document.ts'
import { documentKindLabels } from '../../domain/document/document.ts'
import { documentUrlName, fileTypeOfMimeType, fileTypes } from '../../domain/document/file-type.ts'
import { isStoredDocument } from '../../domain/publication/public-document.ts'
import { paths } from '../paths.ts'

/**
 * An attachment in a list: a stored file links to its download with its type and size ("Bilaga,
 * PDF, 1,2 MB"), so a reader knows what opens before following it; an imported one links to where
 * the municipality published it.
 */
export function AttachmentLink({ document: d }: { document: Document }) {
  const kind = documentKindLabels[d.kind]
  if (isStoredDocument(d)) {
    const type = fileTypeOfMimeType(d.mimeType)
    return (
      <>
        <a href={paths.document(d.id, documentUrlName(d.title, d.mimeType))}>{d.title}</a>{' '}
        <span class="muted">
          ({[kind, type && fileTypes[type].label, formatFileSize(d.sizeBytes)].filter(Boolean).join(', ')})
        </span>
      </>
    )
  }
  return (
    <>
      {d.sourceUrl ? <a href={d.sourceUrl}>{d.title}</a> : d.title} <span class="muted">({kind})</span>
    </>
  )
}

/** "820 kB", "1,2 MB": binary units, as file managers show them, with a Swedish decimal comma. */
export function formatFileSize(bytes: number): string {
  const kilobytes = bytes / 1024
  if (kilobytes < 1000) return `${Math.max(1, Math.round(kilobytes))} kB`
  const megabytes = kilobytes / 1024
  return `${megabytes.toLocaleString('sv-SE', { maximumFractionDigits: megabytes < 10 ? 1 : 0 })} MB`
}
