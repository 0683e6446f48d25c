import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'

// Where the files of documents (handlingar) live: on the server's disk by default, or in any
// S3-compatible object store when several app servers must share them. The database holds only
// the key; the domain knows nothing of which store it talks to.

/** What a store reports of a stored file, measured while it was written. */
export interface StoredFile {
  size: number
  /** Hexadecimal sha512 of the bytes stored. */
  sha512: string
}

/** A stored file as a listing shows it. */
export interface StoredEntry {
  key: string
  /** When its bytes were last written (a file's mtime, an object's LastModified). */
  modifiedAt: Date
}

export interface DocumentStore {
  /** Stores the bytes under `key`. Storing the same key again keeps one copy (keys are content addresses). */
  put(key: string, content: Readable): Promise<StoredFile>
  /** The bytes stored under `key`; the stream fails if there are none. */
  get(key: string): Readable
  /** Removes the bytes under `key`; nothing happens if there are none. */
  delete(key: string): Promise<void>
  /** The file under `key`, or undefined when there is none. */
  find(key: string): Promise<StoredEntry | undefined>
  /** Every stored file; writes not finished (and their temporary files) are left out. */
  list(): AsyncIterable<StoredEntry>
  /**
   * Removes what writes cut short left behind (a temporary file on disk, an unfinished multipart
   * upload in S3) if it was begun before `before`; returns how many.
   */
  removeUnfinished(before: Date): Promise<number>
}

/**
 * Keys become file names and object names: letters, digits, '-' and '_' only, so no key can
 * reach outside the store's directory or bucket.
 */
export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new Error(`invalid storage key: ${key}`)
}

export const isStorageKey = (key: string): boolean => /^[A-Za-z0-9][A-Za-z0-9_-]{2,199}$/.test(key)

/** Counts and hashes bytes as they pass. */
export function fileMeasure() {
  const hash = createHash('sha512')
  let size = 0
  return {
    add(chunk: Uint8Array) {
      hash.update(chunk)
      size += chunk.length
    },
    result: (): StoredFile => ({ size, sha512: hash.digest('hex') }),
  }
}
