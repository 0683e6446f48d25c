import { createDiskDocumentStore } from './disk-document-store.ts'
import type { DocumentStore } from './document-store.ts'
import { createS3DocumentStore, type S3Target } from './s3-document-store.ts'

/** Which store the configuration names (STORAGE): a directory on disk, or an S3 bucket. */
export type StorageTarget = { kind: 'disk'; dir: string } | ({ kind: 's3' } & S3Target)

export function openDocumentStore(target: StorageTarget): DocumentStore {
  return target.kind === 'disk' ? createDiskDocumentStore(target.dir) : createS3DocumentStore(target)
}
