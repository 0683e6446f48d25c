import { readFileSync } from 'node:fs'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import type { MinutesRecord, SectionRecord } from '../domain/minutes/minutes-record.ts'
import { sectionRange } from '../domain/notice-board/notice-board.service.ts'
import {
  lineText,
  minutesOutline,
  outlineNamesOf,
  type SectionOutline,
  type VoteOutline,
} from '../domain/publication/minutes-outline.ts'
import type { PublicMeeting } from '../domain/publication/public-meeting.ts'
import { marker, textBlocks } from '../domain/publication/text-structure.ts'
import { formatDate, formatLongDate, formatTimeSpan } from '../domain/shared/swedish-date.ts'
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

export const draftMark = 'Utkast – ej justerat'

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
  const names = outlineNamesOf(view)

  out.heading(1, `${options.draft ? `${draftMark}: ` : ''}Protokoll, ${committee.name}, ${date}`)
  out.paragraph(`Tid: ${date} ${formatTimeSpan(meeting.startTime, meeting.endTime)}`.trim())
  out.paragraph(`Plats: ${meeting.location ?? 'Inte angiven'}`)

  // The cover and the §§ walk the outline the portal's minutes page walks (minutes-outline.ts).
  const outline = minutesOutline(record, names)
  out.heading(2, outline.cover.attendanceHeading)
  for (const group of outline.cover.attendance) {
    out.heading(3, group.heading)
    if (group.lines.length === 0) out.paragraph(group.empty ?? '')
    else out.list(group.lines.map(lineText))
  }
  out.heading(2, outline.cover.signOffHeading)
  for (const fact of outline.cover.facts) out.paragraph(`${fact.term}: ${lineText(fact.value)}`)

  out.heading(2, outline.sectionsHeading)
  record.sections.forEach((entry, i) => {
    out.section(() => renderSection(out, outline.sections[i] as SectionOutline, entry.rectifications))
  })

  out.pageNumbers((page, count) => `${title} · Sida ${page} av ${count}`)
  return out.finish()
}

/** One § as the portal's SectionView shows it to the public; confidential ones reduced the same way. */
function renderSection(
  out: TaggedWriter,
  section: SectionOutline,
  rectifications: SectionRecord['rectifications'],
) {
  out.heading(3, section.heading, { keepWithNext: true })
  const facts = [section.registryNumber && `Dnr ${section.registryNumber}`, section.signedOff].filter(Boolean)
  if (facts.length > 0) out.paragraph(facts.join(' · '), { muted: true })
  if (section.confidential) out.paragraph(section.confidential)
  if (section.summary) structuredText(out, section.summary)
  if (section.outcome) out.paragraph(section.outcome)
  if (section.decision.length > 0) {
    out.heading(4, section.decisionHeading)
    out.list(section.decision, { numbered: true })
  }
  if (section.motions.length > 0) {
    out.heading(4, section.motionsHeading)
    for (const m of section.motions) structuredText(out, m.text, m.lead ? lineText(m.lead) : '')
  }
  if (section.decisionProcedure) {
    out.heading(4, section.procedureHeading)
    structuredText(out, section.decisionProcedure)
  }
  for (const vote of section.votes) renderVote(out, vote)
  if (section.dissents.length > 0) {
    out.heading(4, section.dissentsHeading)
    for (const d of section.dissents) {
      if ('line' in d) out.paragraph(lineText(d.line))
      else structuredText(out, d.text, d.lead ? lineText(d.lead) : '')
    }
  }
  for (const s of section.statements) {
    out.heading(4, s.heading)
    if ('line' in s) out.paragraph(lineText(s.line))
    else structuredText(out, s.text, s.lead ? lineText(s.lead) : '')
  }
  if (section.recusals.length > 0) {
    out.heading(4, section.recusalsHeading)
    for (const line of section.recusals) out.paragraph(lineText(line))
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

function renderVote(out: TaggedWriter, vote: VoteOutline) {
  out.heading(4, vote.heading, { keepWithNext: true })
  out.paragraph(vote.question)
  if (vote.means) out.paragraph(vote.means)
  out.paragraph(vote.result)
  if (!vote.ballots) {
    out.paragraph(vote.secret ?? '')
    return
  }
  out.table(
    vote.ballots.caption,
    [...vote.ballots.columns],
    vote.ballots.rows.map((row) => [row.person.name, row.party, row.choice]),
  )
}

/**
 * pdfkit writes the title and author into the XMP metadata without XML escaping, so an "&" or "<"
 * in a committee's name would make the PDF/A metadata invalid. The document itself keeps the name.
 */
export function forMetadata(text: string): string {
  return text.replace(/&/g, 'och').replace(/[<>]/g, '')
}
