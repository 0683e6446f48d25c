import { attendanceRoleLabels, attendanceRoleText, decides, presidingTitle } from '../minutes/attendance.ts'
import { type Author, sectionOutcomeWords } from '../minutes/minutes.ts'
import type { MinutesRecord, SectionRecord } from '../minutes/minutes-record.ts'
import { sectionRange } from '../notice-board/notice-board.service.ts'
import { formatDate } from '../shared/swedish-date.ts'
import { signedHowText } from '../sign-off/signing-method.ts'
import { candidateElectionLines } from '../vote/candidate-election.ts'
import { ballotChoiceLabels, type Vote } from '../vote/vote.ts'
import type { PublicMeeting } from './public-meeting.ts'
import { motionText, textNamesAuthors } from './text-structure.ts'

// The public minutes' wording, once: the cover's groups and facts, and per § its lines in Swedish
// (decision, motions, votes, ballots, dissents, statements, jäv). The portal's minutes page
// (web/portal/minutes.view.tsx) and the archival PDF (archive/minutes-pdf.ts) walk this outline;
// each renders the words as it must (a page links names; the PDF tags headings, lists and tables),
// and neither writes a sentence of the protocol of its own.

/** A name the page may link to the person's page; the PDF prints the name. */
export interface PersonRun {
  personId: number | null
  name: string
}

/** The word "anslagstavlan", which the page links to the notice board. */
export interface NoticeBoardRun {
  noticeBoard: string
}

export type Run = string | PersonRun | NoticeBoardRun

/** One line of text, as runs: words, names and links. */
export type Line = Run[]

/** The line as plain text (the PDF's, and the test's). */
export const lineText = (line: Line): string =>
  line.map((run) => (typeof run === 'string' ? run : 'name' in run ? run.name : run.noticeBoard)).join('')

/** The names of people and parties by id, and a §'s public registry number. */
export interface OutlineNames {
  person: (id: number | null) => string
  party: (id: number | null) => string | undefined
  registryNumber?: (sectionId: number) => string | undefined
}

export interface AttendanceGroup {
  heading: string
  lines: Line[]
  /** What the group says when it has no lines (only "Beslutande" is shown empty). */
  empty?: string
}

/** A fact of the cover's "Justering och anslag": a term and its value. */
export interface CoverFact {
  term: string
  value: Line
  /** How the sign-off was made (the page shows it below the value). */
  signedHow?: string
  /** The seal's SHA-256 over the signed-off §§ (the page shows it below the value). */
  sealHash?: string
}

export interface CoverOutline {
  attendanceHeading: string
  attendance: AttendanceGroup[]
  signOffHeading: string
  facts: CoverFact[]
}

export interface VoteOutline {
  heading: string
  question: string
  /** "Ja-röst för … Nej-röst för …" when the vote says what yes and no mean. */
  means?: string
  result: string
  /** How each member voted, as a table; absent for a secret vote. */
  ballots?: {
    caption: string
    columns: readonly [string, string, string]
    rows: Array<{ person: PersonRun; party: string; choice: string }>
  }
  /** Said instead of the ballots of a secret vote. */
  secret?: string
}

/** A text that may be led by its authors' names ("Anna Berg (S): …"). */
export interface LedText {
  lead?: Line
  text: string
}

export interface SectionOutline {
  number: number
  label: string
  heading: string
  registryNumber?: string
  /** "Justerad 20 december 2022 (omedelbar justering)" */
  signedOff?: string
  confidential?: string
  summary?: string
  outcome?: string
  decisionHeading: string
  decision: string[]
  motionsHeading: string
  motions: LedText[]
  procedureHeading: string
  decisionProcedure?: string
  votes: VoteOutline[]
  dissentsHeading: string
  /** A dissent with a written reason is a text; one without is a line. */
  dissents: Array<LedText | { line: Line }>
  statements: Array<{ heading: string } & (LedText | { line: Line })>
  recusalsHeading: string
  recusals: Line[]
}

export interface MinutesOutline {
  cover: CoverOutline
  sectionsHeading: string
  sections: SectionOutline[]
}

const capitalise = (text: string) => (text[0]?.toUpperCase() ?? '') + text.slice(1)

const person = (names: OutlineNames, id: number | null): PersonRun => ({
  personId: id,
  name: names.person(id),
})

function withParty(names: OutlineNames, personId: number | null, partyId: number | null): Line {
  const party = names.party(partyId)
  return [person(names, personId), ...(party ? [` (${party})`] : [])]
}

