import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import type { Db, Queryable, Trx } from '../../db/database.ts'
import type { DocumentStore } from '../../storage/document-store.ts'
import { agendaIsOpen, attachDocument } from '../agenda/agenda.service.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidStateError } from '../shared/errors.ts'
import {
  findReplacementId,
  getDocument,
  getDocumentForUpdate,
  isStorageKeyInUse,
  listAttachmentsOfDocument,
  lockStorageKey,
  moveAttachmentInto,
} from './document.repository.ts'
import { checkDocumentDetails, registerDocument } from './document.service.ts'
import type { Document, DocumentKind } from './document.ts'
import { headLength, isZip, officeParts, sniffFileType } from './file-sniffing.ts'
import { declaredFileType, fileTypes } from './file-type.ts'
import { stageUpload } from './staged-upload.ts'
import { extractDocumentText } from './text-extraction.ts'
import { UploadRefusedError } from './upload-refusal.ts'
import { noVirusScan, type VirusScanner } from './virus-scan.ts'
import { readZipParts } from './zip-parts.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    document_version_replaced: undefined
  }
}

/** A file as it arrives from the upload form: a stream, never the whole file in memory. */
export interface UploadedFile {
  fileName: string
  /** The media type the browser declared. */
  mimeType: string
  stream: Readable
  /** The largest file accepted, in bytes. */
  maxBytes: number
}

export interface UploadDocumentInput extends UploadedFile {
  organisationId: number
  title: string
  kind: DocumentKind
  confidential?: boolean
  confidentialityGround?: string
  datedOn?: string
}

export interface ReplaceDocumentInput extends UploadedFile {
  replacesDocumentId: number
  /** Left out: the new version keeps the previous one's. */
  title?: string
  kind?: DocumentKind
  confidential?: boolean
  confidentialityGround?: string
  datedOn?: string
}

export interface UploadOptions {
  /** The virus scanner to ask (default: none, every file passes). */
  scanForViruses?: VirusScanner
}

/**
 * Stores an uploaded file as a document (handling). The file must be PDF, DOCX, ODT, XLSX, PNG or
 * JPEG by its content as well as by its declared type and name, within the size limit, and clean;
 * otherwise it is refused (UploadRefusedError) and nothing is stored. Its text is kept for search.
 */
export async function uploadDocument(
  db: Db,
  store: DocumentStore,
  actor: Actor,
  input: UploadDocumentInput,
  options: UploadOptions = {},
): Promise<Document> {
  await refuseEarly(input, () => checkDocumentDetails(input))
  const { organisationId, title, kind, confidential, confidentialityGround, datedOn } = input
  const details = { organisationId, title, kind, confidential, confidentialityGround, datedOn }
  return storeUploadedFile(store, input, options, (file, staged) =>
    registerOrRelease(db, store, file.storageKey, staged, (trx) =>
      registerDocument(trx, actor, { ...details, ...file }),
    ),
  )
}

/**
 * Stores a new version of a document. The previous version is kept (the new one names it in
 * replacesDocumentId) and the new one takes its place among the attachments of every agenda that
 * can still change, so the agenda's change history says the attachment was replaced. Agendas of
 * cancelled, signed-off or published meetings keep the version they were decided on.
 */
export async function replaceDocument(
  db: Db,
  store: DocumentStore,
  actor: Actor,
  input: ReplaceDocumentInput,
  options: UploadOptions = {},
): Promise<Document> {
  const previous = await refuseEarly(input, () => getDocument(db, input.replacesDocumentId))
  const details = {
    organisationId: previous.organisationId,
    title: input.title ?? previous.title,
    kind: input.kind ?? previous.kind,
    confidential: input.confidential ?? previous.confidential,
    confidentialityGround: input.confidentialityGround ?? previous.confidentialityGround ?? undefined,
    datedOn: input.datedOn,
  }
  await refuseEarly(input, async () => {
    checkDocumentDetails(details)
    await assertNewestVersion(db, previous.id)
  })
  return storeUploadedFile(store, input, options, (file, staged) =>
    registerOrRelease(db, store, file.storageKey, staged, async (trx) => {
      // Checked again under lock: another clerk may have replaced the same version meanwhile.
      await getDocumentForUpdate(trx, previous.id)
      await assertNewestVersion(trx, previous.id)
      const document = await registerDocument(trx, actor, {
        ...details,
        ...file,
        replacesDocumentId: previous.id,
      })
      for (const { agendaItemId, meetingStatus } of await listAttachmentsOfDocument(trx, previous.id)) {
        if (!agendaIsOpen(meetingStatus)) continue
        await attachDocument(trx, actor, { agendaItemId, documentId: document.id })
        await moveAttachmentInto(trx, agendaItemId, previous.id, document.id)
      }
      return document
    }),
  )
}

