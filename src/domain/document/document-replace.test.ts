import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, it } from 'node:test'
import { pdfFile, uploadStream } from '../../../test/support/document-files.ts'
import { createTestMeeting, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { createDiskDocumentStore } from '../../storage/disk-document-store.ts'
import { addAgendaItem, attachDocument, getAgenda } from '../agenda/agenda.service.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import { cancelMeeting, changeMeetingStatus } from '../meeting/meeting.service.ts'
import type { DomainError } from '../shared/errors.ts'
import { getDocument } from './document.reads.ts'
import { replaceDocument, uploadDocument } from './document-upload.service.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-replace-test-'))
after(() => rmSync(dir, { recursive: true, force: true }))

describeOnEachDatabase('replaceDocument', (getDb, dialect) => {
  const store = createDiskDocumentStore(path.join(dir, dialect))
  const file = (text: string) => ({
    fileName: 'bilaga.pdf',
    mimeType: 'application/pdf',
    stream: uploadStream(pdfFile([text])),
    maxBytes: 1024 * 1024,
  })

  /** A meeting whose notice is out, an item with three attachments; the middle one is replaced. */
  async function meetingWithAttachments() {
    let meeting = await createTestMeeting(getDb())
    const { organisationId } = await getCommittee(getDb(), meeting.committeeId)
    const item = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Taxor 2024' }),
    )
    const documents = []
    for (const title of ['Tjänsteutlåtande', 'Bilaga 1 Taxetabell', 'Bilaga 2 Jämförelse']) {
      const document = await uploadDocument(getDb(), store, testActor, {
        organisationId,
        title,
        kind: 'bilaga',
        ...file(`${title} version 1`),
      })
      await inTransaction(getDb(), (trx) =>
        attachDocument(trx, testActor, { agendaItemId: item.id, documentId: document.id }),
      )
      documents.push(document)
    }
    meeting = await inTransaction(getDb(), (trx) =>
      changeMeetingStatus(trx, testActor, meeting, 'notice_published'),
    )
    return {
      meeting,
      item,
      documents: documents as [(typeof documents)[0], (typeof documents)[0], (typeof documents)[0]],
    }
  }

  it('keeps the old version and puts the new one in its place, saying so in the change history', async () => {
    const { meeting, documents } = await meetingWithAttachments()
    const old = documents[1]
    const replacement = await replaceDocument(getDb(), store, testActor, {
      replacesDocumentId: old.id,
      ...file('Taxetabell version 2'),
    })
    assert.equal(replacement.replacesDocumentId, old.id)
    assert.equal(replacement.title, 'Bilaga 1 Taxetabell')
    assert.equal(replacement.kind, 'bilaga')
    assert.match(replacement.extractedText ?? '', /version 2/)
    assert.deepEqual(await getDocument(getDb(), old.id), old) // the old version is kept as it was
    const [entry] = await getAgenda(getDb(), meeting.id)
    assert.deepEqual(
      entry?.attachments.map((d) => d.id),
      [documents[0].id, replacement.id, documents[2].id],
    )
    const last = entry?.changes.at(-1)
    assert.equal(last?.kind, 'attachment_replaced')
    assert.equal(last?.description, 'Bilagan Bilaga 1 Taxetabell ersattes med en ny version')
    assert.equal(last?.afterNotice, true)
  })

  it('takes a new title and confidentiality for the new version', async () => {
    const { documents } = await meetingWithAttachments()
    const replacement = await replaceDocument(getDb(), store, testActor, {
      replacesDocumentId: documents[0].id,
      title: 'Tjänsteutlåtande, reviderat',
      confidential: true,
      confidentialityGround: 'OSL 26:1',
      ...file('Reviderat'),
    })
    assert.equal(replacement.title, 'Tjänsteutlåtande, reviderat')
    assert.equal(replacement.confidential, true)
    assert.equal(replacement.confidentialityGround, 'OSL 26:1')
  })

  it('refuses to replace a version that is no longer the newest', async () => {
    const { documents } = await meetingWithAttachments()
    await replaceDocument(getDb(), store, testActor, { replacesDocumentId: documents[2].id, ...file('v2') })
    await assert.rejects(
      replaceDocument(getDb(), store, testActor, { replacesDocumentId: documents[2].id, ...file('v2 igen') }),
      (error: DomainError) => error.code === 'invalid_state',
    )
  })

  it('leaves the version a cancelled meeting had on its agenda', async () => {
    const { meeting, item, documents } = await meetingWithAttachments()
    await cancelMeeting(getDb(), testActor, {
      meetingId: meeting.id,
      version: meeting.version,
      reason: 'Inställt',
    })
    const replacement = await replaceDocument(getDb(), store, testActor, {
      replacesDocumentId: documents[0].id,
      ...file('Ny version'),
    })
    const [entry] = await getAgenda(getDb(), meeting.id)
    assert.equal(entry?.item.id, item.id)
    assert.ok(entry?.attachments.some((d) => d.id === documents[0].id))
    assert.ok(!entry?.attachments.some((d) => d.id === replacement.id))
  })
})
