import type { Attendance } from '../../minutes/attendance.ts'
import type { Author } from '../../minutes/minutes.ts'
import type { MinutesRecord, SectionRecord } from '../../minutes/minutes-record.ts'
import { finalityOf } from '../../notice-board/finality.ts'
import type { Notice } from '../../notice-board/notice.ts'
import type { OparlLinks } from './oparl-links.ts'

// The Paragraf extensions (docs/oparl.md, "Paragraf extensions"): what OParl has no field for —
// votes with every ballot, motions, dissents, statements, recusals, who served, sign-off and
// finality, the roll call. Built only from the public minutes record (publicMinutesRecord), the
// one the portal's minutes page shows; a confidential § never gets one. OParl objects may carry
// extra keys (their schemas allow additional properties); a namespaced key keeps ours apart.

export const decisionKey = 'paragraf:decision'
export const attendanceKey = 'paragraf:attendance'
/** An agenda item withdrawn ('withdrawn', utgår) or with its documents to come ('coming_later'). */
export const agendaItemStatusKey = 'paragraf:status'
/**
 * What changed in an item after the notice was published, as the meeting's page lists it
 * ("Punkt 4 ändrades"): the public history of publicAgenda, oldest first, each with its time.
 */
export const agendaItemChangesKey = 'paragraf:changes'

/** Who the public minutes name, and which of them the API publishes as OParl Persons. */
export interface PublicNames {
  persons: Map<number, string>
  published: Set<number>
  /** Party abbreviations by id. */
  parties: Map<number, string>
}

/** A person as an OParl Person URL when published as one, and always by name. */
interface PersonReference {
  person?: string
  name: string
}

// JSON leaves out undefined fields; these keep empty texts and lists out too, as document JSON does.
const text = (value: string | null | undefined) => (value?.trim() ? value : undefined)
const list = <T>(values: T[]) => (values.length > 0 ? values : undefined)

function references(links: OparlLinks, names: PublicNames) {
  const person = (id: number): PersonReference => ({
    ...(names.published.has(id) ? { person: links.person(id) } : {}),
    name: names.persons.get(id) ?? 'Okänd',
  })
  const party = (id: number | null) =>
    id === null || !names.parties.has(id) ? {} : { party: names.parties.get(id), onBehalfOf: links.party(id) }
  const authors = (list: Author[]) =>
    list.map((a) => ({
      ...(a.personId === null ? {} : person(a.personId)),
      ...party(a.partyId),
      ...(a.andOthers ? { andOthers: true } : {}),
    }))
  return { person, party, authors }
}

/**
 * `paragraf:decision` of an agenda item: its public § as the portal's minutes page shows it on
 * `today`. The caller gives a § the public record holds in full (buildMeetings leaves out those
 * publicMinutesRecord marks confidential, OSL).
 */
export function decisionExtension(
  links: OparlLinks,
  entry: SectionRecord,
  record: MinutesRecord,
  names: PublicNames,
  today: string,
): Record<string, unknown> | undefined {
  const { section } = entry
  if (entry.signOff?.status !== 'signed_off') return undefined
  const { person, party, authors } = references(links, names)
  const partyOfPerson = (id: number) =>
    party(record.attendance.find((a) => a.personId === id)?.partyId ?? null)
  return {
    section: section.label,
    number: section.number,
    title: section.title,
    signedOffOn: entry.signOff.signedOffOn ?? undefined,
    outcome: section.outcome,
    decision: section.decision,
    decisionProcedure: text(section.decisionProcedure),
    motions: list(
      entry.motions.map((m) => ({
        by: authors(m.authors),
        kind: m.kind ?? undefined,
        text: m.text,
        points: list(m.points),
      })),
    ),
    votes: list(
      entry.votes.map((v) => ({
        kind: v.kind,
        question: text(v.question),
        yesMeans: text(v.yesMeans),
        noMeans: text(v.noMeans),
        yes: v.yes,
        no: v.no,
        abstain: v.abstain,
        outcome: v.outcome,
        decidedBy: v.decidedBy,
        result: text(v.result),
        // A secret election between candidates: each one's votes; yes is the elected's, abstain the blank.
        candidates: v.candidates ? v.candidates.map((c) => ({ name: c.name, votes: c.votes })) : undefined,
        elected: v.candidates ? text(v.yesMeans) : undefined,
        // A closed vote (an election) has no ballots: only the counts are public.
        ballots: list(
          v.ballots.map((b) => ({ ...person(b.personId), ...party(b.partyId), choice: b.choice })),
        ),
      })),
    ),
    dissents: list(entry.dissents.map((d) => ({ by: authors(d.authors), text: text(d.text) }))),
    statements: list(
      entry.statements.map((s) => ({ kind: s.kind, by: authors(s.authors), text: text(s.text) })),
    ),
    recusals: list(
      entry.recusals.map((r) => ({
        ...person(r.personId),
        ...partyOfPerson(r.personId),
        reason: text(r.reason),
      })),
    ),
    serving: list(
      entry.services.map((s) => ({
        ...person(s.personId),
        ...party(s.partyId),
        ...(s.servingForPersonId === null ? {} : { servingFor: person(s.servingForPersonId) }),
        ...(s.remote ? { remote: true } : {}),
      })),
    ),
    ...finality(entry, record.notices, today),
    rectifications: list(entry.rectifications.map((r) => ({ date: r.rectifiedOn, reason: r.reason }))),
  }
}

/** The last appeal day of the § (KL 13:5) and where the decision stands on `today`, as the portal says. */
function finality(entry: SectionRecord, notices: readonly Notice[], today: string) {
  const notice = entry.signOff && notices.find((n) => n.signOffId === entry.signOff?.id)
  const state = finalityOf(
    { lastAppealDay: notice?.lastAppealDay ?? null, appealsReceivedOn: entry.appealDays },
    today,
  )
  return {
    lastAppealDay: notice?.lastAppealDay ?? undefined,
    finality: state.state,
    ...(state.state === 'final' ? { finalSince: state.since } : {}),
  }
}

/** `paragraf:attendance` of a meeting: the roll call of its public minutes. */
export function attendanceExtension(
  links: OparlLinks,
  attendance: readonly Attendance[],
  names: PublicNames,
): Record<string, unknown>[] {
  const { person, party } = references(links, names)
  return attendance.map((a) => ({
    ...person(a.personId),
    ...party(a.partyId),
    role: a.role,
    title: text(a.title),
    present: a.present,
    ...(a.remote ? { remote: true } : {}),
    ...(a.servingForPersonId === null ? {} : { servingFor: person(a.servingForPersonId) }),
    ...(a.arrivedAtSection === null ? {} : { arrivedAtSection: a.arrivedAtSection }),
    ...(a.leftAfterSection === null ? {} : { leftAfterSection: a.leftAfterSection }),
  }))
}

/** Meeting.participant: who was present by the public roll call, those published as OParl Persons. */
export function meetingParticipants(
  links: OparlLinks,
  attendance: readonly Attendance[],
  names: PublicNames,
): string[] {
  const present = attendance.filter((a) => a.present && names.published.has(a.personId))
  return [...new Set(present.map((a) => links.person(a.personId)))]
}
