import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { renderMinutesPdf } from '../../../archive/minutes-pdf.ts'
import { assertAllowed, mayKeepMinutes, maySeeDraftMinutes } from '../../../domain/account/access.policy.ts'
import { authenticate } from '../../../domain/account/account.service.ts'
import { getCommittee } from '../../../domain/committee/committee.repository.ts'
import { getCommitteeSettings } from '../../../domain/committee/committee.service.ts'
import { getMeeting } from '../../../domain/meeting/meeting.service.ts'
import { getMinutes } from '../../../domain/minutes/minutes.repository.ts'
import { publicMinutesRecord, readMinutesRecord } from '../../../domain/minutes/minutes-record.ts'
import { commentOnSection, listSignatoryComments } from '../../../domain/minutes/signatory-comment.service.ts'
import { listParties, listPersons } from '../../../domain/person/person.reads.ts'
import { scanSectionsForPersonalIdentityNumbers } from '../../../domain/publication/minutes-identity-number-scan.ts'
import { PersonalIdentityNumbersFoundError } from '../../../domain/publication/personal-identity-number-scan.ts'
import { InvalidStateError, NotFoundError } from '../../../domain/shared/errors.ts'
import { signAndAnnounce } from '../../../domain/sign-off/sign-and-announce.service.ts'
import { findSignOff } from '../../../domain/sign-off/sign-off.repository.ts'
import type { Names } from '../../portal/minutes.view.tsx'
import { sendPage } from '../../views/render.tsx'
import { fieldOf, numberOf } from '../minutes/minutes.data.ts'
import { minutesPaths } from '../minutes/minutes.paths.ts'
import { actorOf, adminView, currentUser, savedAt, wasSaved } from '../shared/admin-request.ts'
import { swedishRefusal } from '../shared/refusal-messages.ts'
import { SignOffPage } from './sign-off.page.tsx'
import { commentForm, noPageQuery, passwordForm, signOffParams, signOffQuery } from './sign-off.schema.ts'

type Params = { Params: { signOffId: string } }

async function load(request: FastifyRequest<Params>) {
  const signOff = /^\d+$/.test(request.params.signOffId)
    ? await findSignOff(request.db, Number(request.params.signOffId))
    : undefined
  if (!signOff) throw new NotFoundError('sign-off', request.params.signOffId)
  const minutes = await getMinutes(request.db, signOff.minutesId)
  const meeting = await getMeeting(request.db, minutes.meetingId)
  const [committee, record] = await Promise.all([
    getCommittee(request.db, meeting.committeeId),
    readMinutesRecord(request.db, meeting.id),
  ])
  if (!record) throw new NotFoundError('minutes', minutes.id)
  // Draft minutes: the secretary, the chair and the signatories only (TF 2:10).
  assertAllowed(maySeeDraftMinutes(currentUser(request), committee, minutes, record.signatoryIds), 'sign-off')
  const [persons, parties, comments, settings] = await Promise.all([
    listPersons(request.db, committee.organisationId),
    listParties(request.db, committee.organisationId),
    listSignatoryComments(request.db, signOff.sectionIds),
    getCommitteeSettings(request.db, committee.id),
  ])
  const personName = (id: number | null) => persons.find((p) => p.id === id)?.name ?? 'Okänd'
  const names: Names = {
    person: personName,
    party: (id) => parties.find((p) => p.id === id)?.abbreviation,
  }
  // What signAndAnnounce would refuse (P3), shown before anyone tries to sign.
  const findings =
    signOff.status === 'signed_off'
      ? []
      : scanSectionsForPersonalIdentityNumbers(
          record.sections.filter((s) => signOff.sectionIds.includes(s.section.id)),
        )
  const sectionHref = mayKeepMinutes(currentUser(request), committee)
    ? (number: number) => minutesPaths.section(committee.slug, meeting.slug, number)
    : undefined
  const user = currentUser(request)
  const mayComment =
    signOff.status !== 'signed_off' && user.personId !== null && record.signatoryIds.includes(user.personId)
  return {
    signOff,
    meeting,
    committee,
    record,
    persons,
    parties,
    personName,
    names,
    comments,
    mayComment,
    findings,
    sectionHref,
    signingMethod: settings.signingMethod,
  }
}

