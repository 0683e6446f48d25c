// A published meeting as document JSON (docs/document-json.md, "Published meetings as JSON"): the
// same public interface `paragraf parse` prints, built only from what the portal shows, so a data
// user reads a Paragraf portal and a parsed PDF the same way.

import type { AgendaEntry } from '../agenda/agenda.service.ts'
import type { Document } from '../document/document.ts'
import { type Attendance, attendanceRoleLabels, type AttendanceRole as Role } from '../minutes/attendance.ts'
import type { Author, SectionOutcome } from '../minutes/minutes.ts'
import type { MinutesRecord, SectionRecord } from '../minutes/minutes-record.ts'
import { finalityOf } from '../notice-board/finality.ts'
import type { Notice } from '../notice-board/notice.ts'
import type { BallotChoice } from '../vote/tally.ts'
import type {
  Actor,
  Attachment,
  AttendanceRole,
  Attendee,
  BallotVote,
  DocumentKind,
  Item,
  Meeting,
  Motion,
  SignOff,
  Vote,
} from './document-json.ts'
import type { PublicMeeting } from './public-meeting.ts'

/** The §-level facts a published record adds to the parser's (documented additions). */
export interface PublishedItem extends Omit<Item, 'dissents' | 'statements' | 'recusals'> {
  /** "utgår" or "kommer senare", as the agenda prints it. */
  status?: 'utgår' | 'kommer senare'
  /** "bordlagt" or "återremitterat": the matter goes to a later meeting. */
  outcome?: 'bordlagt' | 'återremitterat'
  dissents?: { by: Actor[]; text?: string }[]
  statements?: { kind: string; by: Actor[]; text?: string }[]
  recusals?: { name: string; party?: string; reason?: string }[]
  /** The last day to appeal the § (KL 13:5), from the notice of its sign-off. */
  appealDeadline?: string
  /** Appealed in time: not final until the court decides. */
  appealed?: true
  /** The day the decision became final (laga kraft), once the appeal period ran out unappealed. */
  finalSince?: string
  /** Open corrections of the signed-off § (rättelse, FL 36 §); the texts above are the corrected ones. */
  rectifications?: { date: string; reason: string }[]
}

export interface PublishedSignOff extends SignOff {
  immediate?: true
  noticePosted?: string
  noticeRemoved?: string
  appealDeadline?: string
}

/** Document JSON of a published meeting: `source` names the page instead of a file, and nothing is guessed. */
export interface PublishedDocumentJson {
  kind: DocumentKind
  source: { url: string }
  organisation?: string
  committee: string
  meeting: Meeting
  sections?: { first: number; last: number }
  chair?: string
  secretary?: string
  signatories?: string[]
  signOffs?: PublishedSignOff[]
  noticePosted?: string
  noticeRemoved?: string
  appealDeadline?: string
  attendance?: Attendee[]
  items: PublishedItem[]
  /** Always empty: kept so a reader of `paragraf parse` output reads this unchanged. */
  warnings: string[]
}

export interface DocumentJsonContext {
  /** The organisation's name ("Stockholms stad"). */
  organisation?: string
  /** The address of the page this JSON publishes. */
  url: string
  /** Where the public gets an attachment; undefined when it is only known by its title. */
  documentHref: (document: Document) => string | undefined
  /** Today in Sweden, for whether each § is still open to appeal. */
  today: string
}

const outcomeWords: Record<SectionOutcome, PublishedItem['outcome']> = {
  decided: undefined,
  noted: undefined,
  tabled: 'bordlagt',
  referred_back: 'återremitterat',
}

// The document's words for the model's roles and ballots (docs/document-json.md).
const roleWords: Record<Role, AttendanceRole> = attendanceRoleLabels
const ballotWords: Record<BallotChoice, BallotVote> = { yes: 'ja', no: 'nej', abstain: 'avstår' }

// JSON.stringify leaves out undefined fields; these keep empty strings and lists out as well.
const text = (value: string | null | undefined) => (value?.trim() ? value : undefined)
const list = <T>(values: T[]) => (values.length > 0 ? values : undefined)

