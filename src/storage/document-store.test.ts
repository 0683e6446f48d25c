import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { after, before, describe, it } from 'node:test'
import { type RunningS3rver, startS3rver } from '../../test/support/s3rver.ts'
import { createDiskDocumentStore } from './disk-document-store.ts'
import type { DocumentStore } from './document-store.ts'
import { createS3DocumentStore } from './s3-document-store.ts'

const sha512 = (bytes: Uint8Array) => createHash('sha512').update(bytes).digest('hex')

/** Streams `bytes` in small chunks, as an upload arrives. */
const streamOf = (bytes: Uint8Array) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += 64 * 1024) yield Buffer.from(bytes.subarray(i, i + 64 * 1024))
    })(),
  )

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** What every store must do, whatever it stores in. */
function behavesAsDocumentStore(getStore: () => DocumentStore) {
  it('gives back what it stored, with its size and sha512', async () => {
    const bytes = new TextEncoder().encode('Tjänsteutlåtande om taxor 2023')
    const stored = await getStore().put(sha512(bytes), streamOf(bytes))
    assert.deepEqual(stored, { size: bytes.length, sha512: sha512(bytes) })
    assert.equal(await text(getStore().get(sha512(bytes))), 'Tjänsteutlåtande om taxor 2023')
  })

  it('stores a file larger than one part of an upload', async () => {
    const bytes = randomBytes(9 * 1024 * 1024 + 17)
    const stored = await getStore().put(sha512(bytes), streamOf(bytes))
    assert.equal(stored.size, bytes.length)
    assert.ok((await bytesOf(getStore().get(sha512(bytes)))).equals(bytes))
  })

  it('stores the same content twice without failing', async () => {
    const bytes = randomBytes(1000)
    await getStore().put(sha512(bytes), streamOf(bytes))
    const again = await getStore().put(sha512(bytes), streamOf(bytes))
    assert.equal(again.sha512, sha512(bytes))
    assert.ok((await bytesOf(getStore().get(sha512(bytes)))).equals(bytes))
  })

  it('deletes, and deleting what is gone is no error', async () => {
    const bytes = randomBytes(100)
    await getStore().put(sha512(bytes), streamOf(bytes))
    await getStore().delete(sha512(bytes))
    await getStore().delete(sha512(bytes))
    await assert.rejects(bytesOf(getStore().get(sha512(bytes))))
  })

  it('refuses a key that could leave the store', async () => {
    await assert.rejects(getStore().put('../escape', streamOf(new Uint8Array(1))), /invalid storage key/)
    assert.throws(() => getStore().get('a/../../b'), /invalid storage key/)
  })
}

describe('disk document store', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-store-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  behavesAsDocumentStore(() => createDiskDocumentStore(dir))

  it('keeps one file per content and no temporary files', async () => {
    // A store of its own: the shared one holds other tests' files, one of which may share the prefix.
    const own = mkdtempSync(path.join(dir, 'own-'))
    const store = createDiskDocumentStore(own)
    const bytes = randomBytes(500)
    const key = sha512(bytes)
    await store.put(key, streamOf(bytes))
    await store.put(key, streamOf(bytes))
    assert.deepEqual(readdirSync(path.join(own, key.slice(0, 2))), [key])
    assert.deepEqual(readdirSync(path.join(own, 'tmp')), [])
  })

  it('leaves nothing behind when the upload breaks off', async () => {
    const store = createDiskDocumentStore(dir)
    const broken = new Readable({
      read() {
        this.push(Buffer.from('början av en fil'))
        this.destroy(new Error('connection reset'))
      },
    })
    const key = 'b'.repeat(128)
    await assert.rejects(store.put(key, broken), /connection reset/)
    assert.ok(!existsSync(path.join(dir, 'bb', key)))
    assert.deepEqual(readdirSync(path.join(dir, 'tmp')), [])
  })
})

describe('S3 document store (against a real s3rver)', () => {
  let s3rver: RunningS3rver
  let store: DocumentStore
  before(async () => {
    s3rver = await startS3rver()
    store = createS3DocumentStore(s3rver.target)
  })
  after(() => s3rver.stop())
  behavesAsDocumentStore(() => store)
})
