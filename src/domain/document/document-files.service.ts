import type { Db } from '../../db/database.ts'
import type { DocumentStore, StoredEntry } from '../../storage/document-store.ts'
import { isStorageKeyInUse, listStorageKeys, lockStorageKey } from './document.repository.ts'

// The document store and the database are two places that must agree: every file a document row
// names must be in the store (else the document is lost), and every file in the store should be
// named by a row. A file is stored before its row commits (registerOrRelease in
// document-upload.service.ts), so a server killed in between leaves a file no row names: an orphan,
// harmless to readers, removed by the sweep below once it is older than the grace period.

/**
 * Every key a document is stored under is the sha512 of its bytes; any other name in the directory
 * or bucket (another program's object in a shared bucket) is never taken for an orphan.
 */
const isContentAddress = (key: string) => /^[0-9a-f]{128}$/.test(key)

/** An upload takes at most 10 minutes (the request timeout); an hour leaves room for a slow one. */
export const orphanGraceMs = 60 * 60 * 1000

export interface DocumentFilesReport {
  /** Files in the store. */
  stored: number
  /** Keys that document rows name but the store lacks, with the documents naming them. */
  missing: { storageKey: string; documentIds: number[] }[]
  /** Files in the store no document row names. */
  orphans: StoredEntry[]
}

/** Compares the store with the document rows (`paragraf verify`). Reads only. */
export async function checkDocumentFiles(db: Db, store: DocumentStore): Promise<DocumentFilesReport> {
  // The store is listed before the rows are read: a file stored and registered in between is then
  // named by a row (never reported missing), and at worst reported orphaned this once.
  const stored: StoredEntry[] = []
  for await (const entry of store.list()) stored.push(entry)
  const storedKeys = new Set(stored.map((e) => e.key))
  const named = await listStorageKeys(db)
  const rows = await db
    .selectFrom('document')
    .select(['id', 'storage_key'])
    .where('storage_key', 'is not', null)
    .orderBy('id')
    .execute()
  const missing = new Map<string, number[]>()
  for (const row of rows) {
    const key = row.storage_key as string
    if (storedKeys.has(key)) continue
    // Stored after the listing? Ask the store once more before calling it lost.
    if (!missing.has(key) && (await store.find(key))) {
      storedKeys.add(key)
      continue
    }
    missing.set(key, [...(missing.get(key) ?? []), row.id])
  }
  return {
    stored: stored.length,
    missing: [...missing].map(([storageKey, documentIds]) => ({ storageKey, documentIds })),
    orphans: stored.filter((e) => isContentAddress(e.key) && !named.has(e.key)),
  }
}

export interface SweepResult {
  /** Orphaned files removed. */
  removed: string[]
  /** Orphans younger than the grace period, left for a later sweep. */
  kept: number
  /** Temporary files and unfinished multipart uploads removed. */
  unfinished: number
}

/**
 * Removes the files no document names that were last written before `olderThan`, and what
 * interrupted writes left behind. Each removal is decided under the key's lock (lockStorageKey), as
 * an upload registers its file under it and stores the file again if it is gone: so an upload on
 * another server that reuses an orphan's bytes (keys are content addresses) never loses its file.
 */
export async function sweepOrphanedFiles(
  db: Db,
  store: DocumentStore,
  options: { olderThan: Date },
): Promise<SweepResult> {
  const result: SweepResult = { removed: [], kept: 0, unfinished: 0 }
  const { orphans } = await checkDocumentFiles(db, store)
  for (const orphan of orphans) {
    if (orphan.modifiedAt >= options.olderThan) {
      result.kept++
      continue
    }
    const removed = await db.transaction().execute(async (trx) => {
      await lockStorageKey(trx, orphan.key)
      if (await isStorageKeyInUse(trx, orphan.key)) return false
      // Written again since it was listed: an upload in flight, whose row is yet to come.
      const now = await store.find(orphan.key)
      if (!now || now.modifiedAt >= options.olderThan) return false
      await store.delete(orphan.key)
      return true
    })
    if (removed) result.removed.push(orphan.key)
  }
  result.unfinished = await store.removeUnfinished(options.olderThan)
  return result
}

/**
 * The sweep in `paragraf serve`: a few minutes after the start and then every `everyMs`, files
 * orphaned longer than the grace period are removed. Several servers sharing a store may all sweep:
 * each removal is decided under the key's lock, and removing a removed file is no error.
 */
export function startOrphanSweep(
  db: Db,
  store: DocumentStore,
  options: {
    everyMs: number
    firstAfterMs: number
    log: { info(o: object, m: string): void; error(o: object, m: string): void }
  },
): () => void {
  let running = false
  const sweep = async () => {
    if (running) return
    running = true
    try {
      const result = await sweepOrphanedFiles(db, store, { olderThan: new Date(Date.now() - orphanGraceMs) })
      if (result.removed.length > 0 || result.unfinished > 0)
        options.log.info(
          { removed: result.removed.length, unfinished: result.unfinished, kept: result.kept },
          'files no document names were removed from the document store',
        )
    } catch (error) {
      options.log.error(
        { err: error },
        'the sweep of orphaned document files failed; it is tried again later',
      )
    } finally {
      running = false
    }
  }
  const first = setTimeout(sweep, options.firstAfterMs)
  const every = setInterval(sweep, options.everyMs)
  first.unref()
  every.unref()
  return () => {
    clearTimeout(first)
    clearInterval(every)
  }
}
