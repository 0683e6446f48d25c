import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, it } from 'node:test'
import { strToU8, zipSync } from 'fflate'
import {
  docxFile,
  jpegFile,
  odtFile,
  pdfFile,
  pngFile,
  testVirusMarker,
  testVirusScanner,
  uploadStream,
  xlsxFile,
} from '../../../test/support/document-files.ts'
import { createTestOrganisation, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { createDiskDocumentStore } from '../../storage/disk-document-store.ts'
import type { DomainError } from '../shared/errors.ts'
import { type UploadDocumentInput, uploadDocument } from './document-upload.service.ts'
import { fileTypes } from './file-type.ts'
import type { UploadRefusal, UploadRefusedError } from './upload-refusal.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-upload-test-'))
after(() => rmSync(dir, { recursive: true, force: true }))

/** The files in a disk store, leaving out its tmp/ directory. */
function storedFiles(storeDir: string): string[] {
  return readdirSync(storeDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.endsWith('tmp'))
    .map((e) => e.name)
}

const sha512 = (bytes: Uint8Array) => createHash('sha512').update(bytes).digest('hex')

describeOnEachDatabase('uploadDocument', (getDb, dialect) => {
  const storeDir = path.join(dir, dialect)
  const store = createDiskDocumentStore(storeDir)
  const upload = async (bytes: Uint8Array, input: Partial<UploadDocumentInput> = {}) => {
    const organisation = await createTestOrganisation(getDb())
    return uploadDocument(
      getDb(),
      store,
      testActor,
      {
        organisationId: organisation.id,
        title: 'Tjänsteutlåtande om taxor',
        kind: 'tjansteutlatande',
        fileName: 'tjansteutlatande.pdf',
        mimeType: 'application/pdf',
        stream: uploadStream(bytes),
        maxBytes: 1024 * 1024,
        ...input,
      },
      { scanForViruses: testVirusScanner },
    )
  }
  const refusal = (reason: UploadRefusal) => (error: UploadRefusedError) =>
    error.code === 'invalid_input' && error.field === 'file' && error.refusal === reason

  it('stores a PDF with its size, sha512, media type and text', async () => {
    const bytes = pdfFile(['Förvaltningen föreslår att taxorna höjs.'])
    const document = await upload(bytes)
    assert.equal(document.sha512, sha512(bytes))
    assert.equal(document.storageKey, sha512(bytes))
    assert.equal(document.sizeBytes, bytes.length)
    assert.equal(document.mimeType, 'application/pdf')
    assert.match(document.extractedText ?? '', /Förvaltningen föreslår att taxorna höjs\./)
    const back = Buffer.concat(await store.get(document.storageKey as string).toArray())
    assert.ok(back.equals(bytes))
  })

  const types = [
    {
      name: 'DOCX',
      bytes: docxFile(['Beslut om bidrag & stöd', 'Andra stycket <viktigt>']),
      fileName: 'beslut.docx',
      mimeType: fileTypes.docx.mimeType,
      text: 'Beslut om bidrag & stöd\nAndra stycket <viktigt>',
    },
    {
      name: 'ODT',
      bytes: odtFile(['Yttrande över remiss', 'Nämnden tillstyrker förslaget.']),
      fileName: 'yttrande.odt',
      mimeType: fileTypes.odt.mimeType,
      text: 'Yttrande över remiss\nNämnden tillstyrker förslaget.',
    },
    {
      name: 'XLSX',
      bytes: xlsxFile(['Budget 2024', 'Äldreomsorg']),
      fileName: 'budget.xlsx',
      mimeType: fileTypes.xlsx.mimeType,
      text: 'Budget 2024\nÄldreomsorg',
    },
    { name: 'PNG', bytes: pngFile(), fileName: 'karta.png', mimeType: 'image/png', text: null },
    { name: 'JPEG', bytes: jpegFile(), fileName: 'foto.JPG', mimeType: 'image/jpeg', text: null },
  ]
  for (const t of types) {
    it(`accepts ${t.name} and keeps its text for search`, async () => {
      const document = await upload(t.bytes, { fileName: t.fileName, mimeType: t.mimeType })
      assert.equal(document.mimeType, t.mimeType)
      assert.equal(document.extractedText, t.text)
    })
  }

  it('leaves the field codes of a Word file out of its text', async () => {
    const document = await upload(docxFile(['Text']), {
      fileName: 'a.docx',
      mimeType: fileTypes.docx.mimeType,
    })
    assert.equal(document.extractedText, 'Text')
  })

  it('lets the file name decide when the browser sends a generic type', async () => {
    const document = await upload(docxFile(['Text']), {
      fileName: 'a.docx',
      mimeType: 'application/octet-stream',
    })
    assert.equal(document.mimeType, fileTypes.docx.mimeType)
  })

  it('stores identical files once', async () => {
    const bytes = pdfFile([`Samma fil ${Date.now()}`])
    const before = storedFiles(storeDir).length
    const first = await upload(bytes)
    const second = await upload(bytes, { title: 'Samma handling igen' })
    assert.notEqual(first.id, second.id)
    assert.equal(first.storageKey, second.storageKey)
    assert.equal(storedFiles(storeDir).length, before + 1)
  })

  it('refuses a file over the limit, saying how large it is, and stores nothing', async () => {
    const before = storedFiles(storeDir)
    const bytes = new Uint8Array(300_000)
    bytes.set(pdfFile(['Stor fil']))
    await assert.rejects(upload(bytes, { maxBytes: 200_000 }), (error: UploadRefusedError) => {
      assert.ok(refusal('too_large')(error))
      assert.match(error.message, /the file is 0\.3 MB; the largest allowed is 0\.2 MB/)
      return true
    })
    assert.deepEqual(storedFiles(storeDir), before)
    assert.deepEqual(readdirSync(path.join(storeDir, 'tmp')), [])
  })

  const refused: Array<{
    what: string
    bytes: () => Uint8Array
    input: Partial<UploadDocumentInput>
    reason: UploadRefusal
  }> = [
    {
      what: 'a PNG sent as a PDF',
      bytes: pngFile,
      input: { fileName: 'bilaga.pdf', mimeType: 'application/pdf' },
      reason: 'type_mismatch',
    },
    {
      what: 'a PDF named .docx',
      bytes: () => pdfFile(['x']),
      input: { fileName: 'bilaga.docx', mimeType: 'application/octet-stream' },
      reason: 'type_mismatch',
    },
    {
      what: 'a name and a media type that disagree',
      bytes: () => pdfFile(['x']),
      input: { fileName: 'bilaga.png', mimeType: 'application/pdf' },
      reason: 'type_mismatch',
    },
    {
      what: 'an HTML page',
      bytes: () => new TextEncoder().encode('<html><script>alert(1)</script></html>'),
      input: { fileName: 'sida.html', mimeType: 'text/html' },
      reason: 'type_not_allowed',
    },
    {
      what: 'a program renamed to .pdf',
      bytes: () => new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]),
      input: { fileName: 'bilaga.pdf', mimeType: 'application/pdf' },
      reason: 'type_not_allowed',
    },
    {
      what: 'a plain zip named .docx',
      bytes: () => zipSync({ 'bilaga.txt': strToU8('Ingen Word-fil') }),
      input: { fileName: 'bilaga.docx', mimeType: fileTypes.docx.mimeType },
      reason: 'type_not_allowed',
    },
    {
      what: 'a macro-enabled Word file',
      bytes: () => docxFile(['x'], 'application/vnd.ms-word.document.macroEnabled.main+xml'),
      input: { fileName: 'bilaga.docx', mimeType: fileTypes.docx.mimeType },
      reason: 'type_not_allowed',
    },
    {
      what: 'an empty file',
      bytes: () => new Uint8Array(0),
      input: {},
      reason: 'empty',
    },
    {
      what: 'an infected file',
      bytes: () => Buffer.concat([pdfFile(['Bilaga']), Buffer.from(`%${testVirusMarker}\n`)]),
      input: {},
      reason: 'infected',
    },
  ]
  for (const c of refused) {
    it(`refuses ${c.what} and stores nothing`, async () => {
      const before = storedFiles(storeDir)
      await assert.rejects(upload(c.bytes(), c.input), refusal(c.reason))
      assert.deepEqual(storedFiles(storeDir), before)
    })
  }

  it('refuses a missing title before reading the file, and drains the stream', async () => {
    const stream = uploadStream(pdfFile(['x']))
    await assert.rejects(
      upload(new Uint8Array(), { title: ' ', stream }),
      (error: DomainError) => error.field === 'title',
    )
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(stream.readableEnded, true)
  })
})
