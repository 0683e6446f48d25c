import type { Committee } from '../../domain/committee/committee.ts'
import { agendaIsPublic } from '../../domain/disclosure/disclosure.ts'
import type { Document } from '../../domain/document/document.ts'
import { documentUrlName } from '../../domain/document/file-type.ts'
import type { Meeting } from '../../domain/meeting/meeting.ts'
import type { BoardNotice } from '../../domain/publication/notice-board-record.ts'
import type {
  AuthoredEntry,
  BallotEntry,
  PublicRecord,
  PublicSectionRef,
} from '../../domain/publication/person-record.ts'
import { maskPersonalIdentityNumbers as mask } from '../../domain/publication/personal-identity-number.ts'
import { isStoredDocument } from '../../domain/publication/public-document.ts'
import type { ApiLinks } from './api-links.ts'

// Public JSON is built here from the publication read models (docs/architecture.md: "Public JSON is
// camelCase and always built by a presenter"); every text the read models masked stays masked.

type CommitteeFacts = Pick<Committee, 'name' | 'slug'>

export const committeeRefOf = (links: ApiLinks, c: CommitteeFacts) => ({
  slug: c.slug,
  name: c.name,
  url: links.committee(c.slug),
})

export const personRefOf = (links: ApiLinks, p: { slug: string; name: string }) => ({
  slug: p.slug,
  name: p.name,
  url: links.person(p.slug),
})

export const meetingRefOf = (
  links: ApiLinks,
  m: { committeeName: string; committeeSlug: string; meetingSlug: string; meetsOn: string },
) => ({
  committee: committeeRefOf(links, { name: m.committeeName, slug: m.committeeSlug }),
  slug: m.meetingSlug,
  date: m.meetsOn,
  url: links.meeting(m.committeeSlug, m.meetingSlug),
})

export function committeeOf(
  links: ApiLinks,
  committee: Omit<Committee, 'settings'>,
  parent: CommitteeFacts | undefined,
) {
  const { paths } = links
  return {
    slug: committee.slug,
    name: committee.name,
    kind: committee.kind,
    parent: parent ? committeeRefOf(links, parent) : null,
    seats: committee.seats,
    links: {
      self: links.committee(committee.slug),
      meetings: links.committeeMeetings(committee.slug),
      html: links.site(paths.committee(committee.slug)),
      calendar: links.site(paths.committeeCalendar(committee.slug)),
      feed: links.site(paths.committeeFeed(committee.slug)),
      votes: links.site(paths.committeeVotes(committee.slug)),
    },
  }
}

export function meetingOf(links: ApiLinks, committee: CommitteeFacts, meeting: Meeting) {
  const { paths } = links
  return {
    committee: committeeRefOf(links, committee),
    slug: meeting.slug,
    date: meeting.meetsOn,
    start: meeting.startTime,
    end: meeting.endTime,
    location: meeting.location === null ? null : mask(meeting.location),
    status: meeting.status,
    cancellationReason: meeting.cancellationReason === null ? null : mask(meeting.cancellationReason),
    agendaPublished: agendaIsPublic(meeting),
    links: {
      self: links.meeting(committee.slug, meeting.slug),
      agenda: links.agenda(committee.slug, meeting.slug),
      minutes: links.minutes(committee.slug, meeting.slug),
      html: links.site(paths.meeting(committee.slug, meeting.slug)),
      calendar: links.site(paths.meetingCalendar(committee.slug, meeting.slug)),
    },
  }
}

/** Where the public gets an attachment: a stored file's download, an imported one's source. */
export function attachmentOf(links: ApiLinks, d: Document) {
  const href = isStoredDocument(d)
    ? links.site(links.paths.document(d.id, documentUrlName(d.title, d.mimeType)))
    : (d.sourceUrl ?? undefined)
  return href ? { title: d.title, href } : { title: d.title }
}

function sectionRefOf(links: ApiLinks, s: PublicSectionRef) {
  return {
    meeting: meetingRefOf(links, s),
    number: s.sectionNumber,
    label: s.sectionLabel,
    title: s.sectionTitle,
    url: links.site(links.paths.section(s.committeeSlug, s.meetingSlug, s.sectionNumber)),
    minutes: links.minutes(s.committeeSlug, s.meetingSlug),
  }
}

const authoredOf = (links: ApiLinks, e: AuthoredEntry) => ({
  section: sectionRefOf(links, e),
  ...(e.kind ? { kind: e.kind } : {}),
  text: e.text,
  person:
    e.personName && e.personSlug ? personRefOf(links, { name: e.personName, slug: e.personSlug }) : null,
})

const ballotOf = (links: ApiLinks, b: BallotEntry) => ({
  section: sectionRefOf(links, b),
  question: b.question,
  choice: b.choice,
  outcome: b.outcome,
  yes: b.yes,
  no: b.no,
  abstain: b.abstain,
  person: personRefOf(links, { name: b.personName, slug: b.personSlug }),
})

/** A person's or party's public record (person-record.ts), one page of its lists. */
export function recordOf(links: ApiLinks, record: PublicRecord) {
  return {
    memberships: record.memberships.map((m) => ({
      committee: committeeRefOf(links, { name: m.committeeName, slug: m.committeeSlug }),
      person: personRefOf(links, { name: m.personName, slug: m.personSlug }),
      role: m.role,
      party: m.partyAbbreviation,
      startsOn: m.startsOn,
      endsOn: m.endsOn,
    })),
    attendance: record.attendance,
    motions: record.motions.map((e) => authoredOf(links, e)),
    dissents: record.dissents.map((e) => authoredOf(links, e)),
    statements: record.statements.map((e) => authoredOf(links, e)),
    ballots: record.ballots.map((b) => ballotOf(links, b)),
    page: record.page,
  }
}

export function noticeOf(links: ApiLinks, { notice, target }: BoardNotice) {
  return {
    kind: notice.kind,
    title: mask(notice.title),
    postedOn: notice.postedOn,
    removedOn: notice.removedOn,
    lastAppealDay: notice.lastAppealDay,
    meeting: target ? meetingRefOf(links, target) : null,
  }
}
