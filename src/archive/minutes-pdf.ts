import { readFileSync } from 'node:fs'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import {
  attendanceRoleLabels,
  attendanceRoleText,
  decides,
  presidingTitle,
} from '../domain/minutes/attendance.ts'
import type { Author, SectionOutcome } from '../domain/minutes/minutes.ts'
import type { MinutesRecord, SectionRecord } from '../domain/minutes/minutes-record.ts'
import { sectionRange } from '../domain/notice-board/notice-board.service.ts'
import type { PublicMeeting } from '../domain/publication/public-meeting.ts'
import { marker, motionText, textBlocks, textNamesAuthors } from '../domain/publication/text-structure.ts'
import { formatDate, formatLongDate, formatTimeSpan } from '../domain/shared/swedish-date.ts'
import { ballotChoiceLabels, type Vote } from '../domain/vote/vote.ts'
import { TaggedWriter } from './tagged-writer.ts'

/** A meeting with signed-off minutes: the only kind that has a public protocol to archive. */
export type SignedOffMeeting = PublicMeeting & { minutes: MinutesRecord }

// The fonts travel with the code (a clone has no /usr/share/fonts); read once per process.
// Parsed once per process too: parsing the OpenType tables anew for every document took most of
// the rendering time. A parsed font is only read from; each document makes its own subset.
let fonts: { regular: fontkit.Font; bold: fontkit.Font } | undefined
function loadFonts() {
  const open = (name: string) =>
    fontkit.create(readFileSync(new URL(`./fonts/${name}`, import.meta.url))) as fontkit.Font
  fonts ??= { regular: open('DejaVuSans.ttf'), bold: open('DejaVuSans-Bold.ttf') }
  return fonts
}

const outcomeLabels: Record<SectionOutcome, string | undefined> = {
  decided: undefined,
  noted: undefined,
  tabled: 'Ärendet bordlades.',
  referred_back: 'Ärendet återremitterades.',
}

export const draftMark = 'Utkast – ej justerat'

const capitalise = (text: string) => (text[0]?.toUpperCase() ?? '') + text.slice(1)
const latest = (dates: readonly string[]) => dates.reduce((a, b) => (b > a ? b : a), dates[0] ?? '')

/**
 * The public minutes of a meeting as a tagged PDF/A-2a document (P5, P6): the same record, after the
 * same publication rules, as the portal's minutes page. The same minutes always give the same bytes.
 */
