import { readFile } from 'node:fs/promises'
import { officeParts } from './file-sniffing.ts'
import type { FileType } from './file-type.ts'
import { extractPdfPages } from './pdf-text.ts'
import type { ZipParts } from './zip-parts.ts'

// The text of a document, for search. Extraction is best effort: a file whose text cannot be read
// (a scanned PDF, a damaged part) is still a valid document, just not findable by its words.

/** PDF.js needs the whole file in memory; past this size the PDF is stored without its text. */
export const largestPdfForText = 25 * 1024 * 1024
/**
 * The pages of a PDF read for its text. Far beyond any committee's document; a file of more pages
 * is kept whole but found only by the words of these, so an upload cannot hold the server for
 * minutes (a page of text takes PDF.js 5-15 ms).
 */
export const mostPdfPagesForText = 1_000
/** The text kept of one document (the search index keeps less still). */
const longestText = 2_000_000

/** The readable text of a stored file, or null when it has none (images) or it cannot be read. */
export async function extractDocumentText(
  file: string,
  type: FileType,
  size: number,
  zip: ZipParts,
): Promise<string | null> {
  const text = await rawText(file, type, size, zip)
  const tidy = text
    ?.replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return tidy ? tidy.slice(0, longestText) : null
}

async function rawText(file: string, type: FileType, size: number, zip: ZipParts) {
  switch (type) {
    case 'pdf':
      if (size > largestPdfForText) return null
      try {
        return (await extractPdfPages(await readFile(file), { mostPages: mostPdfPagesForText })).join('\n\n')
      } catch {
        return null // encrypted or damaged: PDF.js cannot read it
      }
    case 'docx':
      return xmlText(zip.get(officeParts.docxText), docxRules)
    case 'odt':
      return xmlText(zip.get(officeParts.odtText), odtRules)
    case 'xlsx':
      return xmlText(zip.get(officeParts.xlsxText), xlsxRules)
    case 'png':
    case 'jpeg':
      return null
  }
}

/** What a format's markup means for plain text: [pattern, replacement], applied in order. */
type Rules = ReadonlyArray<readonly [RegExp, string]>

const docxRules: Rules = [
  // Field codes ("PAGE \* MERGEFORMAT") and deleted tracked changes are not the document's text.
  [/<w:(instrText|delText)\b[^>]*>[\s\S]*?<\/w:\1>/g, ''],
  [/<w:tab\/>/g, '\t'],
  [/<w:(br|cr)\b[^>]*\/>/g, '\n'],
  [/<\/w:p>/g, '\n'],
]

const odtRules: Rules = [
  [/<office:annotation\b[\s\S]*?<\/office:annotation>/g, ''], // comments
  [/<text:tab\/>/g, '\t'],
  [/<text:line-break\/>/g, '\n'],
  [/<text:s\b[^>]*\/>/g, ' '], // runs of spaces
  [/<\/text:(p|h)>/g, '\n'],
]

const xlsxRules: Rules = [
  [/<rPh\b[\s\S]*?<\/rPh>/g, ''], // phonetic guides
  [/<\/si>/g, '\n'],
]

/** The text of an XML part: markup per the rules, then every tag stripped and entities decoded. */
export function xmlText(bytes: Uint8Array | undefined, rules: Rules): string | null {
  if (!bytes) return null
  let xml = new TextDecoder().decode(bytes)
  for (const [pattern, replacement] of rules) xml = xml.replace(pattern, replacement)
  return decodeEntities(xml.replace(/<[^>]*>/g, ''))
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeEntities(text: string): string {
  // One pass, so "&amp;lt;" becomes "&lt;" and not "<".
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return namedEntities[name] ?? entity
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
  })
}
