// Small, valid files of every allowed type, built in memory for upload tests: office files are zip
// archives made with fflate, the PDF comes from the fixtures' PDF writer.

import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { strToU8, type Zippable, zipSync } from 'fflate'
import { writePdf } from '../fixtures/documents/write-pdf.ts'

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const contentTypes = (overrides: Record<string, string>) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${Object.entries(
    overrides,
  )
    .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
    .join('')}</Types>`

const officeType = 'application/vnd.openxmlformats-officedocument'

/** A Word document with one paragraph per entry. */
export function docxFile(
  paragraphs: string[],
  mainContentType = `${officeType}.wordprocessingml.document.main+xml`,
) {
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`)
    .join('')
  const files: Zippable = {
    '[Content_Types].xml': strToU8(contentTypes({ '/word/document.xml': mainContentType })),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE \\* MERGEFORMAT</w:instrText></w:r></w:p></w:body></w:document>`,
    ),
  }
  return zipSync(files)
}

/** A spreadsheet whose shared strings are the given cells. */
export function xlsxFile(cells: string[]) {
  return zipSync({
    '[Content_Types].xml': strToU8(
      contentTypes({ '/xl/workbook.xml': `${officeType}.spreadsheetml.sheet.main+xml` }),
    ),
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook/>'),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${cells.length}">${cells
        .map((c) => `<si><t>${xmlEscape(c)}</t></si>`)
        .join('')}</sst>`,
    ),
  })
}

/** An OpenDocument text; its mimetype entry comes first and uncompressed, as the standard says. */
export function odtFile(paragraphs: string[]) {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${paragraphs
        .map((p) => `<text:p>${xmlEscape(p)}</text:p>`)
        .join('')}</office:text></office:body></office:document-content>`,
    ),
    'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest/>'),
  })
}

/** A one-page PDF with the given lines. */
export const pdfFile = (lines: string[]) => writePdf([lines])

/** A 1×1 pixel PNG. */
export const pngFile = () =>
  new Uint8Array(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    ),
  )

/** The start of a JPEG (JFIF): enough for a test, as sniffing reads only the first bytes. */
export const jpegFile = () =>
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9])

/** The bytes as an upload stream, in chunks of 16 KiB. */
export function uploadStream(bytes: Uint8Array): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += 16 * 1024) yield Buffer.from(bytes.subarray(i, i + 16 * 1024))
    })(),
  )
}

/** A marker the test virus scanner treats as a virus (not EICAR, so no real scanner trips on the repository). */
export const testVirusMarker = 'PARAGRAF-TEST-VIRUS-7f3a'

/** A scanner for tests: a file holding the marker is infected. */
export async function testVirusScanner(filePath: string) {
  const bytes = await readFile(filePath)
  return bytes.includes(testVirusMarker) ? { infected: 'Paragraf.Test.Virus' } : ('clean' as const)
}
