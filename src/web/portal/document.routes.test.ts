import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { docxFile, pdfFile, uploadStream } from '../../../test/support/document-files.ts'
import { createTestCommittee, createTestMeeting, testActor } from '../../../test/support/factories.ts'
import { pageText } from '../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { type Db, inTransaction } from '../../db/database.ts'
import { addAgendaItem, attachDocument } from '../../domain/agenda/agenda.service.ts'
import type { Committee } from '../../domain/committee/committee.ts'
import { registerDocument } from '../../domain/document/document.service.ts'
import type { Document } from '../../domain/document/document.ts'
import { type UploadDocumentInput, uploadDocument } from '../../domain/document/document-upload.service.ts'
import { fileTypes } from '../../domain/document/file-type.ts'
import { changeMeetingStatus } from '../../domain/meeting/meeting.service.ts'
import { createDiskDocumentStore } from '../../storage/disk-document-store.ts'
import { createApp } from '../app.ts'
import { paths } from '../paths.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-download-test-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const secret = 'HEMLIG-HANDLING-5521'

// P2: a document's file reaches the public only when the document and its agenda item are public
// and the agenda is out; anything else is a 404 that looks like an unknown address.
describeOnEachDatabase('GET /handlingar/:id/:filename', (getDb, dialect) => {
  const store = createDiskDocumentStore(path.join(dir, dialect))
  let app: FastifyInstance
  let committee: Committee
  let meetingSlug: string
  const pdf = pdfFile(['Förvaltningen föreslår att taxorna höjs.'])
  const docs = {} as Record<
    'public' | 'word' | 'confidential' | 'ofSecretItem' | 'ofPlannedMeeting' | 'unattached' | 'imported',
    Document
  >

  const upload = (db: Db, bytes: Uint8Array, input: Partial<UploadDocumentInput>) =>
    uploadDocument(db, store, testActor, {
      organisationId: committee.organisationId,
      title: 'Tjänsteutlåtande',
      kind: 'tjansteutlatande',
      fileName: 'handling.pdf',
      mimeType: 'application/pdf',
      stream: uploadStream(bytes),
      maxBytes: 1024 * 1024,
      ...input,
    })

  before(async () => {
    const db = getDb()
    committee = await createTestCommittee(db)
    let meeting = await createTestMeeting(db, { committee, meetsOn: '2024-03-19' })
    meetingSlug = meeting.slug
    const item = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '1',
        title: 'Taxor 2024',
      }),
    )
    const secretItem = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '2',
        title: 'Placering av barn',
        confidential: true,
        confidentialityGround: 'OSL 26:1',
      }),
    )
    docs.public = await upload(db, pdf, { title: 'Tjänsteutlåtande om taxor 2024' })
    docs.word = await upload(db, docxFile(['Taxetabell']), {
      title: 'Bilaga: taxetabell "2024"',
      kind: 'bilaga',
      fileName: 'taxor.docx',
      mimeType: fileTypes.docx.mimeType,
    })
    docs.confidential = await upload(db, pdfFile(['Utredning']), {
      title: `Utredning ${secret}`,
      confidential: true,
      confidentialityGround: 'OSL 26:1',
    })
    docs.ofSecretItem = await upload(db, pdfFile(['Barnets situation']), { title: `Barnutredning ${secret}` })
    docs.imported = await inTransaction(db, (trx) =>
      registerDocument(trx, testActor, {
        organisationId: committee.organisationId,
        title: 'Protokollsutdrag',
        kind: 'ovrigt',
        sourceUrl: 'https://example.org/protokollsutdrag.pdf',
      }),
    )
    for (const d of [docs.public, docs.word, docs.confidential, docs.imported])
      await inTransaction(db, (trx) =>
        attachDocument(trx, testActor, { agendaItemId: item.id, documentId: d.id }),
      )
    await inTransaction(db, (trx) =>
      attachDocument(trx, testActor, { agendaItemId: secretItem.id, documentId: docs.ofSecretItem.id }),
    )
    meeting = await inTransaction(db, (trx) =>
      changeMeetingStatus(trx, testActor, meeting, 'notice_published'),
    )

    const planned = await createTestMeeting(db, { committee, meetsOn: '2024-04-16' })
    const plannedItem = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, { meetingId: planned.id, title: 'Budget 2025' }),
    )
    docs.ofPlannedMeeting = await upload(db, pdfFile(['Budgetförslag']), { title: `Budgetförslag ${secret}` })
    await inTransaction(db, (trx) =>
      attachDocument(trx, testActor, {
        agendaItemId: plannedItem.id,
        documentId: docs.ofPlannedMeeting.id,
      }),
    )
    docs.unattached = await upload(db, pdfFile(['Lös handling']), { title: `Lös handling ${secret}` })

    app = await createApp({ db, logLevel: 'silent', documents: store })
  })
  after(() => app.close())

  it('sends a public document with its type, size, name and checksum', async () => {
    const response = await app.inject(paths.document(docs.public.id, 'tjansteutlatande-om-taxor-2024.pdf'))
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'application/pdf')
    assert.equal(response.headers['content-length'], String(pdf.length))
    assert.equal(
      response.headers['content-disposition'],
      `inline; filename="Tjansteutlatande om taxor 2024.pdf"; filename*=UTF-8''Tj%C3%A4nsteutl%C3%A5tande%20om%20taxor%202024.pdf`,
    )
    assert.equal(response.headers.etag, `"${createHash('sha512').update(pdf).digest('hex')}"`)
    assert.ok(response.rawPayload.equals(Buffer.from(pdf)))
  })

  it('answers 304 when the reader has the same file', async () => {
    const url = paths.document(docs.public.id, 'tjansteutlatande-om-taxor-2024.pdf')
    const { headers } = await app.inject(url)
    const again = await app.inject({ url, headers: { 'if-none-match': headers.etag as string } })
    assert.equal(again.statusCode, 304)
    assert.equal(again.body, '')
  })

  it('has an office file saved, under a name a file system accepts', async () => {
    const response = await app.inject(paths.document(docs.word.id, 'bilaga-taxetabell-2024.docx'))
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], fileTypes.docx.mimeType)
    assert.match(
      response.headers['content-disposition'] as string,
      /^attachment; filename="Bilaga taxetabell 2024.docx"; filename\*=UTF-8''Bilaga%20taxetabell%202024.docx$/,
    )
  })

  it('sends a reader with another file name to the document’s own address', async () => {
    const response = await app.inject(paths.document(docs.public.id, 'gammalt-namn.pdf'))
    assert.equal(response.statusCode, 301)
    assert.equal(
      response.headers.location,
      paths.document(docs.public.id, 'tjansteutlatande-om-taxor-2024.pdf'),
    )
  })

  it('answers 404, as for an unknown address, for every document the public may not have', async () => {
    const unknown = await app.inject(paths.document(999_999, 'x.pdf'))
    assert.equal(unknown.statusCode, 404)
    const hidden = [
      docs.confidential,
      docs.ofSecretItem,
      docs.ofPlannedMeeting,
      docs.unattached,
      docs.imported,
    ]
    for (const d of hidden) {
      for (const name of ['x.pdf', `${d.title}.pdf`]) {
        const response = await app.inject(paths.document(d.id, name))
        assert.equal(response.statusCode, 404, `document ${d.title} answered ${response.statusCode}`)
        assert.equal(response.body, unknown.body)
        assert.equal(response.headers['content-disposition'], undefined)
        assert.equal(response.headers.etag, undefined)
        assert.equal(response.headers.location, undefined)
      }
    }
    for (const bad of [
      '/handlingar/abc/x.pdf',
      '/handlingar/-1/x.pdf',
      '/handlingar/99999999999999999999/x.pdf',
    ])
      assert.equal((await app.inject(bad)).statusCode, 404, bad)
  })

  it('lists stored attachments on the meeting page as downloads with type and size', async () => {
    const html = (await app.inject(paths.meeting(committee.slug, meetingSlug))).body
    const text = pageText(html)
    assert.match(text, /Tjänsteutlåtande om taxor 2024 \(Tjänsteutlåtande, PDF, 1 kB\)/)
    assert.match(text, /Bilaga: taxetabell "2024" \(Bilaga, Word, 1 kB\)/)
    assert.match(text, /Protokollsutdrag \(Handling\)/)
    assert.ok(html.includes(`href="${paths.document(docs.public.id, 'tjansteutlatande-om-taxor-2024.pdf')}"`))
    assert.ok(html.includes('href="https://example.org/protokollsutdrag.pdf"'))
    assert.ok(!html.includes(secret))
    for (const d of [docs.confidential, docs.ofSecretItem]) assert.ok(!html.includes(`/handlingar/${d.id}/`))
  })
})
