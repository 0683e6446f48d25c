import type { Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import type { Actor } from '../shared/actor.ts'
import { isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError } from '../shared/errors.ts'
import { countAttachments, insertAttachment, insertDocument } from './document.repository.ts'
import type { Document, DocumentKind } from './document.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    document_digest_malformed: undefined
    document_title_missing: undefined
  }
}

/**
 * Attaches a document last on an agenda item's list of attachments. The caller (the agenda's use
 * case) has checked that the item and the document belong together.
 */
export async function appendAttachment(trx: Trx, agendaItemId: number, documentId: number): Promise<void> {
  await insertAttachment(trx, agendaItemId, documentId, (await countAttachments(trx, agendaItemId)) + 1)
}

export interface RegisterDocumentInput {
  organisationId: number
  title: string
  kind: DocumentKind
  storageKey?: string
  sourceUrl?: string
  sha512?: string
  mimeType?: string
  sizeBytes?: number
  confidential?: boolean
  confidentialityGround?: string
  extractedText?: string
  datedOn?: string
  replacesDocumentId?: number
}

/**
 * Records a document (handling): its file, or the address where it was published. A confidential
 * document needs its legal ground (OSL), so the reason for keeping it back is always on record.
 */
export async function registerDocument(
  trx: Trx,
  actor: Actor,
  input: RegisterDocumentInput,
): Promise<Document> {
  const details = checkDocumentDetails(input)
  if (input.sha512 !== undefined && !/^[0-9a-f]{128}$/.test(input.sha512)) {
    throw new InvalidInputError(
      'document_digest_malformed',
      'sha512 must be 128 hexadecimal digits',
      'sha512',
    )
  }
  const document = await insertDocument(trx, {
    ...details,
    organisationId: input.organisationId,
    kind: input.kind,
    storageKey: input.storageKey ?? null,
    sourceUrl: input.sourceUrl ?? null,
    sha512: input.sha512 ?? null,
    mimeType: input.mimeType ?? null,
    sizeBytes: input.sizeBytes ?? null,
    extractedText: input.extractedText ?? null,
    replacesDocumentId: input.replacesDocumentId ?? null,
  })
  const { extractedText: _text, ...logged } = document
  await recordAudit(
    trx,
    actor,
    'document.registered',
    {
      type: 'document',
      id: document.id,
      organisationId: document.organisationId,
    },
    { after: logged },
  )
  return document
}

/**
 * The checks of what a clerk types about a document, trimmed. Separate so an upload can be refused
 * before a byte of its file is read.
 */
export function checkDocumentDetails(
  input: Pick<RegisterDocumentInput, 'title' | 'confidential' | 'confidentialityGround' | 'datedOn'>,
) {
  const title = input.title.trim()
  if (!title) throw new InvalidInputError('document_title_missing', 'the document needs a title', 'title')
  if (input.datedOn !== undefined && !isIsoDate(input.datedOn)) {
    throw new InvalidInputError('date_malformed', 'the date must be YYYY-MM-DD', 'datedOn')
  }
  const confidential = input.confidential ?? false
  if (confidential && !input.confidentialityGround?.trim()) {
    throw new InvalidInputError(
      'confidentiality_ground_missing',
      'a confidential document needs its legal ground (e.g. OSL 26:1)',
      'confidentialityGround',
    )
  }
  return {
    title,
    confidential,
    confidentialityGround: confidential ? (input.confidentialityGround?.trim() ?? null) : null,
    datedOn: input.datedOn ?? null,
  }
}
