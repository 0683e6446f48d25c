import { PassThrough, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import {
  assertStorageKey,
  type DocumentStore,
  fileMeasure,
  isStorageKey,
  type StoredEntry,
} from './document-store.ts'

export interface S3Target {
  /** The service's address (MinIO, Garage, a cloud's S3); none for Amazon S3 itself. */
  endpoint: string | undefined
  bucket: string
  region: string
  /** Without keys the SDK looks for credentials itself (environment, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined
}

/** S3 wants every part but the last to be at least 5 MiB; 8 MiB keeps memory use small and bounded. */
const partSize = 8 * 1024 * 1024

/**
 * Files as objects in one bucket of an S3-compatible store, named by their key. A file is read in
 * parts of 8 MiB, so memory use stays bounded however large it is; a file that already exists is
 * not sent again (keys are content addresses).
 */
export function createS3DocumentStore(target: S3Target): DocumentStore {
  const client = new S3Client({
    region: target.region,
    forcePathStyle: true, // most self-hosted stores have no per-bucket host names
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(target.credentials ? { credentials: target.credentials } : {}),
    // The SDK's newer default checksums (CRC32 trailers) are not understood by every S3-compatible
    // store; send them only where the API requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const Bucket = target.bucket

  async function find(Key: string): Promise<StoredEntry | undefined> {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key }))
      return { key: Key, modifiedAt: head.LastModified ?? new Date(0) }
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
        return undefined
      throw error
    }
  }
  const exists = async (Key: string) => (await find(Key)) !== undefined

  return {
    async put(Key, content) {
      assertStorageKey(Key)
      const measure = fileMeasure()
      if (await exists(Key)) {
        // Already stored: read the stream only to report what it held.
        for await (const chunk of content) measure.add(chunk)
        return measure.result()
      }
      let pending: Buffer[] = []
      let pendingSize = 0
      let uploadId: string | undefined
      const parts: Array<{ ETag: string | undefined; PartNumber: number }> = []
      const sendPart = async () => {
        const Body = Buffer.concat(pending, pendingSize)
        pending = []
        pendingSize = 0
        uploadId ??= (await client.send(new CreateMultipartUploadCommand({ Bucket, Key }))).UploadId
        const PartNumber = parts.length + 1
        const { ETag } = await client.send(
          new UploadPartCommand({
            Bucket,
            Key,
            UploadId: uploadId,
            PartNumber,
            Body,
            ContentLength: Body.length,
          }),
        )
        parts.push({ ETag, PartNumber })
      }
      try {
        for await (const chunk of content as AsyncIterable<Buffer>) {
          measure.add(chunk)
          pending.push(chunk)
          pendingSize += chunk.length
          if (pendingSize >= partSize) await sendPart()
        }
        if (uploadId === undefined) {
          const Body = Buffer.concat(pending, pendingSize)
          await client.send(new PutObjectCommand({ Bucket, Key, Body, ContentLength: Body.length }))
        } else {
          if (pendingSize > 0) await sendPart()
          await client.send(
            new CompleteMultipartUploadCommand({
              Bucket,
              Key,
              UploadId: uploadId,
              MultipartUpload: { Parts: parts },
            }),
          )
        }
      } catch (error) {
        if (uploadId !== undefined)
          await client
            .send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId }))
            .catch(() => undefined)
        throw error
      }
      return measure.result()
    },

    get(Key) {
      assertStorageKey(Key)
      const out = new PassThrough()
      client
        .send(new GetObjectCommand({ Bucket, Key }))
        .then((response) => pipeline(response.Body as Readable, out))
        .catch((error: Error) => out.destroy(error))
      return out
    },

    async delete(Key) {
      assertStorageKey(Key)
      await client.send(new DeleteObjectCommand({ Bucket, Key }))
    },

    find(Key) {
      assertStorageKey(Key)
      return find(Key)
    },

    async *list(): AsyncIterable<StoredEntry> {
      let ContinuationToken: string | undefined
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, ContinuationToken }))
        for (const object of page.Contents ?? []) {
          // Objects another program keeps in the bucket are not documents' files: never touched.
          if (object.Key && isStorageKey(object.Key))
            yield { key: object.Key, modifiedAt: object.LastModified ?? new Date(0) }
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (ContinuationToken)
    },

    async removeUnfinished(before) {
      // A multipart upload cut short keeps its parts (and is billed) until it is aborted.
      let removed = 0
      let KeyMarker: string | undefined
      let UploadIdMarker: string | undefined
      do {
        const page = await client
          .send(new ListMultipartUploadsCommand({ Bucket, KeyMarker, UploadIdMarker }))
          .catch((error: { $metadata?: { httpStatusCode?: number } }) => {
            // A store that cannot list them (501; s3rver, some self-hosted stores) has its own way.
            if (error.$metadata?.httpStatusCode === 501) return undefined
            throw error
          })
        if (!page) return removed
        for (const upload of page.Uploads ?? []) {
          if (!upload.Key || !isStorageKey(upload.Key) || !upload.Initiated || upload.Initiated >= before)
            continue
          await client.send(
            new AbortMultipartUploadCommand({ Bucket, Key: upload.Key, UploadId: upload.UploadId }),
          )
          removed++
        }
        KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined
        UploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined
      } while (KeyMarker)
      return removed
    },
  }
}
