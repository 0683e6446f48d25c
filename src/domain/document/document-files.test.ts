import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { pdfFile, uploadStream } from '../../../test/support/document-files.ts'
import { createTestOrganisation, testActor } from '../../../test/support/factories.ts'
import { type RunningS3rver, startS3rver } from '../../../test/support/s3rver.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { verifyCommand } from '../../cli/verify-command.ts'
import type { Db } from '../../db/database.ts'
import { createDiskDocumentStore } from '../../storage/disk-document-store.ts'
import type { DocumentStore } from '../../storage/document-store.ts'
import { createS3DocumentStore } from '../../storage/s3-document-store.ts'
import { checkDocumentFiles, sweepOrphanedFiles } from './document-files.service.ts'
import { uploadDocument } from './document-upload.service.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-document-files-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const sha512 = (bytes: Uint8Array) => createHash('sha512').update(bytes).digest('hex')
const future = () => new Date(Date.now() + 60_000)
let uploads = 0

async function upload(db: Db, store: DocumentStore, bytes = pdfFile([`Bilaga ${++uploads}`])) {
  const organisation = await createTestOrganisation(db)
  return uploadDocument(db, store, testActor, {
    organisationId: organisation.id,
    title: 'Bilaga',
    kind: 'bilaga',
    fileName: 'bilaga.pdf',
    mimeType: 'application/pdf',
    stream: uploadStream(bytes),
    maxBytes: 1024 * 1024,
  })
}

/** A file in the store that no row names: what a server killed between storing and committing leaves. */
async function orphan(store: DocumentStore, text = `Avbruten ${++uploads}`) {
  const bytes = pdfFile([text])
  await store.put(sha512(bytes), uploadStream(bytes))
  return { key: sha512(bytes), bytes }
}

const keysOf = (entries: { key: string }[]) => entries.map((e) => e.key).sort()

function behavesWithStore(kind: 'disk' | 's3') {
  describeOnEachDatabase(`the document files in the ${kind} store`, (getDb, dialect) => {
    let store: DocumentStore
    let s3: RunningS3rver | undefined
    let storeDir = ''
    before(async () => {
      if (kind === 's3') {
        s3 = await startS3rver(`files-${dialect}`)
        store = createS3DocumentStore(s3.target)
      } else {
        storeDir = path.join(dir, dialect)
        store = createDiskDocumentStore(storeDir)
      }
    })
    after(async () => s3?.stop())
    // Each test reads the whole store and every document: it starts with none.
    const emptyStore = async () => {
      for await (const entry of store.list()) await store.delete(entry.key)
      await getDb().deleteFrom('document').execute()
    }

    it('finds a file no document names, and a document whose file is gone', async () => {
      await emptyStore()
      const kept = await upload(getDb(), store)
      const lost = await upload(getDb(), store)
      await store.delete(lost.storageKey as string)
      const stray = await orphan(store)
      // Not a content address: another program's object in a shared bucket, never an orphan.
      await store.put('backup-2026', uploadStream(new Uint8Array([1, 2, 3])))
      const report = await checkDocumentFiles(getDb(), store)
      assert.equal(report.stored, 3)
      assert.deepEqual(keysOf(report.orphans), [stray.key])
      assert.deepEqual(report.missing, [{ storageKey: lost.storageKey, documentIds: [lost.id] }])
      assert.ok(!keysOf(report.orphans).includes(kept.storageKey as string))

      const lines: string[] = []
      assert.equal(await verifyCommand(getDb(), { store }, (l) => lines.push(l)), 1)
      assert.ok(lines.some((l) => l.includes(`dokumentet ${lost.id} saknas i dokumentarkivet`)))
      assert.ok(lines.some((l) => l.startsWith('1 fil i dokumentarkivet används inte av något dokument')))
    })

    it('removes orphans older than the grace period and nothing a document names', async () => {
      await emptyStore()
      const named = await upload(getDb(), store)
      const old = await orphan(store)
      // Younger than the grace period: maybe an upload in flight on another server.
      const young = await sweepOrphanedFiles(getDb(), store, { olderThan: new Date(Date.now() - 60_000) })
      assert.deepEqual(young.removed, [])
      assert.equal(young.kept, 1)

      await store.put('backup-2026', uploadStream(new Uint8Array([1, 2, 3])))
      const swept = await sweepOrphanedFiles(getDb(), store, { olderThan: future() })
      assert.deepEqual(swept.removed, [old.key])
      assert.ok(await store.find('backup-2026'), 'another program’s object was removed')
      await store.delete('backup-2026')
      assert.equal(await store.find(old.key), undefined)
      assert.ok(await store.find(named.storageKey as string), 'a named file was removed')
      const report = await checkDocumentFiles(getDb(), store)
      assert.deepEqual(report.orphans, [])
      assert.deepEqual(report.missing, [])

      const lines: string[] = []
      assert.equal(await verifyCommand(getDb(), { store }, (l) => lines.push(l)), 0)
      assert.ok(lines.includes('Alla dokuments filer finns i dokumentarkivet (1 filer).'), lines.join('\n'))
    })

    it('keeps the file of an upload that reuses an orphan’s bytes while the sweep runs', async () => {
      await emptyStore()
      const stray = await orphan(store, 'Samma bytes')
      // The sweep runs after this upload stored its file (in S3: found it there and sent nothing)
      // and before its row commits, as on another server at the worst moment.
      let swept: string[] = []
      const sweepingStore: DocumentStore = {
        ...store,
        put: async (key, content) => {
          const stored = await store.put(key, content)
          if (key === stray.key && swept.length === 0)
            swept = (await sweepOrphanedFiles(getDb(), store, { olderThan: future() })).removed
          return stored
        },
      }
      const document = await upload(getDb(), sweepingStore, stray.bytes)
      assert.deepEqual(swept, [stray.key], 'the sweep removed the orphan under the upload')
      assert.ok(await store.find(document.storageKey as string), 'the registered document lost its file')
      assert.deepEqual((await checkDocumentFiles(getDb(), store)).missing, [])
    })

    // The disk store's tmp/ only: s3rver cannot list unfinished multipart uploads (501).
    if (kind === 'disk')
      it('removes what a write cut short left behind', async () => {
        const tmp = path.join(storeDir, 'tmp')
        mkdirSync(tmp, { recursive: true })
        writeFileSync(path.join(tmp, 'aa11.cut'), 'half a file')
        writeFileSync(path.join(tmp, 'bb22.writing'), 'being written')
        const hourAgo = new Date(Date.now() - 2 * 60 * 60_000)
        utimesSync(path.join(tmp, 'aa11.cut'), hourAgo, hourAgo)
        const swept = await sweepOrphanedFiles(getDb(), store, {
          olderThan: new Date(Date.now() - 60 * 60_000),
        })
        assert.equal(swept.unfinished, 1)
        assert.deepEqual(readdirSync(tmp), ['bb22.writing'])
      })
  })
}

describe('document files', () => {
  behavesWithStore('disk')
  behavesWithStore('s3')
})
