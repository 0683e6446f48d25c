import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertAllowed, mayKeepMinutes } from '../../../domain/account/access.policy.ts'
import { getCommittee } from '../../../domain/committee/committee.repository.ts'
import { UploadRefusedError } from '../../../domain/document/upload-refusal.ts'
import { getMeeting } from '../../../domain/meeting/meeting.service.ts'
import { getMinutes, listSignatoryIds } from '../../../domain/minutes/minutes.repository.ts'
import { listPersons } from '../../../domain/person/person.reads.ts'
import { PersonalIdentityNumbersFoundError } from '../../../domain/publication/personal-identity-number-scan.ts'
import { NotFoundError } from '../../../domain/shared/errors.ts'
import { refusalSentence } from '../../../domain/shared/refusal-sentences.ts'
import { recordPaperSignOff } from '../../../domain/sign-off/paper-sign-off.service.ts'
import { findSignOff } from '../../../domain/sign-off/sign-off.repository.ts'
import { sendPage } from '../../views/render.tsx'
import { minutesPaths } from '../minutes/minutes.paths.ts'
import { actorOf, adminView, currentUser, savedAt } from '../shared/admin-request.ts'
import { swedishRefusal } from '../shared/refusal-messages.ts'
import { parseFields } from '../shared/request.schema.ts'
import { maxDocumentBytes } from '../shared/upload-form.ts'
import { PaperSignOffPage } from './paper-sign-off.page.tsx'
import { noPageQuery, paperSignOffFields, signOffParams } from './sign-off.schema.ts'

// The secretary records a sign-off made on paper (the committee's signing method): the day the
// signatories signed and the scanned signed cover. Signatories themselves do not record it.

type Params = { Params: { signOffId: string } }

export const paperSignOffPath = (signOffId: number) => `${minutesPaths.sign(signOffId)}/papper`

async function load(request: FastifyRequest<Params>) {
  const signOff = /^\d+$/.test(request.params.signOffId)
    ? await findSignOff(request.db, Number(request.params.signOffId))
    : undefined
  if (!signOff) throw new NotFoundError('sign-off', request.params.signOffId)
  const minutes = await getMinutes(request.db, signOff.minutesId)
  const meeting = await getMeeting(request.db, minutes.meetingId)
  const committee = await getCommittee(request.db, meeting.committeeId)
  try {
    assertAllowed(mayKeepMinutes(currentUser(request), committee), 'record a paper sign-off')
  } catch (error) {
    request.upload?.file?.file.resume() // let the refused request finish
    throw error
  }
  const [persons, signatoryIds] = await Promise.all([
    listPersons(request.db, committee.organisationId),
    listSignatoryIds(request.db, minutes.id),
  ])
  const signatories = signatoryIds.map((id) => persons.find((p) => p.id === id)?.name ?? 'Okänd')
  return { signOff, meeting, committee, signatories }
}

async function show(
  request: FastifyRequest<Params>,
  reply: FastifyReply,
  form: { signedOn?: string; errors?: Record<string, string> } = {},
) {
  const loaded = await load(request)
  const errors = form.errors ?? {}
  return sendPage(
    reply,
    <PaperSignOffPage
      view={adminView(request, reply)}
      {...loaded}
      action={paperSignOffPath(loaded.signOff.id)}
      signedOn={form.signedOn ?? request.today}
      errors={errors}
    />,
    Object.keys(errors).length > 0 ? 400 : 200,
  )
}

export async function paperSignOffRoutes(app: FastifyInstance) {
  app.get<Params>(
    '/admin/justera/:signOffId/papper',
    { schema: { params: signOffParams, querystring: noPageQuery } },
    (request, reply) => show(request, reply),
  )

  app.post<Params>(
    '/admin/justera/:signOffId/papper',
    { schema: { params: signOffParams }, config: { upload: true } },
    async (request, reply) => {
      const { signOff } = await load(request)
      const signedOn = (parseFields(paperSignOffFields, request.upload?.fields).signedOn ?? '').trim()
      const part = request.upload?.file
      if (!part?.filename) {
        part?.file.resume()
        return show(request, reply, {
          signedOn,
          errors: { file: 'Välj den skannade, undertecknade försättssidan.' },
        })
      }
      try {
        await recordPaperSignOff(request.db, request.documents, actorOf(request), {
          signOffId: signOff.id,
          signedOnPaperOn: signedOn,
          today: request.today,
          file: {
            fileName: part.filename,
            mimeType: part.mimetype,
            stream: part.file,
            maxBytes: maxDocumentBytes,
          },
        })
      } catch (error) {
        part.file.resume()
        if (error instanceof UploadRefusedError)
          return show(request, reply, { signedOn, errors: { file: refusalSentence(error) } })
        if (error instanceof PersonalIdentityNumbersFoundError)
          return show(request, reply, {
            signedOn,
            errors: {
              signedOn: 'Paragraferna innehåller personnummer: ta bort dem innan protokollet justeras.',
            },
          })
        return show(request, reply, { signedOn, errors: { signedOn: swedishRefusal(error) } })
      }
      return reply.redirect(savedAt(minutesPaths.sign(signOff.id)), 303)
    },
  )
}
