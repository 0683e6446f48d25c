import multipart, { type MultipartFile } from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { InvalidInputError } from '../../../domain/shared/errors.ts'
import { fieldWithNul } from '../../input-checks.ts'

declare module '../../../domain/shared/errors.ts' {
  interface RefusalReasons {
    form_takes_no_file: undefined
  }
}

/** The largest document a clerk may upload. */
export const maxDocumentBytes = 50 * 1024 * 1024

declare module 'fastify' {
  interface FastifyRequest {
    /** An upload form (multipart): its fields before the file, and the file, still a stream. */
    upload: { fields: Record<string, string>; file: MultipartFile | undefined } | null
  }
  interface FastifyContextConfig {
    /** A workspace form that takes a file (multipart/form-data); other forms refuse one unread. */
    upload?: boolean
  }
}

/**
 * Upload forms in the workspace, streamed: the fields that come before the file input (the CSRF
 * token among them) are read at preValidation, so the CSRF check sees them; the file itself is
 * left as a stream for the use case. Forms must therefore put the file input last.
 * Register before the CSRF hook.
 *
 * At most ~200 kB of fields is held before the check (20 fields of 10 kB); a request without a
 * session is redirected at onRequest, before anything is read. Whatever answer a request gets,
 * the unread rest of its file is drained (and dropped) as the answer goes out: a body left half
 * read stalls the keep-alive connection, and the next request on it would hang until the timeout.
 */
export async function registerUploadForms(app: FastifyInstance) {
  await app.register(multipart, {
    // Slightly above the limit: the use case counts the bytes and refuses with its own reason,
    // instead of busboy cutting the file off.
    limits: {
      fileSize: maxDocumentBytes + 64 * 1024,
      files: 1,
      fields: 20,
      fieldSize: 10_000,
      parts: 25,
      headerPairs: 20,
    },
  })
  app.decorateRequest('upload', null)
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return
    // Not read at all: Node discards an untouched body itself once the answer is sent.
    if (!request.routeOptions.config.upload)
      throw new InvalidInputError(
        'form_takes_no_file',
        'this form takes no file (multipart/form-data)',
        'file',
      )
    const file = await request.file()
    request.upload = { fields: fieldsOf(file?.fields), file }
    const field = fieldWithNul(request.upload.fields)
    if (field !== undefined)
      throw new InvalidInputError('nul_character', 'a NUL character in the upload form', field)
  })
  app.addHook('onSend', async (request) => {
    const stream = request.upload?.file?.file
    if (stream && !stream.readableEnded && !stream.destroyed) stream.resume()
  })
}

function fieldsOf(fields: MultipartFile['fields'] | undefined): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [name, part] of Object.entries(fields ?? {})) {
    const first = Array.isArray(part) ? part[0] : part
    if (first && first.type === 'field') values[name] = String(first.value)
  }
  return values
}

/** Where the CSRF token is: the form body, or the fields of an upload form. */
export function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined
  const token = body?._csrf ?? request.upload?.fields._csrf
  return typeof token === 'string' ? token : undefined
}