export async function renderMinutesPdf(
  view: SignedOffMeeting,
  /** A draft for the signatories to read: marked "Utkast – ej justerat" and never served publicly. */
  options: { draft?: boolean } = {},
): Promise<Buffer> {
  const { committee, meeting, minutes: record } = view
  const date = formatLongDate(meeting.meetsOn)
  const signedOff = record.signOffs.filter((s) => s.status === 'signed_off' && s.signedOffOn)
  const signedOn = latest(signedOff.map((s) => s.signedOffOn as string)) || meeting.meetsOn
  const correctedOn = latest([
    signedOn,
    ...record.sections.flatMap((s) => s.rectifications.map((r) => r.rectifiedOn)),
  ])
  const title = `${options.draft ? `${draftMark}: ` : ''}Protokoll ${committee.name} ${date}`
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    bufferPages: true,
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 64, right: 64 },
    info: {
      Title: forMetadata(title),
      Author: forMetadata(committee.name),
      Subject: `${options.draft ? draftMark : 'Justerat protokoll'}, ${sectionRange(record.sections.map((s) => s.section.number))}`,
      Creator: 'Paragraf',
      // Fixed dates, not the time of rendering: pdfkit derives the file ID from these, so the same
      // minutes give the same bytes (and ETag). A rectification changes the content, so ModDate.
      CreationDate: new Date(`${signedOn}T00:00:00Z`),
      ModDate: new Date(`${correctedOn}T00:00:00Z`),
    },
  })
  const { regular, bold } = loadFonts()
  // pdfkit takes a parsed fontkit font as it takes a file (PDFFontFactory.open); its types list files only.
  doc.registerFont('Text', regular as unknown as PDFKit.Mixins.PDFFontSource)
  doc.registerFont('Bold', bold as unknown as PDFKit.Mixins.PDFFontSource)
  const out = new TaggedWriter(doc)
  const names = {
    person: (id: number | null) => (id ? (view.persons.get(id)?.name ?? 'Okänd') : 'Okänd'),
    party: (id: number | null) => (id ? view.parties.get(id)?.abbreviation : undefined),
  }
  const withParty = (personId: number | null, partyId: number | null) => {
    const party = names.party(partyId)
    return `${names.person(personId)}${party ? ` (${party})` : ''}`
  }
  const authors = (list: Author[]) =>
    list
      .map((a) =>
        a.personId
          ? `${withParty(a.personId, a.partyId)}${a.andOthers ? ' m.fl.' : ''}`
          : `(${names.party(a.partyId) ?? '?'})`,
      )
      .join(', ')

  out.heading(1, `${options.draft ? `${draftMark}: ` : ''}Protokoll, ${committee.name}, ${date}`)
  out.paragraph(`Tid: ${date} ${formatTimeSpan(meeting.startTime, meeting.endTime)}`.trim())
  out.paragraph(`Plats: ${meeting.location ?? 'Inte angiven'}`)

  // The cover, in the order and with the words of the portal's cover (minutes.view.tsx).
  const present = record.attendance.filter((a) => a.present)
  const deciding = present.filter(decides)
  const substitutes = present.filter((a) => a.role === 'substitute' && a.servingForPersonId === null)
  const others = present.filter((a) => a.role === 'official' || a.role === 'other')
  const absent = record.attendance.filter((a) => !a.present && decides(a))
  out.heading(2, 'Närvarande')
  out.heading(3, 'Beslutande')
  if (deciding.length === 0) out.paragraph('Inga uppgifter.')
  else
    out.list(
      deciding.map(
        (a) =>
          `${withParty(a.personId, a.partyId)}, ${
            a.servingForPersonId
              ? `tjänstgörande ersättare för ${names.person(a.servingForPersonId)}`
              : attendanceRoleText(a, record.minutes.chairPersonId)
          }${a.remote ? ', deltog på distans' : ''}`,
      ),
    )
  if (substitutes.length > 0) {
    out.heading(3, 'Ersättare som inte tjänstgjorde')
    out.list(substitutes.map((a) => withParty(a.personId, a.partyId)))
  }
  if (others.length > 0) {
    out.heading(3, 'Övriga närvarande')
    out.list(others.map((a) => `${names.person(a.personId)}, ${a.title ?? attendanceRoleLabels[a.role]}`))
  }
  if (absent.length > 0) {
    out.heading(3, 'Frånvarande ledamöter')
    out.list(absent.map((a) => withParty(a.personId, a.partyId)))
  }

  out.heading(2, 'Justering och anslag')
  const numbers = new Map(record.sections.map((s) => [s.section.id, s.section.number]))
  if (record.minutes.chairPersonId !== null)
    out.paragraph(
      `${presidingTitle(record.attendance, record.minutes.chairPersonId)}: ${names.person(record.minutes.chairPersonId)}`,
    )
  if (record.minutes.secretaryPersonId !== null)
    out.paragraph(`Sekreterare: ${names.person(record.minutes.secretaryPersonId)}`)
  out.paragraph(
    `Justerare: ${
      record.signatoryIds.length === 0 ? 'Inte utsedda' : record.signatoryIds.map(names.person).join(', ')
    }`,
  )
  if (record.minutes.signOffPlace) out.paragraph(`Justeringens plats: ${record.minutes.signOffPlace}`)
  for (const s of signedOff)
    out.paragraph(
      `Justerat: ${sectionRange(s.sectionIds.map((id) => numbers.get(id) ?? 0).filter(Boolean))} ${formatDate(
        s.signedOffOn as string,
      )}${s.immediate ? ' (omedelbar justering)' : ''}`,
    )
  for (const n of record.notices)
    out.paragraph(
      `Anslag: Uppsatt på anslagstavlan ${formatDate(n.postedOn)}${
        n.lastAppealDay ? `, sista dag för överklagande ${formatDate(n.lastAppealDay)}` : ''
      }${n.keptAt ? `. Protokollet förvaras hos ${n.keptAt}` : ''}`,
    )

  out.heading(2, 'Paragrafer')
  for (const entry of record.sections) {
    out.section(() =>
      renderSection(out, entry, view, {
        person: names.person,
        party: names.party,
        withParty,
        authors,
        personNames: (list) => list.filter((a) => a.personId).map((a) => names.person(a.personId)),
      }),
    )
  }

  out.pageNumbers((page, count) => `${title} · Sida ${page} av ${count}`)
  return out.finish()
}

interface SectionNames {
  person: (id: number | null) => string
  party: (id: number | null) => string | undefined
  withParty: (personId: number | null, partyId: number | null) => string
  authors: (list: Author[]) => string
  /** The names of the people among the authors, to see whether a printed text names them itself. */
  personNames: (list: Author[]) => string[]
}

