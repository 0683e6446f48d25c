import type { FastifyInstance } from 'fastify'
import { countUnhandledAccessibilityFeedback } from '../../../domain/accessibility-feedback/accessibility-feedback.service.ts'
import {
  mayCreateCommittee,
  mayHandleAccessibilityFeedback,
  mayKeepMinutes,
  mayManageOrganisation,
  mayManageRegister,
  mayPrepareMeeting,
  mayWorkWith,
} from '../../../domain/account/access.policy.ts'
import { listCommittees } from '../../../domain/committee/committee.service.ts'
import { getMeeting, listMeetings } from '../../../domain/meeting/meeting.service.ts'
import { listOrganisations } from '../../../domain/organisation/organisation.reads.ts'
import { listSignOffsAwaitingSignature } from '../../../domain/sign-off/awaiting-signature.ts'
import { listSignOffReminders } from '../../../domain/sign-off/sign-off-reminder.ts'
import { paths } from '../../paths.ts'
import { formatLongDate } from '../../views/format.ts'
import { sendPage } from '../../views/render.tsx'
import { minutesPaths } from '../minutes/minutes.paths.ts'
import { adminView, currentUser } from '../shared/admin-request.ts'
import { StartPage } from './start.page.tsx'
import { startQuery } from './start.schema.ts'

export async function startRoutes(app: FastifyInstance) {
  // The committees the user may work with and their next meetings; the organisations they keep.
  app.get('/admin', { schema: { querystring: startQuery } }, async (request, reply) => {
    const user = currentUser(request)
    const [committees, organisations] = await Promise.all([
      listCommittees(request.db),
      listOrganisations(request.db),
    ])
    const mine = committees.filter((c) => mayWorkWith(user, c))
    const upcoming = await listMeetings(request.db, {
      committeeIds: mine.map((c) => c.id),
      from: request.today,
      order: 'asc',
      limit: 100,
    })
    // KL 5:69: every open protocol of my committees with its 14-day deadline, the most urgent first.
    const open = (await listSignOffReminders(request.db, request.today, 14)).filter((r) =>
      mine.some((c) => c.id === r.committeeId),
    )
    const reminders = await Promise.all(
      open.map(async (reminder) => {
        const committee = mine.find((c) => c.id === reminder.committeeId)!
        const meeting = await getMeeting(request.db, reminder.meetingId)
        const href = mayKeepMinutes(user, committee)
          ? minutesPaths.overview(committee.slug, meeting.slug)
          : undefined
        return { ...reminder, href }
      }),
    )
    const unhandled = await countUnhandledAccessibilityFeedback(
      request.db,
      organisations.filter((o) => mayHandleAccessibilityFeedback(user, o.id)).map((o) => o.id),
    )
    // An appointed signatory reaches what they are to sign from here, and from the mail (KL 5:69).
    const toSign =
      user.personId === null
        ? []
        : (await listSignOffsAwaitingSignature(request.db, user.personId)).map((s) => ({
            label: `${s.committeeName} ${formatLongDate(s.meetsOn)}${s.immediate ? ' (omedelbar justering)' : ''}`,
            href: minutesPaths.sign(s.signOffId),
          }))
    const kept = organisations
      .map((organisation) => ({
        organisation,
        manage: mayManageOrganisation(user, organisation.id),
        createCommittee: mayCreateCommittee(user, organisation.id),
        register: mayManageRegister(user, organisation.id),
        unhandledFeedback: mayHandleAccessibilityFeedback(user, organisation.id)
          ? (unhandled.get(organisation.id) ?? 0)
          : undefined,
      }))
      .filter((o) => o.manage || o.register)
    return sendPage(
      reply,
      <StartPage
        view={adminView(request, reply)}
        committees={mine}
        upcoming={upcoming}
        reminders={reminders}
        organisations={kept}
        toSign={toSign}
        meetingHref={(committee, meeting) =>
          mayPrepareMeeting(user, committee) ? paths.admin.meeting(committee.slug, meeting.slug) : undefined
        }
      />,
    )
  })
}
