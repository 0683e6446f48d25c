import type { FileType } from './file-type.ts'
import type { ZipParts } from './zip-parts.ts'

// What a file is, from its content rather than its name: a declared type is only a claim, and a
// renamed executable must not be published as a PDF.

/** How many bytes from the start the sniffing needs. */
export const headLength = 16

/** The zip entries that tell what an office file is, and hold its text. */
export const officeParts = {
  contentTypes: '[Content_Types].xml',
  odfMimeType: 'mimetype',
  docxText: 'word/document.xml',
  odtText: 'content.xml',
  xlsxText: 'xl/sharedStrings.xml',
} as const

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((b, i) => bytes[i] === b)

/** Whether the file is a zip archive (then its parts decide what it is). */
export const isZip = (head: Uint8Array) => startsWith(head, [0x50, 0x4b, 0x03, 0x04])

/**
 * The allowed type the content shows, or undefined. `zip` holds the office parts of a zip file.
 * Macro-enabled and template variants of the office formats declare other content types and are
 * not recognised, so they are refused.
 */
export function sniffFileType(head: Uint8Array, zip?: ZipParts): FileType | undefined {
  // Readers tolerate bytes before the header, but every PDF writer clerks use starts with it.
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf' // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (!isZip(head) || !zip) return undefined
  const odfType = textOf(zip.get(officeParts.odfMimeType))?.trim()
  if (odfType === 'application/vnd.oasis.opendocument.text') return 'odt'
  const contentTypes = textOf(zip.get(officeParts.contentTypes)) ?? ''
  const mainPart = /ContentType="application\/vnd\.openxmlformats-officedocument\.([a-z.]+)\.main\+xml"/.exec(
    contentTypes,
  )?.[1]
  if (mainPart === 'wordprocessingml.document') return 'docx'
  if (mainPart === 'spreadsheetml.sheet') return 'xlsx'
  return undefined
}

const textOf = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined)
