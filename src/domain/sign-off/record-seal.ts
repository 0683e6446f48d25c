import { createHash } from 'node:crypto'
import type { Author } from '../minutes/minutes.ts'
import type { MinutesRecord, SectionRecord } from '../minutes/minutes-record.ts'
import type { Rectification, SectionText } from '../minutes/rectification.ts'
import { attendanceAt } from '../minutes/signed-off-record.ts'
import { maskPersonalIdentityNumbers as mask } from '../publication/personal-identity-number.ts'
import type { SignOff } from './sign-off.ts'

// Tamper evidence (issue 11): what a sign-off or a rectification made the record is written down as
// canonical JSON (keys sorted, lists in the minutes' own order) and hashed with SHA-256. The public
// digest covers what the public may read (a confidential § only by its number, OSL; personal identity
// numbers masked, P3), so publishing the hash reveals nothing; the sealed digest covers everything,
// confidential text included, salted so that no one can confirm a guess of a secret from it. Each
// seal's hash chains the previous seal of the committee's series, so a seal cannot be changed,
// dropped or reordered without the following ones showing it.

export const sealVersion = 1

/** The two serialisations of one seal's content: what the public reads, and everything. */
export interface SealContent {
  public: string
  full: string
}

/** JSON with object keys sorted at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    )
  return value
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** The digests of a content and the hash that chains it to the previous seal of the series. */
export function sealDigests(content: SealContent, salt: string, previousHash: string | null) {
  const publicDigest = sha256(content.public)
  const sealedDigest = sha256(`${salt}\n${content.full}`)
  return {
    publicDigest,
    sealedDigest,
    hash: sha256(`paragraf-seal-v${sealVersion}\n${previousHash ?? ''}\n${publicDigest}\n${sealedDigest}`),
  }
}

/**
 * The record as the sign-off made it: its §§ with everything recorded under them, the text as signed
 * (a later rectification's `before`), the attendance as it was at each of them, the signatories and
 * the signatures. What may follow sign-off openly (notices, appeals, rectifications) is not in it.
 */
export function signOffContent(
  record: MinutesRecord,
  meeting: { committeeId: number; meetsOn: string },
  signOff: SignOff,
): SealContent {
  const sections = record.sections
    .filter((s) => signOff.sectionIds.includes(s.section.id))
    .sort((a, b) => a.section.number - b.section.number)
  // Who served and who attended are the same in both serialisations: worked out once per §.
  const byPerson = [...record.attendance].sort((a, b) => a.personId - b.personId)
  const shared = new Map(sections.map((entry) => [entry, servedAndAttended(entry, byPerson)]))
  const content = (open: boolean) => ({
    seal: 'sign_off',
    version: sealVersion,
    committeeId: meeting.committeeId,
    meetingId: record.minutes.meetingId,
    meetsOn: meeting.meetsOn,
    minutesId: record.minutes.id,
    signOff: {
      id: signOff.id,
      signedOffOn: signOff.signedOffOn,
      immediate: signOff.immediate,
      signatures: signOff.signatures.map((s) => ({ personId: s.personId, signedAt: s.signedAt })),
    },
    signatoryIds: record.signatoryIds,
    sections: sections.map((entry) => sectionContent(entry, open, shared.get(entry) as ServedAndAttended)),
  })
  return { public: canonicalJson(content(false)), full: canonicalJson(content(true)) }
}

/** A rectification: the § it corrected, what it said before and after, why, when and by whom. */
export function rectificationContent(
  entry: SectionRecord,
  meeting: { committeeId: number; meetsOn: string },
  rectification: Rectification,
): SealContent {
  const { section } = entry
  const content = (open: boolean) => {
    const shown = open || !section.confidential
    const text = (t: SectionText) => (open ? t : maskText(t))
    return {
      seal: 'rectification',
      version: sealVersion,
      committeeId: meeting.committeeId,
      meetsOn: meeting.meetsOn,
      sectionId: section.id,
      number: section.number,
      id: rectification.id,
      rectifiedOn: rectification.rectifiedOn,
      ...(shown
        ? {
            reason: open ? rectification.reason : mask(rectification.reason),
            before: text(rectification.before),
            after: text(rectification.after),
            actor: rectification.actor,
          }
        : {}),
    }
  }
  return { public: canonicalJson(content(false)), full: canonicalJson(content(true)) }
}

/** The text of a § as signed off: before its first rectification, if it has one. */
export function textAsSignedOff(entry: SectionRecord): SectionText {
  const first = entry.rectifications[0]
  if (first) return first.before
  const { title, summary, decision, decisionProcedure } = entry.section
  return { title, summary, decision, decisionProcedure }
}

type ServedAndAttended = ReturnType<typeof servedAndAttended>

function servedAndAttended(entry: SectionRecord, attendanceByPerson: MinutesRecord['attendance']) {
  return {
    services: [...entry.services]
      .sort((a, b) => a.personId - b.personId)
      .map((s) => ({
        personId: s.personId,
        partyId: s.partyId,
        servingForPersonId: s.servingForPersonId,
        remote: s.remote,
      })),
    attendance: attendanceByPerson.map((a) => ({
      personId: a.personId,
      at: attendanceAt(a, entry.section.number),
    })),
  }
}

function sectionContent(entry: SectionRecord, open: boolean, { services, attendance }: ServedAndAttended) {
  const { section } = entry
  const common = {
    id: section.id,
    number: section.number,
    label: open ? section.label : mask(section.label),
    outcome: section.outcome,
    confidential: section.confidential,
    services,
    attendance,
  }
  // OSL: a confidential § is public by its number only (P2).
  if (!open && section.confidential) return common
  const text = textAsSignedOff(entry)
  const say = (t: string | null) => (open ? t : mask(t))
  return {
    ...common,
    agendaItemId: section.agendaItemId,
    ...(open ? text : maskText(text)),
    motions: entry.motions.map((m) => ({
      position: m.position,
      kind: m.kind,
      text: say(m.text),
      points: m.points.map((p) => say(p)),
      authors: m.authors.map(author),
    })),
    votes: entry.votes.map((v) => ({
      position: v.position,
      kind: v.kind,
      question: say(v.question),
      yesMeans: say(v.yesMeans),
      noMeans: say(v.noMeans),
      yes: v.yes,
      no: v.no,
      abstain: v.abstain,
      outcome: v.outcome,
      decidedBy: v.decidedBy,
      result: say(v.result),
      ballots: [...v.ballots]
        .sort((a, b) => a.personId - b.personId)
        .map((b) => ({ personId: b.personId, partyId: b.partyId, choice: b.choice })),
      // Only an election between candidates has them: the seals of every other vote stay as they were.
      ...(v.candidates
        ? { candidates: v.candidates.map((c) => ({ name: say(c.name), votes: c.votes })) }
        : {}),
    })),
    dissents: entry.dissents.map((d) => ({
      position: d.position,
      text: say(d.text),
      authors: d.authors.map(author),
    })),
    statements: entry.statements.map((s) => ({
      position: s.position,
      kind: say(s.kind),
      text: say(s.text),
      authors: s.authors.map(author),
    })),
    recusals: [...entry.recusals]
      .sort((a, b) => a.personId - b.personId)
      .map((r) => ({ personId: r.personId, reason: say(r.reason) })),
  }
}

const author = (a: Author) => ({ personId: a.personId, partyId: a.partyId, andOthers: a.andOthers })

function maskText(text: SectionText): SectionText {
  return {
    title: mask(text.title),
    summary: mask(text.summary),
    decision: text.decision.map(mask),
    decisionProcedure: mask(text.decisionProcedure),
  }
}