/** "Anna Berg (S) m.fl., (M)" */
export function authorsLine(names: OutlineNames, list: readonly Author[]): Line {
  return list.flatMap((a, i) => [
    ...(i > 0 ? [', '] : []),
    ...(a.personId
      ? [...withParty(names, a.personId, a.partyId), ...(a.andOthers ? [' m.fl.'] : [])]
      : [`(${names.party(a.partyId) ?? '?'})`]),
  ])
}

/** Whether the printed text already names the authors, so they are not said twice. */
function namedInText(names: OutlineNames, text: string, authors: readonly Author[]): boolean {
  return textNamesAuthors(
    text,
    authors.filter((a) => a.personId).map((a) => names.person(a.personId)),
  )
}

/** The cover of the public minutes: who was there in which role, who signed off when, the notices. */
export function coverOutline(record: MinutesRecord, names: OutlineNames): CoverOutline {
  const present = record.attendance.filter((a) => a.present)
  const deciding = present.filter(decides)
  const substitutes = present.filter((a) => a.role === 'substitute' && a.servingForPersonId === null)
  const others = present.filter((a) => a.role === 'official' || a.role === 'other')
  const absent = record.attendance.filter((a) => !a.present && decides(a))
  const chairId = record.minutes.chairPersonId
  const attendance: AttendanceGroup[] = [
    {
      heading: 'Beslutande',
      empty: 'Inga uppgifter.',
      lines: deciding.map((a) => [
        ...withParty(names, a.personId, a.partyId),
        ', ',
        ...(a.servingForPersonId
          ? ['tjänstgörande ersättare för ', person(names, a.servingForPersonId)]
          : [attendanceRoleText(a, chairId)]),
        ...(a.remote ? [', deltog på distans'] : []),
      ]),
    },
    {
      heading: 'Ersättare som inte tjänstgjorde',
      lines: substitutes.map((a) => withParty(names, a.personId, a.partyId)),
    },
    {
      heading: 'Övriga närvarande',
      lines: others.map((a) => [`${names.person(a.personId)}, ${a.title ?? attendanceRoleLabels[a.role]}`]),
    },
    { heading: 'Frånvarande ledamöter', lines: absent.map((a) => withParty(names, a.personId, a.partyId)) },
  ].filter((group) => group.empty || group.lines.length > 0)

  const numbers = new Map(record.sections.map((s) => [s.section.id, s.section.number]))
  const signedOff = record.signOffs.filter((s) => s.status === 'signed_off' && s.signedOffOn)
  const facts: CoverFact[] = []
  if (chairId !== null)
    facts.push({ term: presidingTitle(record.attendance, chairId), value: [person(names, chairId)] })
  if (record.minutes.secretaryPersonId !== null)
    facts.push({ term: 'Sekreterare', value: [names.person(record.minutes.secretaryPersonId)] })
  facts.push({
    term: 'Justerare',
    value:
      record.signatoryIds.length === 0
        ? ['Inte utsedda']
        : record.signatoryIds.flatMap((id, i) => [...(i > 0 ? [', '] : []), person(names, id)]),
  })
  if (record.minutes.signOffPlace)
    facts.push({ term: 'Justeringens plats', value: [record.minutes.signOffPlace] })
  for (const s of signedOff) {
    const signedHow = signedHowText(s.signatures)
    facts.push({
      term: 'Justerat',
      value: [
        `${sectionRange(s.sectionIds.map((id) => numbers.get(id) ?? 0).filter(Boolean))} ${formatDate(
          s.signedOffOn as string,
        )}${s.immediate ? ' (omedelbar justering)' : ''}`,
      ],
      ...(signedHow ? { signedHow } : {}),
      ...(s.sealHash ? { sealHash: s.sealHash } : {}),
    })
  }
  for (const n of record.notices)
    facts.push({
      term: 'Anslag',
      value: [
        'Uppsatt på ',
        { noticeBoard: 'anslagstavlan' },
        ` ${formatDate(n.postedOn)}${n.lastAppealDay ? `, sista dag för överklagande ${formatDate(n.lastAppealDay)}` : ''}${
          n.keptAt ? `. Protokollet förvaras hos ${n.keptAt}` : ''
        }`,
      ],
    })
  return { attendanceHeading: 'Närvarande', attendance, signOffHeading: 'Justering och anslag', facts }
}

