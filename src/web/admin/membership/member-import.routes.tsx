import type { FastifyInstance } from 'fastify'
import { assertAllowed, mayManageCommittee } from '../../../domain/account/access.policy.ts'
import { importMemberList, MemberListError } from '../../../domain/membership/member-list.service.ts'
import { paths } from '../../paths.ts'
import { sendPage } from '../../views/render.tsx'
import { committeeFrom } from '../organisation/committee.data.ts'
import { actorOf, adminView, currentUser, readForm, savedAt, wasSaved } from '../shared/admin-request.ts'
import { MemberImportPage } from './member-import.page.tsx'
import { committeeParams, memberImportQuery, memberListForm } from './member-import.schema.ts'
import { type MemberListProblem, parseMemberList } from './member-list.csv.ts'

/** Why the domain refused a line, in Swedish. */
function explain(error: { code: string; field?: string | undefined }): string {
  if (error.code === 'invalid_state') return 'personen har redan en plats i nämnden under den tiden.'
  if (error.field === 'abbreviation') return 'partiförkortningen är ogiltig.'
  return 'raden kunde inte sparas; kontrollera namn, datum och roll.'
}

export async function memberImportRoutes(app: FastifyInstance) {
  app.get<{ Params: { committee: string } }>(
    '/admin/namnder/:committee/importera',
    { schema: { params: committeeParams, querystring: memberImportQuery } },
    async (request, reply) => {
      const committee = await committeeFrom(request)
      assertAllowed(mayManageCommittee(currentUser(request), committee), 'import members')
      return sendPage(
        reply,
        <MemberImportPage
          view={adminView(request, reply)}
          committee={committee}
          text=""
          problems={[]}
          saved={wasSaved(request)}
        />,
      )
    },
  )

  // All or nothing: a bad line (read here, or refused by the domain) leaves the committee as it was.
  app.post<{ Params: { committee: string } }>(
    '/admin/namnder/:committee/importera',
    { schema: { params: committeeParams, body: memberListForm } },
    async (request, reply) => {
      const committee = await committeeFrom(request)
      assertAllowed(mayManageCommittee(currentUser(request), committee), 'import members')
      const text = readForm(request.body, ['members']).members ?? ''
      let problems: MemberListProblem[]
      if (text.length > 200_000)
        problems = [{ line: 1, message: 'Listan är för lång: högst 200 000 tecken åt gången.' }]
      else {
        const parsed = parseMemberList(text)
        problems = parsed.problems
        if (problems.length === 0) {
          try {
            await importMemberList(request.db, actorOf(request), committee.id, parsed.entries)
            return reply.redirect(savedAt(paths.admin.memberImport(committee.slug)), 303)
          } catch (error) {
            if (!(error instanceof MemberListError)) throw error
            problems = error.problems.map((p) => ({ line: p.line, message: explain(p.error) }))
          }
        }
      }
      return sendPage(
        reply,
        <MemberImportPage
          view={adminView(request, reply)}
          committee={committee}
          text={text}
          problems={problems}
        />,
        400,
      )
    },
  )
}
