import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, it } from 'node:test'
import { pdfFile, uploadStream } from '../../../test/support/document-files.ts'
import { createTestCommittee, createTestMeeting, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { createDiskDocumentStore } from '../../storage/disk-document-store.ts'
import { addAgendaItem, attachDocument } from '../agenda/agenda.service.ts'
import { uploadDocument } from '../document/document-upload.service.ts'
import { changeMeetingStatus } from '../meeting/meeting.service.ts'
import { listPublicDocuments } from './public-document.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-public-document-'))
after(() => rmSync(dir, { recursive: true, force: true }))

describeOnEachDatabase('public documents of a page (listPublicDocuments)', (getDb) => {
  it('names the first attachment on a public agenda, never one on an agenda whose notice is not out', async () => {
    const db = getDb()
    const store = createDiskDocumentStore(dir)
    const committee = await createTestCommittee(db)
    const planned = await createTestMeeting(db, { committee, meetsOn: '2024-05-02' })
    const held = await createTestMeeting(db, { committee, meetsOn: '2024-04-11' })
    const item = (meetingId: number) =>
      inTransaction(db, (trx) => addAgendaItem(trx, testActor, { meetingId, number: '1', title: 'Taxor' }))
    const onPlanned = await item(planned.id)
    const onHeld = await item(held.id)
    const document = await uploadDocument(db, store, testActor, {
      organisationId: committee.organisationId,
      title: 'Tjänsteutlåtande om taxor',
      kind: 'tjansteutlatande',
      fileName: 'handling.pdf',
      mimeType: 'application/pdf',
      stream: uploadStream(pdfFile(['Förvaltningen föreslår att taxorna höjs.'])),
      maxBytes: 1024 * 1024,
    })
    // Attached first to the item of a meeting still being planned (not public), then to a public one.
    await inTransaction(db, (trx) =>
      attachDocument(trx, testActor, { agendaItemId: onPlanned.id, documentId: document.id }),
    )
    await inTransaction(db, (trx) =>
      attachDocument(trx, testActor, { agendaItemId: onHeld.id, documentId: document.id }),
    )
    assert.deepEqual(await listPublicDocuments(db, [document.id]), [])
    await inTransaction(db, (trx) => changeMeetingStatus(trx, testActor, held, 'notice_published'))

    const [file, ...more] = await listPublicDocuments(db, [document.id, document.id + 1000])
    assert.equal(more.length, 0)
    assert.equal(file?.document.id, document.id)
    assert.deepEqual(file?.attachedTo, { agendaItemId: onHeld.id, meetingId: held.id })
  })
})