/** A vote's lines: its question, what yes and no meant, the result, and the ballots unless secret. */
export function voteOutline(vote: Vote, index: number | undefined, names: OutlineNames): VoteOutline {
  const decidedBy =
    vote.decidedBy === 'casting_vote'
      ? ' Ordförandens utslagsröst avgjorde.'
      : vote.decidedBy === 'lot'
        ? ' Lotten avgjorde.'
        : ''
  const means = [
    vote.yesMeans && `Ja-röst för ${vote.yesMeans}.`,
    vote.noMeans && `Nej-röst för ${vote.noMeans}.`,
  ]
    .filter(Boolean)
    .join(' ')
  // An election between more than two candidates: each one's votes, then who was elected.
  const election = candidateElectionLines(vote)
  return {
    heading: `Omröstning${index ? ` ${index}` : ''}`,
    question: vote.question,
    ...(election ? { means: election.means } : means ? { means } : {}),
    result:
      election?.result ??
      `Resultat: ${vote.yes} ja, ${vote.no} nej, ${vote.abstain} avstår.${decidedBy}${vote.result ? ` ${vote.result}` : ''}`,
    ...(vote.ballots.length > 0
      ? {
          ballots: {
            caption: `Så röstade ledamöterna${index ? ` i omröstning ${index}` : ''}: ${vote.question}`,
            columns: ['Ledamot', 'Parti', 'Röst'] as const,
            rows: vote.ballots.map((b) => ({
              person: person(names, b.personId),
              party: names.party(b.partyId) ?? '–',
              choice: ballotChoiceLabels[b.choice],
            })),
          },
        }
      : { secret: 'Omröstningen var sluten; bara antalet röster redovisas.' }),
  }
}

/**
 * One § as the public reads it; a confidential § is reduced to its number and a note, unless
 * `confidentialShown` (the workspace's extract for the decision's recipients).
 */
export function sectionOutline(
  entry: SectionRecord,
  names: OutlineNames,
  options: { confidentialShown?: boolean } = {},
): SectionOutline {
  const { section, motions, votes, dissents, statements, recusals, signOff } = entry
  const registryNumber = section.confidential ? undefined : names.registryNumber?.(section.id)
  const led = (text: string, authors: readonly Author[], after = ': '): LedText =>
    namedInText(names, text, authors) ? { text } : { lead: [...authorsLine(names, authors), after], text }
  const outcome = sectionOutcomeWords[section.outcome].sentence
  return {
    number: section.number,
    label: section.label,
    heading: `${section.label} ${section.title}`,
    ...(registryNumber ? { registryNumber } : {}),
    ...(signOff?.signedOffOn
      ? {
          signedOff: `Justerad ${formatDate(signOff.signedOffOn)}${signOff.immediate ? ' (omedelbar justering)' : ''}`,
        }
      : {}),
    ...(section.confidential && !options.confidentialShown
      ? { confidential: 'Paragrafen omfattas av sekretess och visas inte.' }
      : {}),
    ...(section.summary && section.summary !== `Dnr ${registryNumber}` ? { summary: section.summary } : {}),
    ...(outcome ? { outcome } : {}),
    decisionHeading: 'Beslut',
    decision: section.decision,
    motionsHeading: 'Yrkanden',
    motions: motions.map((m) => {
      const text = motionText(m.text, m.points)
      return namedInText(names, m.text, m.authors)
        ? { text }
        : { lead: [...authorsLine(names, m.authors), ': '], text }
    }),
    procedureHeading: 'Beslutsordning',
    ...(section.decisionProcedure ? { decisionProcedure: section.decisionProcedure } : {}),
    votes: votes.map((v, i) => voteOutline(v, votes.length > 1 ? i + 1 : undefined, names)),
    dissentsHeading: 'Reservationer',
    dissents: dissents.map((d) =>
      d.text
        ? led(d.text, d.authors, ' reserverar sig mot beslutet: ')
        : { line: [...authorsLine(names, d.authors), ' reserverar sig mot beslutet.'] },
    ),
    statements: statements.map((s) => ({
      heading: capitalise(s.kind),
      ...(s.text ? led(s.text, s.authors) : { line: authorsLine(names, s.authors) }),
    })),
    recusalsHeading: 'Jäv',
    recusals: recusals.map((r) => [
      person(names, r.personId),
      ` anmälde jäv och deltog inte i handläggningen${r.reason ? ` (${r.reason})` : ''}.`,
    ]),
  }
}

/** The names a published meeting's minutes refer to (the page adds links to people's pages). */
export function outlineNamesOf(view: PublicMeeting): Required<OutlineNames> {
  return {
    person: (id) => (id ? (view.persons.get(id)?.name ?? 'Okänd') : 'Okänd'),
    party: (id) => (id ? view.parties.get(id)?.abbreviation : undefined),
    registryNumber: (sectionId) => view.registryNumbers.ofSection.get(sectionId),
  }
}

/** The whole public minutes: the cover, then every § in order. */
export function minutesOutline(record: MinutesRecord, names: OutlineNames): MinutesOutline {
  return {
    cover: coverOutline(record, names),
    sectionsHeading: 'Paragrafer',
    sections: record.sections.map((entry) => sectionOutline(entry, names)),
  }
}