async function show(
  request: FastifyRequest<Params>,
  reply: FastifyReply,
  refusal: {
    error?: string
    personalIdentityNumbers?: boolean
    comment?: { sectionId: number; text: string; error: string }
  } = {},
) {
  const loaded = await load(request)
  const refused =
    refusal.error !== undefined || refusal.personalIdentityNumbers === true || refusal.comment !== undefined
  return sendPage(
    reply,
    <SignOffPage
      view={adminView(request, reply)}
      {...loaded}
      error={refusal.error}
      refusedForPersonalIdentityNumbers={refusal.personalIdentityNumbers ?? false}
      commentRefused={refusal.comment}
      saved={wasSaved(request)}
      commented={(request.query as Record<string, string> | undefined)?.kommenterat === '1'}
    />,
    refused ? 400 : 200,
  )
}

export async function signOffRoutes(app: FastifyInstance) {
  app.get<Params>(
    '/admin/justera/:signOffId',
    { schema: { params: signOffParams, querystring: signOffQuery } },
    (request, reply) => show(request, reply),
  )

  // The draft as the published PDF will read, marked "Utkast – ej justerat": for those who may read
  // the draft only (TF 2:10), never cached, never on the portal.
  app.get<Params>(
    '/admin/justera/:signOffId/utkast.pdf',
    { schema: { params: signOffParams, querystring: noPageQuery } },
    async (request, reply) => {
      const { signOff, meeting, committee, record, persons, parties } = await load(request)
      const asSignedOff = publicMinutesRecord({
        ...record,
        sections: record.sections
          .filter((s) => signOff.sectionIds.includes(s.section.id))
          .map((s) => ({ ...s, signOff: { ...signOff, status: 'signed_off' as const, signedOffOn: null } })),
      })
      const pdf = await renderMinutesPdf(
        {
          committee,
          meeting,
          agenda: [],
          minutes: asSignedOff,
          persons: new Map(persons.map((p) => [p.id, p])),
          parties: new Map(parties.map((p) => [p.id, p])),
          openToPublic: false,
          registryNumbers: { ofItem: new Map(), ofSection: new Map() },
        },
        { draft: true },
      )
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `inline; filename="utkast-protokoll-${committee.slug}-${meeting.meetsOn}.pdf"`,
        )
        .send(pdf)
    },
  )

  // A signatory's comment on a § to the secretary, before signing.
  app.post<Params>(
    '/admin/justera/:signOffId/kommentar',
    { schema: { params: signOffParams, body: commentForm } },
    async (request, reply) => {
      const { signOff } = await load(request)
      const user = currentUser(request)
      const sectionId = numberOf(request.body, 'sectionId') ?? 0
      const text = fieldOf(request.body, 'text')
      try {
        await commentOnSection(request.db, actorOf(request), {
          signOffId: signOff.id,
          sectionId,
          personId: user.personId ?? 0,
          text,
          at: request.now,
        })
      } catch (error) {
        return show(request, reply, { comment: { sectionId, text, error: swedishRefusal(error) } })
      }
      return reply.redirect(`${minutesPaths.sign(signOff.id)}?kommenterat=1#kommentar-${sectionId}`, 303)
    },
  )

  // KL 5:69: the appointed signatories sign; each re-enters their password, so a session left
  // open cannot sign for them. The last signature signs the §§ off and posts the notice (KL 8:12).
  app.post<Params>(
    '/admin/justera/:signOffId',
    { schema: { params: signOffParams, body: passwordForm } },
    async (request, reply) => {
      const { signOff, record } = await load(request)
      const user = currentUser(request)
      try {
        await authenticate(request.db, {
          email: user.email,
          password: fieldOf(request.body, 'password'),
          ip: request.ip,
        })
        if (user.personId === null || !record.signatoryIds.includes(user.personId))
          throw new InvalidStateError(
            'signing_by_non_signatory',
            'only the appointed signatories sign the minutes',
          )
        await signAndAnnounce(request.db, actorOf(request), {
          signOffId: signOff.id,
          personId: user.personId,
          on: request.today,
        })
      } catch (error) {
        // The page lists the places itself, from the same scan; the number is never echoed.
        if (error instanceof PersonalIdentityNumbersFoundError)
          return show(request, reply, { personalIdentityNumbers: true })
        return show(request, reply, { error: swedishRefusal(error) })
      }
      return reply.redirect(savedAt(minutesPaths.sign(signOff.id)), 303)
    },
  )
}
