import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { pdfFile, uploadStream } from '../../../test/support/document-files.ts'
import { createTestCommittee, createTestMeeting, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { getAgendaItem } from '../../domain/agenda/agenda.repository.ts'
import { addAgendaItem, attachDocument, updateAgendaItem } from '../../domain/agenda/agenda.service.ts'
import { uploadDocument } from '../../domain/document/document-upload.service.ts'
import { changeMeetingStatus } from '../../domain/meeting/meeting.service.ts'
import { createDiskDocumentStore } from '../../storage/disk-document-store.ts'
import { createApp } from '../app.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-tombstone-test-'))
after(() => rmSync(dir, { recursive: true, force: true }))

// OParl 2-08: what was public and is no more — here an item made confidential after the notice,
// with its document — answers as a tombstone at its address and in the lists asked what changed
// since; its file answers 410 (2-07). What was never public stays unknown (404).

describeOnEachDatabase('OParl tombstones', (getDb, dialect) => {
  const store = createDiskDocumentStore(path.join(dir, dialect))
  let app: FastifyInstance
  let itemId: number
  let documentId: number
  let bodyId: number
  let neverPublicId: number
  let hiddenAt: string
  const secretTitle = 'Placering av barn i familjehem'

  const getJson = async (url: string) => {
    const response = await app.inject({ url })
    return { status: response.statusCode, body: response.json() as Record<string, unknown> }
  }

  before(async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    bodyId = committee.organisationId
    let meeting = await createTestMeeting(db, { committee, meetsOn: '2024-03-19' })
    const item = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '1',
        title: secretTitle,
      }),
    )
    itemId = item.id
    const document = await uploadDocument(db, store, testActor, {
      organisationId: committee.organisationId,
      title: `Utredning: ${secretTitle}`,
      kind: 'tjansteutlatande',
      fileName: 'utredning.pdf',
      mimeType: 'application/pdf',
      stream: uploadStream(pdfFile(['Utredningen'])),
      maxBytes: 1024 * 1024,
    })
    documentId = document.id
    await inTransaction(db, (trx) => attachDocument(trx, testActor, { agendaItemId: item.id, documentId }))
    const hidden = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '2',
        title: 'Hemligt från början',
        confidential: true,
        confidentialityGround: 'OSL 26:1',
      }),
    )
    neverPublicId = hidden.id
    meeting = await inTransaction(db, (trx) =>
      changeMeetingStatus(trx, testActor, meeting, 'notice_published'),
    )
    app = await createApp({ db, documents: store, logLevel: 'silent' })
    assert.equal((await getJson(`/oparl/v1/file/${documentId}`)).status, 200, 'the file was public')
    hiddenAt = new Date().toISOString()
    const now = await getAgendaItem(db, itemId)
    await inTransaction(db, (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: itemId,
        version: now.version,
        confidential: true,
        confidentialityGround: 'OSL 26:1',
      }),
    )
  })
  after(() => app?.close())

  it('answers a file made secret as a tombstone, with its id, type, created and the time it went', async () => {
    const { status, body } = await getJson(`/oparl/v1/file/${documentId}`)
    assert.equal(status, 200)
    assert.deepEqual(Object.keys(body).sort(), ['created', 'deleted', 'id', 'modified', 'type'])
    assert.equal(body.deleted, true)
    assert.equal(body.type, 'https://schema.oparl.org/1.1/File')
    assert.ok(String(body.modified) >= hiddenAt)
  })

  it('answers the file itself 410, and an object never public 404', async () => {
    const download = await app.inject({ url: `/handlingar/${documentId}/utredning.pdf` })
    assert.equal(download.statusCode, 410)
    assert.doesNotMatch(download.body, /Placering/)
    assert.equal((await getJson(`/oparl/v1/consultation/${neverPublicId}`)).status, 404)
    assert.equal((await getJson('/oparl/v1/file/999999')).status, 404)
  })

  it('lists tombstones only when asked what changed since, after the public objects', async () => {
    const all = await getJson(`/oparl/v1/body/${bodyId}/file`)
    assert.deepEqual(all.body.data, [])
    const since = encodeURIComponent(hiddenAt)
    const changed = await getJson(`/oparl/v1/body/${bodyId}/file?modified_since=${since}`)
    const data = changed.body.data as Record<string, unknown>[]
    assert.equal(data.length, 1)
    assert.ok(String(data[0]?.id).endsWith(`/oparl/v1/file/${documentId}`))
    assert.equal(data[0]?.deleted, true)
    assert.equal((changed.body.pagination as Record<string, unknown>).totalElements, 1)
    // The item stays on the agenda, neutral; what changed is the meeting and the item, nothing named.
    const items = await getJson(`/oparl/v1/body/${bodyId}/agenda-item?modified_since=${since}`)
    const listed = items.body.data as Record<string, unknown>[]
    assert.ok(listed.some((i) => String(i.id).endsWith(`/agenda-item/${itemId}`) && i.public === false))
    assert.doesNotMatch(JSON.stringify(changed.body) + JSON.stringify(items.body), /Placering/)
  })
})
