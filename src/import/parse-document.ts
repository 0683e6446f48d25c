import { extractPdfPages } from '../domain/document/pdf-text.ts'
import type { DocumentJson, DocumentKind, SourceFormat } from '../domain/publication/document-json.ts'
import { readAgendaList } from './agenda-list.ts'
import type { Block } from './block.ts'
import { hasCoverConventions } from './cover-run.ts'
import { decodeText } from './decode-text.ts'
import { detectTextFormat, isPdf } from './detect-format.ts'
import { htmlToText } from './html-to-text.ts'
import { markdownToBlocks } from './markdown-blocks.ts'
import { readMinutes } from './minutes.ts'
import { cleanPdfText } from './pdf-noise.ts'
import { looksLikePortal, readPortalPage } from './portal-page.ts'
import { findSectionHeadings } from './sections.ts'
import { textToBlocks } from './text-blocks.ts'

export interface ParseInput {
  bytes: Uint8Array
  fileName: string
}

export type ParseOutcome = { ok: true; document: DocumentJson } | { ok: false; reason: string }

const MAX_WARNINGS = 200

/**
 * Parses one published agenda or protocol (portal page text, Markdown, HTML, PDF or PDF text) into
 * the Document JSON. Never throws: a file that is not a meeting document gives `ok: false` and a
 * one-line reason; anything readable gives a document, with warnings for what could not be read.
 */
export async function parseDocument(input: ParseInput): Promise<ParseOutcome> {
  try {
    return await parse(input)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: `dokumentet kunde inte läsas: ${message.split('\n')[0]}` }
  }
}

async function parse({ bytes, fileName }: ParseInput): Promise<ParseOutcome> {
  const file = fileName.split(/[\\/]/).pop() || fileName
  if (bytes.length === 0) return { ok: false, reason: 'filen är tom' }
  const warnings: string[] = []
  const warn = (line: number, msg: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(line > 0 ? `rad ${line}: ${msg}` : msg)
  }
  const read = await blocksOf(bytes, warn)
  if ('reason' in read) return { ok: false, reason: read.reason }
  const { blocks, format } = read
  if (blocks.length === 0) return { ok: false, reason: 'dokumentet innehåller ingen text' }

  const headings = findSectionHeadings(blocks, warn)
  let kind: DocumentKind
  let body: Omit<DocumentJson, 'kind' | 'source' | 'warnings'>
  // A published page whose items are numbered titles ("1 Kommundirektörens rapport", as
  // insynsverige prints them) reads as a numbered agenda even with its "Bilagor" links.
  const numberedPage =
    headings.length === 0 &&
    looksLikePortal(blocks, 0) &&
    readPortalPage(blocks, () => {}).items.every((i) => i.number === undefined) &&
    readAgendaList(blocks, () => {}).items.filter((i) => i.number !== undefined).length >= 2
  if (headings.length === 0 && looksLikePortal(blocks, 0) && !numberedPage) {
    const page = readPortalPage(blocks, warn)
    kind = 'agenda'
    body = { items: page.items }
    if (page.committee) body.committee = page.committee
    if (Object.keys(page.meeting).length > 0) body.meeting = page.meeting
    if (page.minutesPublished === false) body.minutesPublished = false
  } else if (headings.length > 0) {
    kind = 'minutes'
    body = readMinutes(blocks, headings, warn)
  } else if (isMinutesCover(blocks)) {
    // A protocol whose text ends before its first § (or whose § signs were lost) still states on its
    // cover page the meeting, who took part, who signed and when the notice went up.
    kind = 'minutes'
    body = readMinutes(blocks, [], warn)
    if (body.items.length === 0) {
      warn(
        0,
        'inga paragrafer hittades: texten slutar före första paragrafen eller § saknas; bara försättsbladets uppgifter lästes',
      )
      return { ok: true, document: ordered({ kind, source: { file, format }, ...body, warnings }) }
    }
  } else {
    kind = 'agenda'
    body = readAgendaList(blocks, warn)
    const text = coverText(blocks)
    // A notice's title may stand below a text-extraction site's header lines; a published page's
    // trail ("Hem > … > Sammanträde 2011-03-01") names a meeting too.
    const notice =
      /\b(?:kallelse|föredragningslista)\b/i.test(text.slice(0, 1200)) || body.meeting?.date !== undefined
    if (body.items.length === 0 && (notice || hasCoverConventions(text))) {
      warn(0, 'inga ärenden hittades: texten slutar före ärendelistan; bara kallelsens uppgifter lästes')
      return { ok: true, document: ordered({ kind, source: { file, format }, ...body, warnings }) }
    }
  }
  if (body.items.length === 0) {
    return {
      ok: false,
      reason: 'inte en kallelse eller ett protokoll: varken paragrafer (§) eller ärendelista hittades',
    }
  }
  const document: DocumentJson = { kind, source: { file, format }, ...body, warnings }
  return { ok: true, document: ordered(document) }
}

