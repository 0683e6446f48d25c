import type { Block } from './block.ts'

export interface Paragraph {
  text: string
  line: number
  item: boolean
  marker?: string
  depth: number
  block: Block
}

const SENTENCE_END = /[.!?:;”"»)]$/

/**
 * Groups blocks into paragraphs. Lines of text from PDFs are one block per printed line: a line
 * continues the previous paragraph when that one did not end a sentence or this one starts in
 * lower case. Markdown and HTML paragraphs are kept as they are.
 */
export function paragraphs(blocks: Block[]): Paragraph[] {
  const out: Paragraph[] = []
  for (const b of blocks) {
    const last = out[out.length - 1]
    if (b.wrapped && last && b.style === 'text' && !b.cells && continues(last.text, b.text)) {
      last.text = `${last.text} ${b.text}`
      continue
    }
    const p: Paragraph = {
      text: b.text,
      line: b.line,
      item: b.style === 'item',
      depth: b.depth ?? 0,
      block: b,
    }
    if (b.marker) p.marker = b.marker
    out.push(p)
  }
  return out
}

function continues(previous: string, next: string): boolean {
  if (/^(?:\d{1,2}[.)]|att\s|[•–-]\s)/i.test(next)) return false
  return !SENTENCE_END.test(previous) || /^\p{Ll}/u.test(next)
}

/**
 * Paragraph texts joined with a blank line, list items one a line with their marker ("- ", "1. ",
 * "A. "), so the text keeps its lists (docs/document-json.md, "Text structure"); undefined when
 * there is no text.
 */
export function joinText(paras: Paragraph[]): string | undefined {
  let text = ''
  let inList = false
  for (const p of paras) {
    if (!p.text) continue
    const item = p.item ? listLine(p) : undefined
    if (text) text += item && inList ? '\n' : '\n\n'
    text += item ?? p.text
    inList = item !== undefined
  }
  return text || undefined
}

/** A list item as a line of text with its marker ("1. ", "A. ", else "- "); one printed in the text is kept. */
export function listLine(p: Paragraph): string {
  if (/^(?:\d{1,3}|[A-Za-z])[.)]\s/.test(p.text)) return p.text
  const ordered = p.marker && /^(?:\d{1,3}|[A-Za-z])[.)]$/.test(p.marker)
  return `${ordered ? p.marker?.replace(')', '.') : '-'} ${p.text}`
}

const NUMBERED = /^(?:\d{1,2}[.):]?|\(\d{1,2}\))\s+(?=\S)/
const INTRO_ONLY = /^(?:\S+\s+){0,3}(?:beslutar|beslöt|beslutade|besluta)(?:\s+(?:följande|att))?\s*:?$/i

/**
 * Decision or proposal points: numbered points ("1.", "- 1 …"), "att"-clauses, or paragraphs.
 * Nested bullets join their point; an introduction like "Kommunstyrelsen beslutar" is dropped.
 */
export function points(blocks: Block[]): string[] {
  const out: string[] = []
  for (const p of paragraphs(blocks)) {
    const last = out.length - 1
    const numbered = NUMBERED.exec(p.text)
    const text = numbered ? p.text.slice(numbered[0].length) : p.text
    const numberedMarker = p.marker !== undefined && /\d/.test(p.marker)
    if (last >= 0 && p.item && !numbered && !numberedMarker && (p.depth > 0 || /:$/.test(out[last] ?? ''))) {
      out[last] = `${out[last]}\n- ${text}`
    } else if (!text) {
    } else if (INTRO_ONLY.test(text) && !numbered) {
    } else {
      out.push(text)
    }
  }
  return out
}