/** Only the newest version can be replaced, so the versions form one line. */
async function assertNewestVersion(db: Queryable, documentId: number) {
  if (await findReplacementId(db, documentId)) {
    throw new InvalidStateError(
      'document_version_replaced',
      'this version has already been replaced; replace the newest version',
    )
  }
}

/** What the store and the checks tell of an accepted file, ready for registerDocument. */
interface AcceptedFile {
  storageKey: string
  sha512: string
  mimeType: string
  sizeBytes: number
  extractedText?: string
}

/**
 * Checks and stores the upload, then hands it to `register` while its checked copy (`staged`) is
 * still there to be stored again from; the copy is removed afterwards.
 */
async function storeUploadedFile<T>(
  store: DocumentStore,
  input: UploadedFile,
  options: UploadOptions,
  register: (file: AcceptedFile, staged: string) => Promise<T>,
): Promise<T> {
  const declared = await refuseEarly(input, () => declaredFileType(input))
  const staged = await stageUpload(input.stream, input.maxBytes)
  try {
    if (staged.tooLarge) {
      throw new UploadRefusedError(
        'too_large',
        `the file is ${megabytes(staged.size)}; the largest allowed is ${megabytes(input.maxBytes)}`,
      )
    }
    if (staged.size === 0) throw new UploadRefusedError('empty', 'the file is empty')
    const head = await readHead(staged.file)
    const zip = isZip(head) ? await readZipParts(staged.file, Object.values(officeParts)) : new Map()
    const type = sniffFileType(head, zip)
    if (!type)
      throw new UploadRefusedError('type_not_allowed', 'the content is not PDF, DOCX, ODT, XLSX, PNG or JPEG')
    if (type !== declared) {
      throw new UploadRefusedError(
        'type_mismatch',
        `the content is ${type} but the file was sent as ${declared}`,
      )
    }
    const scan = await (options.scanForViruses ?? noVirusScan)(staged.file)
    if (scan !== 'clean') throw new UploadRefusedError('infected', `the virus scanner found ${scan.infected}`)
    const text = await extractDocumentText(staged.file, type, staged.size, zip)
    // Content-addressed: the key is the sha512, so an identical file is stored once.
    const stored = await store.put(staged.sha512, createReadStream(staged.file))
    if (stored.sha512 !== staged.sha512) throw new Error('the stored file differs from the upload')
    const file = {
      storageKey: staged.sha512,
      sha512: staged.sha512,
      mimeType: fileTypes[type].mimeType,
      sizeBytes: staged.size,
      ...(text ? { extractedText: text } : {}),
    }
    return await register(file, staged.file)
  } finally {
    await staged.discard()
  }
}

/** Refusing before the file is read: the stream is still drained, so the request can finish. */
async function refuseEarly<T>(input: UploadedFile, check: () => T | Promise<T>): Promise<T> {
  try {
    return await check()
  } catch (error) {
    input.stream.resume()
    throw error
  }
}

/**
 * Registers the stored file in one transaction, under the storage key's lock: if the sweep of
 * orphaned files (document-files.service.ts) removed the file since it was stored (another upload's
 * orphan with the same bytes, say), it is stored again from `staged` before the row commits, so no
 * committed row names a missing file. If registering fails, the file is deleted again, under the
 * same lock, unless a document uses it (an identical upload). When even that fails (the database
 * away), the file stays for the sweep: an unused file is harmless, a lost one is not.
 */
async function registerOrRelease(
  db: Db,
  store: DocumentStore,
  storageKey: string,
  staged: string,
  register: (trx: Trx) => Promise<Document>,
): Promise<Document> {
  try {
    return await db.transaction().execute(async (trx) => {
      await lockStorageKey(trx, storageKey)
      if (!(await store.find(storageKey))) await store.put(storageKey, createReadStream(staged))
      return register(trx)
    })
  } catch (error) {
    await db
      .transaction()
      .execute(async (trx) => {
        await lockStorageKey(trx, storageKey)
        if (!(await isStorageKeyInUse(trx, storageKey))) await store.delete(storageKey)
      })
      .catch(() => undefined)
    throw error
  }
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(headLength)
    const { bytesRead } = await handle.read(buffer, 0, headLength, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
