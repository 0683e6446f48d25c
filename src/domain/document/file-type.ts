import { slugify } from '../shared/slug.ts'
import { UploadRefusedError } from './upload-refusal.ts'

// The kinds of file a document may be: what clerks upload in practice, and what a reader can open
// without special software. Anything else (macros, archives, executables, SVG with scripts) is refused.

export type FileType = 'pdf' | 'docx' | 'odt' | 'xlsx' | 'png' | 'jpeg'

interface FileTypeFacts {
  /** The media type sent with the file when it is downloaded. */
  mimeType: string
  /** Other media types browsers declare for the same kind of file. */
  aliases: readonly string[]
  extensions: readonly string[]
  /** How the type is named beside a download link ("PDF, 1,2 MB"). */
  label: string
}

export const fileTypes: Record<FileType, FileTypeFacts> = {
  pdf: { mimeType: 'application/pdf', aliases: ['application/x-pdf'], extensions: ['pdf'], label: 'PDF' },
  docx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    aliases: [],
    extensions: ['docx'],
    label: 'Word',
  },
  odt: {
    mimeType: 'application/vnd.oasis.opendocument.text',
    aliases: [],
    extensions: ['odt'],
    label: 'ODT',
  },
  xlsx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    aliases: [],
    extensions: ['xlsx'],
    label: 'Excel',
  },
  png: { mimeType: 'image/png', aliases: [], extensions: ['png'], label: 'PNG-bild' },
  jpeg: {
    mimeType: 'image/jpeg',
    aliases: ['image/jpg', 'image/pjpeg'],
    extensions: ['jpg', 'jpeg'],
    label: 'JPEG-bild',
  },
}

const allTypes = Object.keys(fileTypes) as FileType[]

/** The type a media type names, if it is one of the allowed ones ("; charset=…" ignored). */
export function fileTypeOfMimeType(mimeType: string | null | undefined): FileType | undefined {
  const bare = mimeType?.split(';')[0]?.trim().toLowerCase()
  if (!bare) return undefined
  return allTypes.find((t) => fileTypes[t].mimeType === bare || fileTypes[t].aliases.includes(bare))
}

/** The type a file name's extension names, if it is one of the allowed ones. */
export function fileTypeOfFileName(fileName: string): FileType | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase()
  return extension ? allTypes.find((t) => fileTypes[t].extensions.includes(extension)) : undefined
}

/** Media types that say nothing about the file: the browser did not know, so the name decides. */
export const isGenericMimeType = (mimeType: string | null | undefined) =>
  !mimeType?.trim() ||
  /^application\/(octet-stream|x-download|download|force-download)\b/i.test(mimeType.trim())

/**
 * The type the upload claims to be, by its media type and its name. A generic media type
 * (application/octet-stream) leaves the name to decide; a name without extension leaves the media type.
 */
export function declaredFileType({ fileName, mimeType }: { fileName: string; mimeType: string }): FileType {
  const byMimeType = isGenericMimeType(mimeType) ? undefined : fileTypeOfMimeType(mimeType)
  if (!isGenericMimeType(mimeType) && !byMimeType) {
    throw new UploadRefusedError('type_not_allowed', `files of type ${mimeType} are not allowed`)
  }
  const hasExtension = /\.[A-Za-z][A-Za-z0-9]{0,4}$/.test(fileName.trim())
  const byName = fileTypeOfFileName(fileName)
  if (hasExtension && !byName) {
    throw new UploadRefusedError('type_not_allowed', `files named like ${fileName} are not allowed`)
  }
  if (byMimeType && byName && byMimeType !== byName) {
    throw new UploadRefusedError('type_mismatch', `${fileName} was sent as ${mimeType}`)
  }
  const declared = byMimeType ?? byName
  if (!declared) throw new UploadRefusedError('type_not_allowed', `cannot tell the type of ${fileName}`)
  return declared
}

/**
 * The name a stored document is downloaded under: its title with the characters file systems
 * forbid taken out, and its type's extension ("Tjänsteutlåtande om taxor.pdf").
 */
export function documentFileName(title: string, mimeType: string): string {
  const base =
    title
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 150) || 'handling'
  return withExtension(base, mimeType)
}

/** The same name as a plain address part: "tjansteutlatande-om-taxor.pdf". */
export function documentUrlName(title: string, mimeType: string): string {
  return withExtension(slugify(title).slice(0, 80).replace(/-+$/, '') || 'handling', mimeType)
}

function withExtension(base: string, mimeType: string): string {
  const type = fileTypeOfMimeType(mimeType)
  return type ? `${base}.${fileTypes[type].extensions[0]}` : base
}