/** The public agenda of a meeting as document JSON (kind "agenda"): what the meeting page shows. */
export function agendaDocumentJson(view: PublicMeeting, context: DocumentJsonContext): PublishedDocumentJson {
  return {
    ...header('agenda', view, context),
    items: view.agenda.map((entry) => {
      const facts = agendaFacts(entry, view, context)
      // The document's order of fields, so the agenda and the minutes read alike.
      return {
        number: facts.number,
        title: facts.title,
        heading: facts.heading,
        registryNumbers: facts.registryNumbers,
        summary: text(entry.item.summary),
        proposal: list(entry.item.proposal),
        officerReportDate: entry.item.officerReportOn ?? undefined,
        attachments: facts.attachments,
        status: facts.status,
        immediateSignOff: facts.immediateSignOff,
        confidential: facts.confidential,
      }
    }),
    warnings: [],
  }
}

/**
 * The signed-off minutes of a meeting as document JSON (kind "minutes"), or undefined when nothing
 * is signed off. Reads only the public record: unsigned §§ are not in it, confidential ones are reduced.
 */
export function minutesDocumentJson(
  view: PublicMeeting,
  context: DocumentJsonContext,
): PublishedDocumentJson | undefined {
  const record = view.minutes
  if (!record) return undefined
  const name = (id: number | null) => (id === null ? undefined : view.persons.get(id)?.name)
  const numbers = new Map(record.sections.map((s) => [s.section.id, s.section.number]))
  const signedOff = record.signOffs.filter((s) => s.status === 'signed_off' && s.signedOffOn)
  const notices = minutesNotices(record)
  const latest = notices.toSorted((a, b) => a.postedOn.localeCompare(b.postedOn)).at(-1)
  const sectionNumbers = record.sections.map((s) => s.section.number)
  return {
    ...header('minutes', view, context),
    sections:
      sectionNumbers.length > 0
        ? { first: Math.min(...sectionNumbers), last: Math.max(...sectionNumbers) }
        : undefined,
    chair: name(record.minutes.chairPersonId),
    secretary: name(record.minutes.secretaryPersonId),
    signatories: list(record.signatoryIds.flatMap((id) => name(id) ?? [])),
    signOffs: list(
      signedOff.map((s) => {
        const notice = notices.find((n) => n.signOffId === s.id)
        return {
          sections: s.sectionIds.flatMap((id) => numbers.get(id) ?? []).sort((a, b) => a - b),
          date: s.signedOffOn ?? undefined,
          immediate: s.immediate ? (true as const) : undefined,
          noticePosted: notice?.postedOn,
          noticeRemoved: notice?.removedOn,
          appealDeadline: notice?.lastAppealDay ?? undefined,
        }
      }),
    ),
    // The document's own fields describe one notice: the latest, which announces the whole protocol.
    noticePosted: latest?.postedOn,
    noticeRemoved: latest?.removedOn,
    appealDeadline: latest?.lastAppealDay ?? undefined,
    attendance: list(record.attendance.map((a) => attendee(a, view))),
    items: record.sections.map((entry) => sectionItem(entry, record, view, context)),
    warnings: [],
  }
}

function header(kind: DocumentKind, view: PublicMeeting, context: DocumentJsonContext) {
  const { committee, meeting } = view
  return {
    kind,
    source: { url: context.url },
    organisation: text(context.organisation),
    committee: committee.name,
    meeting: {
      date: meeting.meetsOn,
      start: meeting.startTime ?? undefined,
      end: meeting.endTime ?? undefined,
      location: text(meeting.location),
    },
  }
}

/** What an agenda item and the § that dealt with it share: number, heading, title, Dnr, attachments. */
function agendaFacts(entry: AgendaEntry, view: PublicMeeting, context: DocumentJsonContext): PublishedItem {
  const { item } = entry
  const registryNumber = view.registryNumbers.ofItem.get(item.id)
  return {
    number: item.number ?? String(item.position),
    title: text(item.title),
    heading: text(item.heading),
    registryNumbers: registryNumber ? [registryNumber] : undefined,
    attachments: list(entry.attachments.map((d) => attachment(d, context))),
    status:
      item.status === 'withdrawn' ? 'utgår' : item.status === 'coming_later' ? 'kommer senare' : undefined,
    immediateSignOff: item.immediateSignOff ? true : undefined,
    confidential: item.confidential ? true : undefined,
  }
}

function attachment(document: Document, context: DocumentJsonContext): Attachment {
  const href = context.documentHref(document)
  return href ? { title: document.title, href } : { title: document.title }
}

