import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { renderMinutesPdf } from '../../archive/minutes-pdf.ts'
import type { MeasuredFile } from '../../domain/publication/oparl/oparl-generated-files.ts'
import { isGeneratedFileName } from '../../domain/publication/oparl/oparl-generated-files.ts'
import { readOparlGeneratedFile } from '../../domain/publication/oparl/oparl-read.ts'
import { readPublicMeeting } from '../../domain/publication/public-meeting.ts'
import { idParams, linksOf, sendNotFound, sendOparl } from './oparl-response.ts'

// The generated files of a meeting as OParl Files. The PDF/A's size and SHA-512 come from its bytes,
// which are rendered for it (the same minutes give the same bytes, archive/minutes-pdf.ts): they are
// kept per meeting and its `modified`, which moves with everything the minutes show, so a PDF is
// rendered once per state. The JSON files carry no checksum: their links follow the address the
// client used and their finality the day of the request, so their bytes are not fixed.

const maxKept = 1000
const measuredPdfs = new Map<string, MeasuredFile>()

function keep(key: string, value: MeasuredFile) {
  if (measuredPdfs.size >= maxKept) measuredPdfs.delete(measuredPdfs.keys().next().value as string)
  measuredPdfs.set(key, value)
}

export async function generatedFileRoutes(app: FastifyInstance) {
  app.get<{ Params: { id: string; name: string } }>('/v1/meeting/:id/file/:name', async (request, reply) => {
    const params = idParams.safeParse(request.params)
    const name = request.params.name
    if (!params.success || !isGeneratedFileName(name)) return sendNotFound(reply)
    const found = await readOparlGeneratedFile(request.db, linksOf(request), params.data.id, name)
    if (!found) return sendNotFound(reply)
    if (name !== 'protokoll.pdf') return sendOparl(reply, found.file())
    const key = `${found.meeting.id}|${found.meeting.modified}`
    let measured = measuredPdfs.get(key)
    if (!measured) {
      const view = await readPublicMeeting(request.db, found.meeting.committeeSlug, found.meeting.slug)
      if (!view?.minutes) return sendNotFound(reply)
      const pdf = await renderMinutesPdf({ ...view, minutes: view.minutes })
      measured = { size: pdf.length, sha512: createHash('sha512').update(pdf).digest('hex') }
      keep(key, measured)
    }
    return sendOparl(reply, found.file(measured))
  })
}