// The national cover page of a protocol: at least two of its labels, and not a notice of a meeting.
function isMinutesCover(blocks: Block[]): boolean {
  const text = coverText(blocks)
  const head = text.slice(0, 3000)
  // A page headed PROTOKOLL that states its justering ("1 PROTOKOLL 1 (14) Justerat tisdag den 17
  // februari …") is minutes even when the rest of its cover was lost.
  const titled =
    /^\s*(?:\d{1,3}\s+)?(?:SAMMANTRÄDESPROTOKOLL|PROTOKOLL)\b/m.test(head) && /\bjusterat\b/i.test(head)
  if (!hasCoverConventions(text) && !titled) return false
  const agenda = /\b(?:kallelse|föredragningslista|dagordning|ärendelista)\b/i.test(head.slice(0, 400))
  const signed = /justeringens|underskrift|anslag\s*\/\s*bevis|\bbevis\b|utses att justera|paragrafer/i.test(
    head,
  )
  return signed || !agenda
}

function coverText(blocks: Block[]): string {
  let text = ''
  for (const b of blocks) {
    if (text.length > 20_000) break
    text += `${b.text.slice(0, 20_000)}\n`
  }
  return text
}

type Read = { blocks: Block[]; format: SourceFormat } | { reason: string }

async function blocksOf(bytes: Uint8Array, warn: (line: number, msg: string) => void): Promise<Read> {
  if (isPdf(bytes)) {
    let pages: string[]
    try {
      pages = await extractPdfPages(bytes)
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : 'unknown error'
      return { reason: `texten i PDF-filen kunde inte tas ut (${message})` }
    }
    const clean = cleanPdfText(pages)
    return { blocks: textToBlocks(clean.lines, clean.lineNumbers), format: 'pdf' }
  }
  const decoded = decodeText(bytes)
  if (decoded.junkRatio > 0.1 || !/\p{L}{3}/u.test(decoded.text.slice(0, 100_000))) {
    return { reason: 'inte ett textdokument (binärdata)' }
  }
  if (decoded.junkRatio > 0) warn(0, 'styrtecken eller oläsbara byte ersattes med mellanslag')
  warnIfCutOff(decoded.text, warn)
  const format = detectTextFormat(decoded.text)
  switch (format) {
    case 'html':
      return { blocks: markdownToBlocks(htmlToText(decoded.text)), format }
    case 'markdown':
      return { blocks: markdownToBlocks(decoded.text), format }
    case 'portal-text':
      return { blocks: textToBlocks(decoded.text.split('\n')), format }
    default: {
      const clean = cleanPdfText([decoded.text])
      return { blocks: textToBlocks(clean.lines, clean.lineNumbers), format }
    }
  }
}

// A saved document ends with a line break; text that stops mid-sentence without one was cut off.
function warnIfCutOff(text: string, warn: (line: number, msg: string) => void): void {
  const tail = text.slice(-200)
  if (/\n\s*$/.test(tail) || /[.!?:;)”"»>*~|]\s*$/.test(tail) || !/\S/.test(tail)) return
  let lines = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  warn(lines, 'dokumentet slutar mitt i en mening; det kan vara avkortat och sista delen ofullständig')
}

// The documented field order, so that printed JSON reads like document-json.md.
function ordered(d: DocumentJson): DocumentJson {
  const { kind, source, items, warnings, ...rest } = d
  const keys = [
    'organisation',
    'committee',
    'meeting',
    'sections',
    'chair',
    'secretary',
    'signatories',
    'signOffs',
    'noticePosted',
    'noticeRemoved',
    'appealDeadline',
    'minutesPublished',
    'attendance',
  ] as const
  const out: Record<string, unknown> = { kind, source }
  for (const k of keys) if (rest[k] !== undefined) out[k] = rest[k]
  out.items = items
  out.warnings = warnings
  return out as unknown as DocumentJson
}
