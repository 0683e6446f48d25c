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

/** Paragraph texts joined with a blank line, or undefined when there is no text. */
export function joinText(paras: Paragraph[]): string | undefined {
  const text = paras
    .map((p) => p.text)
    .filter(Boolean)
    .join('\n\n')
  return text || undefined
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
      out[last] = `${out[last]}\n${text}`
    } else if (!text) {
    } else if (INTRO_ONLY.test(text) && !numbered) {
    } else {
      out.push(text)
    }
  }
  return out
}
