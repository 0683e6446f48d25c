import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertAllowed, mayManageDocuments } from '../../../domain/account/access.policy.ts'
import { listAttachmentRows } from '../../../domain/document/document.reads.ts'
import { type DocumentKind, documentKindLabels } from '../../../domain/document/document.ts'
import { replaceDocument } from '../../../domain/document/document-upload.service.ts'
import { uploadAttachment } from '../../../domain/document/upload-attachment.use-case.ts'
import { UploadRefusedError } from '../../../domain/document/upload-refusal.ts'
import { DomainError, NotFoundError } from '../../../domain/shared/errors.ts'
import { refusalSentence } from '../../../domain/shared/refusal-sentences.ts'
import { paths } from '../../paths.ts'
import { renderItem } from '../agenda/agenda.render.tsx'
import { itemOf } from '../agenda/agenda.routes.tsx'
import { idOf, type MeetingParams, meetingFrom } from '../meetings/meetings.data.ts'
import { actorOf, currentUser, savedAt } from '../shared/admin-request.ts'
import type { FormErrors } from '../shared/form.view.tsx'
import { parseFields } from '../shared/request.schema.ts'
import { maxDocumentBytes } from '../shared/upload-form.ts'
import { documentParams, itemParams, newVersionFields, uploadFields } from './documents.schema.ts'

// An agenda item's documents: uploading an attachment and a new version of one, streamed.

type ItemParams = { Params: MeetingParams['Params'] & { item: string } }
type DocumentParams = { Params: ItemParams['Params'] & { document: string } }
const base = '/admin/namnder/:committee/sammantraden/:meeting/dagordning/:item/handlingar'

async function documentsOf(request: FastifyRequest<ItemParams>) {
  const { committee, meeting } = await meetingFrom(request)
  try {
    assertAllowed(mayManageDocuments(currentUser(request), committee), 'upload document')
  } catch (error) {
    request.upload?.file?.file.resume() // let the refused request finish
    throw error
  }
  const item = await itemOf(request, meeting.id)
  return { committee, meeting, item }
}

/** The refusal in Swedish: the file's reason, or the field's. */
function uploadErrors(error: unknown): FormErrors {
  if (error instanceof UploadRefusedError) return { file: refusalSentence(error) }
  if (error instanceof DomainError && error.field === 'title')
    return { documentTitle: 'Ge handlingen en titel.' }
  if (error instanceof DomainError && error.field === 'confidentialityGround')
    return { documentGround: 'Ange lagrummet för sekretessen, till exempel OSL 26:1.' }
  throw error
}

const fileOf = (request: FastifyRequest) => {
  const part = request.upload?.file
  return part?.filename
    ? { fileName: part.filename, mimeType: part.mimetype, stream: part.file, maxBytes: maxDocumentBytes }
    : undefined
}

const back = (reply: FastifyReply, committeeSlug: string, meetingSlug: string, itemId: number) =>
  reply.redirect(`${savedAt(paths.admin.agendaItem(committeeSlug, meetingSlug, itemId))}#handlingar`, 303)

export async function documentRoutes(app: FastifyInstance) {
  app.post<ItemParams>(
    base,
    { schema: { params: itemParams }, config: { upload: true } },
    async (request, reply) => {
      const { committee, meeting, item } = await documentsOf(request)
      const fields = parseFields(uploadFields, request.upload?.fields)
      const values = {
        documentTitle: (fields.documentTitle ?? '').trim(),
        documentKind: fields.documentKind ?? 'bilaga',
        documentConfidential: fields.documentConfidential === 'ja' ? 'ja' : '',
        documentGround: (fields.documentGround ?? '').trim(),
      }
      const errors: FormErrors = {}
      const file = fileOf(request)
      if (!file) errors.file = 'Välj filen som ska laddas upp.'
      if (!Object.hasOwn(documentKindLabels, values.documentKind))
        errors.documentKind = 'Välj slag av handling.'
      if (!values.documentTitle) values.documentTitle = file?.fileName.replace(/\.[a-z]+$/i, '') ?? ''
      if (!values.documentTitle) errors.documentTitle = 'Ge handlingen en titel.'
      if (values.documentConfidential && !values.documentGround)
        errors.documentGround = 'Ange lagrummet för sekretessen, till exempel OSL 26:1.'
      if (Object.keys(errors).length === 0 && file) {
        try {
          await uploadAttachment(request.db, request.documents, actorOf(request), {
            ...file,
            agendaItemId: item.id,
            organisationId: committee.organisationId,
            title: values.documentTitle,
            kind: values.documentKind as DocumentKind,
            confidential: values.documentConfidential === 'ja',
            ...(values.documentGround ? { confidentialityGround: values.documentGround } : {}),
          })
          return back(reply, committee.slug, meeting.slug, item.id)
        } catch (error) {
          Object.assign(errors, uploadErrors(error))
        }
      } else request.upload?.file?.file.resume()
      return renderItem(request, reply, committee, meeting, item.id, { uploadForm: { values, errors } })
    },
  )

  app.post<DocumentParams>(
    `${base}/:document/ny-version`,
    { schema: { params: documentParams }, config: { upload: true } },
    async (request, reply) => {
      const { committee, meeting, item } = await documentsOf(request)
      parseFields(newVersionFields, request.upload?.fields)
      const documentId = idOf(request.params.document) ?? 0
      // Only a document attached to this item: the address must not reach another organisation's.
      const attached = await listAttachmentRows(request.db, [item.id])
      if (!attached.some((a) => a.document.id === documentId)) {
        request.upload?.file?.file.resume()
        throw new NotFoundError('attachment', documentId)
      }
      const file = fileOf(request)
      let message = 'Välj filen med den nya versionen.'
      if (file) {
        try {
          await replaceDocument(request.db, request.documents, actorOf(request), {
            ...file,
            replacesDocumentId: documentId,
          })
          return back(reply, committee.slug, meeting.slug, item.id)
        } catch (error) {
          if (error instanceof DomainError && error.code === 'invalid_state')
            message = 'Den här versionen har redan ersatts. Ladda om sidan och ersätt den nyaste versionen.'
          else message = uploadErrors(error).file ?? message
        }
      }
      return renderItem(request, reply, committee, meeting, item.id, {
        replaceError: { documentId, message },
      })
    },
  )
}