/** One § as the portal's SectionView shows it to the public; confidential ones reduced the same way. */
function renderSection(out: TaggedWriter, entry: SectionRecord, view: PublicMeeting, names: SectionNames) {
  const { section, motions, votes, dissents, statements, recusals, signOff, rectifications } = entry
  const registryNumber = section.confidential ? undefined : view.registryNumbers.ofSection.get(section.id)
  out.heading(3, `${section.label} ${section.title}`, { keepWithNext: true })
  const facts = [
    registryNumber && `Dnr ${registryNumber}`,
    signOff?.signedOffOn &&
      `Justerad ${formatDate(signOff.signedOffOn)}${signOff.immediate ? ' (omedelbar justering)' : ''}`,
  ].filter(Boolean)
  if (facts.length > 0) out.paragraph(facts.join(' · '), { muted: true })
  if (section.confidential) out.paragraph('Paragrafen omfattas av sekretess och visas inte.')
  if (section.summary && section.summary !== `Dnr ${registryNumber}`) structuredText(out, section.summary)
  const outcome = outcomeLabels[section.outcome]
  if (outcome) out.paragraph(outcome)
  if (section.decision.length > 0) {
    out.heading(4, 'Beslut')
    out.list(section.decision, { numbered: true })
  }
  if (motions.length > 0) {
    out.heading(4, 'Yrkanden')
    for (const m of motions) {
      const lead = textNamesAuthors(m.text, names.personNames(m.authors))
        ? ''
        : `${names.authors(m.authors)}: `
      structuredText(out, motionText(m.text, m.points), lead)
    }
  }
  if (section.decisionProcedure) {
    out.heading(4, 'Beslutsordning')
    structuredText(out, section.decisionProcedure)
  }
  votes.forEach((v, i) => {
    renderVote(out, v, votes.length > 1 ? i + 1 : undefined, names)
  })
  if (dissents.length > 0) {
    out.heading(4, 'Reservationer')
    for (const d of dissents) {
      if (!d.text) out.paragraph(`${names.authors(d.authors)} reserverar sig mot beslutet.`)
      else if (textNamesAuthors(d.text, names.personNames(d.authors))) structuredText(out, d.text)
      else structuredText(out, d.text, `${names.authors(d.authors)} reserverar sig mot beslutet: `)
    }
  }
  for (const s of statements) {
    out.heading(4, capitalise(s.kind))
    if (!s.text) out.paragraph(names.authors(s.authors))
    else
      structuredText(
        out,
        s.text,
        textNamesAuthors(s.text, names.personNames(s.authors)) ? '' : `${names.authors(s.authors)}: `,
      )
  }
  if (recusals.length > 0) {
    out.heading(4, 'Jäv')
    for (const r of recusals)
      out.paragraph(
        `${names.person(r.personId)} anmälde jäv och deltog inte i handläggningen${r.reason ? ` (${r.reason})` : ''}.`,
      )
  }
  for (const r of rectifications) out.paragraph(`Rättelse ${formatDate(r.rectifiedOn)}: ${r.reason}`)
}

/** A text field as its paragraphs and lists (docs/document-json.md, "Text structure"), `lead` first. */
function structuredText(out: TaggedWriter, text: string, lead = '') {
  const blocks = textBlocks(text)
  if (lead && blocks[0]?.kind !== 'paragraph') out.paragraph(lead.trim())
  blocks.forEach((block, i) => {
    if (block.kind === 'paragraph') out.paragraph(i === 0 ? `${lead}${block.text}` : block.text)
    else out.list(block.items, { labels: block.items.map((_, k) => marker(block, k)) })
  })
}

function renderVote(out: TaggedWriter, vote: Vote, index: number | undefined, names: SectionNames) {
  const decidedBy =
    vote.decidedBy === 'casting_vote'
      ? ' Ordförandens utslagsröst avgjorde.'
      : vote.decidedBy === 'lot'
        ? ' Lotten avgjorde.'
        : ''
  out.heading(4, `Omröstning${index ? ` ${index}` : ''}`, { keepWithNext: true })
  out.paragraph(vote.question)
  if (vote.yesMeans || vote.noMeans)
    out.paragraph(
      [vote.yesMeans && `Ja-röst för ${vote.yesMeans}.`, vote.noMeans && `Nej-röst för ${vote.noMeans}.`]
        .filter(Boolean)
        .join(' '),
    )
  out.paragraph(
    `Resultat: ${vote.yes} ja, ${vote.no} nej, ${vote.abstain} avstår.${decidedBy}${vote.result ? ` ${vote.result}` : ''}`,
  )
  if (vote.ballots.length === 0) {
    out.paragraph('Omröstningen var sluten; bara antalet röster redovisas.')
    return
  }
  out.table(
    `Så röstade ledamöterna${index ? ` i omröstning ${index}` : ''}: ${vote.question}`,
    ['Ledamot', 'Parti', 'Röst'],
    vote.ballots.map((b) => [
      names.person(b.personId),
      names.party(b.partyId) ?? '–',
      ballotChoiceLabels[b.choice],
    ]),
  )
}

/**
 * pdfkit writes the title and author into the XMP metadata without XML escaping, so an "&" or "<"
 * in a committee's name would make the PDF/A metadata invalid. The document itself keeps the name.
 */
export function forMetadata(text: string): string {
  return text.replace(/&/g, 'och').replace(/[<>]/g, '')
}
