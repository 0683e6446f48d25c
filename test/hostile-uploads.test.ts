import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { loadDemoData } from '../src/demo/load-demo.ts'
import { createApp } from '../src/web/app.ts'
import { writePdf } from './fixtures/documents/write-pdf.ts'
import type { AdminClient } from './support/admin-client.ts'
import { signedInDemoAccount } from './support/admin-users.ts'
import { scriptMarker } from './support/hostile-values.ts'
import { describeOnEachDatabase } from './support/test-db.ts'

// Hostile files through the workspace's upload form, as a signed-in secretary sends them: zip
// bombs dressed as Word and Excel files, PDFs with a huge page count or deeply nested objects, and
// files whose name and declared type lie about what they are. Each is answered (never a 500) in
// bounded time, and the server's memory does not run away.

const itemUrl = '/admin/namnder/socialnamnden/sammantraden/mote-2022-12-14/dagordning/1'
const officeType = 'application/vnd.openxmlformats-officedocument'

/** A zip whose `part` inflates to `megabytes` MiB of one repeated byte: ~1000 times smaller on the wire. */
function zipBomb(mainType: string, part: string, megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = []
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    chunks.push(chunk)
  })
  const types = new ZipPassThrough('[Content_Types].xml')
  zip.add(types)
  types.push(
    strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${part}" ContentType="${officeType}.${mainType}.main+xml"/></Types>`,
    ),
    true,
  )
  const bomb = new ZipDeflate(part, { level: 9 })
  zip.add(bomb)
  const megabyte = new Uint8Array(1024 * 1024).fill(0x3c) // '<', so a tag that never ends
  for (let i = 0; i < megabytes; i++) bomb.push(megabyte, i === megabytes - 1)
  zip.end()
  return Buffer.concat(chunks)
}

/** A PDF whose page tree claims `count` pages and holds one. */
function pdfClaimingPages(count: number): Uint8Array {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [3 0 R] /Count ${count} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ])
}

/** A PDF with an array nested `depth` deep in its page's resources. */
function pdfNested(depth: number): Uint8Array {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /X ${'['.repeat(depth)}${']'.repeat(depth)} >> >>`,
  ])
}

function pdfOf(objects: string[]): Uint8Array {
  let body = '%PDF-1.7\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body))
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = Buffer.byteLength(body)
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body)
}

interface Hostile {
  name: string
  fileName: string
  contentType: string
  bytes: () => Uint8Array
  /** What the form must answer: 303 (kept as a document) or 400 (refused, said why). */
  expect: 303 | 400
}

const files: Hostile[] = [
  {
    name: 'a zip bomb named .docx (64 MiB of markup in word/document.xml, twice the largest part read)',
    fileName: 'protokoll.docx',
    contentType: `${officeType}.wordprocessingml.document`,
    bytes: () => zipBomb('wordprocessingml.document', 'word/document.xml', 64),
    expect: 303,
  },
  {
    name: 'a zip bomb named .xlsx (64 MiB in xl/sharedStrings.xml)',
    fileName: 'budget.xlsx',
    contentType: `${officeType}.spreadsheetml.sheet`,
    bytes: () => zipBomb('spreadsheetml.sheet', 'xl/sharedStrings.xml', 64),
    expect: 303,
  },
  {
    name: 'a PDF whose page tree claims 100 million pages',
    fileName: 'sidor.pdf',
    contentType: 'application/pdf',
    bytes: () => pdfClaimingPages(100_000_000),
    expect: 303,
  },
  {
    name: 'a PDF of 5,000 real pages',
    fileName: 'lang.pdf',
    contentType: 'application/pdf',
    bytes: () => writePdf(Array.from({ length: 5_000 }, (_, i) => [`Sida ${i + 1}`])),
    expect: 303,
  },
  {
    name: 'a PDF with an array nested 100,000 deep',
    fileName: 'djup.pdf',
    contentType: 'application/pdf',
    bytes: () => pdfNested(100_000),
    expect: 303,
  },
  {
    name: 'an HTML page with a script, named .pdf and declared a PDF',
    fileName: 'beslut.pdf',
    contentType: 'application/pdf',
    bytes: () => Buffer.from(`<!doctype html><html><body>${scriptMarker}</body></html>`),
    expect: 400,
  },
  {
    name: 'a Windows program named .docx',
    fileName: 'bilaga.docx',
    contentType: `${officeType}.wordprocessingml.document`,
    bytes: () => Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(4_000)]),
    expect: 400,
  },
  {
    name: 'a PDF named .docx, declared Word',
    fileName: 'forklaring.docx',
    contentType: `${officeType}.wordprocessingml.document`,
    bytes: () => writePdf([['Inte ett Word-dokument']]),
    expect: 400,
  },
  {
    name: 'a PDF declared text/html, named with a script',
    fileName: `${scriptMarker}.pdf`,
    contentType: 'text/html',
    bytes: () => writePdf([['Ett beslut']]),
    expect: 400, // the declared type must agree with the content
  },
]

describeOnEachDatabase('hostile files through the upload form', (getDb) => {
  let app: FastifyInstance
  let secretary: AdminClient
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
    secretary = await signedInDemoAccount(app, 'secretary')
  })
  after(() => app.close())

  for (const file of files) {
    it(`${file.name}: answered ${file.expect} in bounded time and memory`, async (t) => {
      const bytes = file.bytes()
      await secretary.get(itemUrl)
      const rssBefore = process.memoryUsage().rss
      const started = Date.now()
      const answer = await secretary.postFile(
        `${itemUrl}/handlingar`,
        { documentTitle: 'Bilaga', documentKind: 'bilaga', documentConfidential: '', documentGround: '' },
        { fileName: file.fileName, contentType: file.contentType, bytes },
      )
      const ms = Date.now() - started
      const grownMb = Math.round((process.memoryUsage().rss - rssBefore) / 1024 / 1024)
      t.diagnostic(`${bytes.length} bytes: ${answer.statusCode} in ${ms} ms, RSS +${grownMb} MB`)
      assert.equal(answer.statusCode, file.expect, answer.body.slice(0, 500))
      assert.ok(ms < 30_000, `${ms} ms`)
      assert.ok(grownMb < 400, `RSS grew ${grownMb} MB`)
      assert.ok(!answer.body.includes(scriptMarker), 'a script echoed as markup')
      const page = await secretary.get(itemUrl)
      assert.equal(page.statusCode, 200)
      assert.ok(!page.body.includes(scriptMarker), 'a script shown as markup on the item page')
    })
  }
})
