import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { inTransaction } from '../src/db/database.ts'
import { loadDemoData } from '../src/demo/load-demo.ts'
import { getAgendaItem } from '../src/domain/agenda/agenda.repository.ts'
import { attachDocument, updateAgendaItem, withdrawAgendaItem } from '../src/domain/agenda/agenda.service.ts'
import { replaceDocument, uploadDocument } from '../src/domain/document/document-upload.service.ts'
import { rectifySection } from '../src/domain/minutes/rectification.service.ts'
import { createDiskDocumentStore } from '../src/storage/disk-document-store.ts'
import { createApp } from '../src/web/app.ts'
import { pdfFile, uploadStream } from './support/document-files.ts'
import { testActor } from './support/factories.ts'
import { type OpenApiCheck, openApiCheck } from './support/openapi-check.ts'
import { describeOnEachDatabase } from './support/test-db.ts'

// Issue 14's sync test: two mirrors of what the portal publishes — one following the change feed
// (/api/v1/changes, then each object at its OParl address), one following OParl's lists with
// modified_since and their tombstones — while an item is withdrawn, a document is added and
// replaced, a signed-off § is rectified and an item is made confidential. Both end equal to a
// fresh crawl of the OParl lists: nothing missed, nothing kept that vanished.

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-mirror-test-'))
after(() => rmSync(dir, { recursive: true, force: true }))

type OparlObject = Record<string, unknown> & { id: string; deleted?: boolean }
/** The lists of the kinds the change log follows (terms and parties are never removed). */
const lists = [
  'meeting',
  'location',
  'agenda-item',
  'file',
  'consultation',
  'paper',
  'person',
  'membership',
  'organization',
]

