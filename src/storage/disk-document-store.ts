import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  assertStorageKey,
  type DocumentStore,
  fileMeasure,
  isStorageKey,
  type StoredEntry,
} from './document-store.ts'

/**
 * Files under one directory (DATA_DIR/documents), spread over subdirectories by the key's first two
 * characters so no directory grows huge. A file is written to tmp/ and renamed into place, so a
 * reader never sees half a file, and a crash leaves only a stray file in tmp/.
 */
export function createDiskDocumentStore(dir: string): DocumentStore {
  const fileOf = (key: string) => {
    assertStorageKey(key)
    return path.join(dir, key.slice(0, 2), key)
  }
  return {
    async put(key, content) {
      const file = fileOf(key)
      const tmpDir = path.join(dir, 'tmp')
      await mkdir(tmpDir, { recursive: true })
      await mkdir(path.dirname(file), { recursive: true })
      const tmp = path.join(tmpDir, `${key}.${randomBytes(6).toString('hex')}`)
      const measure = fileMeasure()
      const counting = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          measure.add(chunk)
          done(null, chunk)
        },
      })
      try {
        // flush: the bytes are on disk before the rename makes them visible.
        await pipeline(content, counting, createWriteStream(tmp, { flags: 'wx', flush: true }))
        // Renaming over an existing file is atomic: two uploads of the same content leave one copy.
        await rename(tmp, file)
      } catch (error) {
        await rm(tmp, { force: true })
        throw error
      }
      return measure.result()
    },
    get: (key) => createReadStream(fileOf(key)),
    async delete(key) {
      await rm(fileOf(key), { force: true })
    },
    async find(key) {
      const found = await stat(fileOf(key)).catch(ifMissing)
      return found?.isFile() ? { key, modifiedAt: found.mtime } : undefined
    },
    async *list(): AsyncIterable<StoredEntry> {
      for (const prefix of await namesIn(dir)) {
        if (prefix === 'tmp' || prefix.length !== 2) continue
        for (const key of await namesIn(path.join(dir, prefix))) {
          if (!isStorageKey(key) || !key.startsWith(prefix)) continue
          const found = await stat(path.join(dir, prefix, key)).catch(ifMissing)
          if (found?.isFile()) yield { key, modifiedAt: found.mtime }
        }
      }
    },
    async removeUnfinished(before) {
      let removed = 0
      const tmpDir = path.join(dir, 'tmp')
      for (const name of await namesIn(tmpDir)) {
        const found = await stat(path.join(tmpDir, name)).catch(ifMissing)
        if (!found || found.mtime >= before) continue
        await rm(path.join(tmpDir, name), { force: true })
        removed++
      }
      return removed
    },
  }
}

/** The names in a directory; none when it does not exist (a store nothing was put in yet). */
async function namesIn(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(ifMissing)) ?? []
}

function ifMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
  throw error
}