function sectionItem(
  entry: SectionRecord,
  record: MinutesRecord,
  view: PublicMeeting,
  context: DocumentJsonContext,
): PublishedItem {
  const { section } = entry
  const agendaEntry = view.agenda.find((e) => e.item.id === section.agendaItemId)
  const registryNumber = view.registryNumbers.ofSection.get(section.id)
  const person = (id: number) => view.persons.get(id)?.name ?? 'Okänd'
  const party = (id: number | null) => (id === null ? undefined : view.parties.get(id)?.abbreviation)
  const by = (authors: Author[]): Actor[] =>
    authors.map((a) => ({
      name: a.personId === null ? undefined : person(a.personId),
      party: party(a.partyId),
      andOthers: a.andOthers ? true : undefined,
    }))
  const partyOfPerson = (id: number) =>
    party(record.attendance.find((a) => a.personId === id)?.partyId ?? null)
  const facts = agendaEntry ? agendaFacts(agendaEntry, view, context) : {}
  return {
    number: facts.number,
    section: section.number,
    title: section.title,
    heading: facts.heading,
    registryNumbers: registryNumber ? [registryNumber] : undefined,
    // An imported § often has only its Dnr as summary: the number is already given above.
    summary: section.summary === `Dnr ${registryNumber}` ? undefined : text(section.summary),
    decision: list(section.decision),
    outcome: outcomeWords[section.outcome],
    attachments: facts.attachments,
    immediateSignOff: section.immediateSignOff ? true : undefined,
    confidential: section.confidential ? true : undefined,
    decisionProcedure: text(section.decisionProcedure),
    motions: list(
      entry.motions.map((m): Motion => ({ by: by(m.authors), text: m.text, points: list(m.points) })),
    ),
    votes: list(
      entry.votes.map(
        (v): Vote => ({
          question: text(v.question),
          yes: v.yes,
          no: v.no,
          abstain: v.abstain,
          ...(v.candidates
            ? {
                candidates: v.candidates.map((c) => ({ name: c.name, votes: c.votes })),
                blank: v.abstain,
                ...(v.yesMeans ? { elected: v.yesMeans } : {}),
              }
            : {}),
          // A closed vote has no ballots: only the counts are public.
          ballots: list(
            v.ballots.map((b) => ({
              name: person(b.personId),
              party: party(b.partyId),
              vote: ballotWords[b.choice],
            })),
          ),
          result: text(v.result),
        }),
      ),
    ),
    dissents: list(entry.dissents.map((d) => ({ by: by(d.authors), text: text(d.text) }))),
    statements: list(
      entry.statements.map((s) => ({ kind: s.kind.toLowerCase(), by: by(s.authors), text: text(s.text) })),
    ),
    recusals: list(
      entry.recusals.map((r) => ({
        name: person(r.personId),
        party: partyOfPerson(r.personId),
        reason: text(r.reason),
      })),
    ),
    ...finality(entry, record.notices, context.today),
    rectifications: list(entry.rectifications.map((r) => ({ date: r.rectifiedOn, reason: r.reason }))),
  }
}

function finality(entry: SectionRecord, notices: readonly Notice[], today: string): Partial<PublishedItem> {
  const notice = entry.signOff && notices.find((n) => n.signOffId === entry.signOff?.id)
  if (!notice?.lastAppealDay) return {}
  const state = finalityOf(
    { lastAppealDay: notice.lastAppealDay, appealsReceivedOn: entry.appealDays },
    today,
  )
  return {
    appealDeadline: notice.lastAppealDay,
    appealed: state.state === 'appealed' ? true : undefined,
    finalSince: state.state === 'final' ? state.since : undefined,
  }
}

/** The notices of the minutes' signed-off occasions (a meeting's own notice says nothing of them). */
function minutesNotices(record: MinutesRecord): Notice[] {
  const signedOff = new Set(record.signOffs.filter((s) => s.status === 'signed_off').map((s) => s.id))
  return record.notices.filter(
    (n) => n.kind === 'minutes' && n.signOffId !== null && signedOff.has(n.signOffId),
  )
}

function attendee(a: Attendance, view: PublicMeeting): Attendee {
  const serving = a.role === 'substitute' && a.servingForPersonId !== null
  return {
    name: view.persons.get(a.personId)?.name ?? 'Okänd',
    party: a.partyId === null ? undefined : view.parties.get(a.partyId)?.abbreviation,
    role: serving ? 'tjänstgörande ersättare' : roleWords[a.role],
    title: text(a.title),
    present: a.present,
    servingFor:
      serving && a.servingForPersonId !== null ? view.persons.get(a.servingForPersonId)?.name : undefined,
  }
}