describeOnEachDatabase('mirrors following the change feed and OParl modified_since', (getDb, dialect) => {
  const store = createDiskDocumentStore(path.join(dir, dialect))
  let app: FastifyInstance
  let bodyId: number
  let openApi: OpenApiCheck

  const get = async (url: string) => {
    const response = await app.inject({ url: url.replace(/^https?:\/\/[^/]+/, '') })
    assert.equal(response.statusCode, 200, url)
    return response.json() as Record<string, unknown>
  }
  /** Every object of the lists, following links.next; with a filter, tombstones too. */
  const crawl = async (query = '') => {
    const found: OparlObject[] = []
    for (const list of lists) {
      let url: string | undefined = `/oparl/v1/body/${bodyId}/${list}?limit=100${query}`
      while (url) {
        const page = await get(url)
        found.push(...(page.data as OparlObject[]))
        url = (page.links as { next?: string }).next
      }
    }
    return found
  }
  // Organizations are also parties (/party/...): the log follows committees only.
  const followed = (o: OparlObject) => !o.id.includes('/party/')
  const asMap = (objects: OparlObject[]) => new Map(objects.filter(followed).map((o) => [o.id, o]))

  /** The change feed's mirror: reads each changed object at its address. */
  const feedMirror = { objects: new Map<string, OparlObject>(), seq: 0 }
  const followFeed = async () => {
    for (;;) {
      const url = `/api/v1/changes?after=${feedMirror.seq}&limit=100`
      const response = await app.inject({ url })
      // Each page of the feed is what the OpenAPI document says it is.
      openApi.assertValid(url, response)
      const page = response.json() as Record<string, unknown>
      const changes = page.data as { seq: number; object: string; action: string }[]
      for (const change of changes) {
        const object = (await get(change.object)) as OparlObject
        if (object.deleted) feedMirror.objects.delete(object.id)
        else feedMirror.objects.set(object.id, object)
      }
      feedMirror.seq = page.lastSeq as number
      if (changes.length < 100) return
    }
  }

  /** OParl's mirror: a full crawl, then what changed since the last one began. */
  const oparlMirror = { objects: new Map<string, OparlObject>(), since: '' }
  const followOparl = async () => {
    const started = new Date().toISOString()
    const objects = await crawl(
      oparlMirror.since && `&modified_since=${encodeURIComponent(oparlMirror.since)}`,
    )
    for (const object of objects.filter(followed))
      if (object.deleted) oparlMirror.objects.delete(object.id)
      else oparlMirror.objects.set(object.id, object)
    oparlMirror.since = started
  }

  before(async () => {
    const db = getDb()
    await loadDemoData(db, '2026-11-22')
    app = await createApp({
      db,
      documents: store,
      logLevel: 'silent',
      now: () => new Date('2026-11-22T10:00:00Z'),
    })
    bodyId = (await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id
    openApi = await openApiCheck(app)
  })
  after(() => app?.close())

  it('starts equal: the feed from the beginning holds what a crawl finds', async () => {
    await followFeed()
    await followOparl()
    const portal = asMap(await crawl())
    assert.deepEqual([...feedMirror.objects.keys()].sort(), [...portal.keys()].sort())
    assert.deepEqual(oparlMirror.objects, portal)
    assert.deepEqual(feedMirror.objects, portal)
  })

  it('ends equal after a withdrawal, a replaced document, a rectification and an item made secret', async () => {
    const db = getDb()
    const meeting = await db
      .selectFrom('meeting')
      .select('id')
      .where('meets_on', '=', '2023-11-21')
      .executeTakeFirstOrThrow()
    const items = await db
      .selectFrom('agenda_item')
      .select(['id', 'matter_id'])
      .where('meeting_id', '=', meeting.id)
      .where('confidential', '=', false)
      .orderBy('position')
      .execute()
    const [withdrawn, withDocument, madeSecret] = [
      items[2]!,
      items[3]!,
      items.find((i) => i.matter_id && i.id !== items[2]!.id && i.id !== items[3]!.id)!,
    ]
    const item = (id: number) => getAgendaItem(db, id)

    // Read before the transaction: in-memory SQLite has one connection, which the transaction holds.
    const toWithdraw = await item(withdrawn.id)
    await inTransaction(db, (trx) =>
      withdrawAgendaItem(trx, testActor, { agendaItemId: toWithdraw.id, version: toWithdraw.version }),
    )
    const upload = { fileName: 'utredning.pdf', mimeType: 'application/pdf', maxBytes: 1024 * 1024 }
    const first = await uploadDocument(db, store, testActor, {
      ...upload,
      organisationId: bodyId,
      title: 'Utredning om hemtjänsten',
      kind: 'tjansteutlatande',
      stream: uploadStream(pdfFile(['Första versionen'])),
    })
    await inTransaction(db, (trx) =>
      attachDocument(trx, testActor, { agendaItemId: withDocument.id, documentId: first.id }),
    )
    await replaceDocument(db, store, testActor, {
      ...upload,
      replacesDocumentId: first.id,
      stream: uploadStream(pdfFile(['Andra versionen'])),
    })
    const section = await db
      .selectFrom('section')
      .innerJoin('sign_off_section', 'sign_off_section.section_id', 'section.id')
      .select(['section.id', 'section.version'])
      .where('section.confidential', '=', false)
      .orderBy('section.number')
      .executeTakeFirstOrThrow()
    await inTransaction(db, (trx) =>
      rectifySection(trx, testActor, {
        sectionId: section.id,
        version: section.version,
        reason: 'Skrivfel i beslutet',
        rectifiedOn: '2022-12-20',
        text: { decision: ['Socialnämnden beslutar i enlighet med förvaltningens förslag (rättat).'] },
      }),
    )
    const toHide = await item(madeSecret.id)
    await inTransaction(db, (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: toHide.id,
        version: toHide.version,
        confidential: true,
        confidentialityGround: 'OSL 26:1',
      }),
    )

    await followFeed()
    await followOparl()
    const portal = asMap(await crawl())
    const files = [...portal.keys()].filter((id) => /\/oparl\/v1\/file\/\d+$/.test(id))
    assert.ok(files.length > 0, 'the new version is public')
    assert.ok(!files.some((id) => id.endsWith(`/file/${first.id}`)), 'the replaced file is gone')
    assert.deepEqual([...oparlMirror.objects.keys()].sort(), [...portal.keys()].sort())
    assert.deepEqual([...feedMirror.objects.keys()].sort(), [...portal.keys()].sort())
    assert.deepEqual(oparlMirror.objects, portal)
    assert.deepEqual(feedMirror.objects, portal)
  })
})
