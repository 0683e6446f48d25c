// The structure of a text field of the minutes (summary, decision points, motions, dissents,
// statements, decision procedure), as document JSON carries it and every page, the PDF and OParl
// show it: paragraphs are separated by a blank line; a paragraph whose lines start with "- " is a
// bullet list, one whose lines start with "1. " or "A. " a numbered list. Lines before the first
// marker stay a paragraph of their own ("… för nämndens räkning:" above its bullets).
// docs/document-json.md, "Text structure".

export type TextBlock =
  | { kind: 'paragraph'; text: string }
  | {
      kind: 'list'
      ordered: boolean
      /** How an ordered list counts, as printed: 1, 2, 3 or A, B, C or a, b, c. */
      counter?: '1' | 'A' | 'a'
      start?: number
      items: string[]
    }

const BULLET = /^[-•–*]\s+(?=\S)/
const NUMBER = /^(\d{1,3})[.)]\s+(?=\S)/
const LETTER = /^([A-Za-z])[.)]\s+(?=\S)/

/** The paragraphs and lists of a text field, in order. */
export function textBlocks(text: string): TextBlock[] {
  const out: TextBlock[] = []
  for (const chunk of text.split(/\n[ \t]*\n+/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    // A letter alone ("A. Berg …") is a list marker only when the paragraph has more than one.
    const letters = lines.filter((l) => LETTER.test(l)).length > 1
    let prose: string[] = []
    const flush = () => {
      if (prose.length > 0) out.push({ kind: 'paragraph', text: prose.join(' ') })
      prose = []
    }
    for (const [k, line] of lines.entries()) {
      const item = listItem(line, letters)
      if (!item) {
        const last = out.at(-1)
        // A line without a marker inside a list continues its last item (a wrapped line).
        if (prose.length === 0 && last?.kind === 'list' && k > 0) {
          last.items[last.items.length - 1] += ` ${line}`
        } else prose.push(line)
        continue
      }
      flush()
      const last = out.at(-1)
      if (last?.kind === 'list' && last.ordered === item.ordered && k > 0) {
        last.items.push(item.text)
        continue
      }
      out.push({
        kind: 'list',
        ordered: item.ordered,
        ...(item.counter ? { counter: item.counter } : {}),
        ...(item.start !== undefined && item.start !== 1 ? { start: item.start } : {}),
        items: [item.text],
      })
    }
    flush()
  }
  return out
}

function listItem(
  line: string,
  letters: boolean,
): { ordered: boolean; text: string; counter?: 'A' | 'a'; start?: number } | undefined {
  const bullet = BULLET.exec(line)
  if (bullet) return { ordered: false, text: line.slice(bullet[0].length) }
  const number = NUMBER.exec(line)
  if (number) return { ordered: true, text: line.slice(number[0].length), start: Number(number[1]) }
  const letter = letters ? LETTER.exec(line) : null
  if (letter) {
    const l = letter[1] as string
    const upper = l === l.toUpperCase()
    return {
      ordered: true,
      text: line.slice(letter[0].length),
      counter: upper ? 'A' : 'a',
      start: l.toUpperCase().charCodeAt(0) - 64,
    }
  }
  return undefined
}

/** The text as plain lines, the structure kept by markers: for OParl's text fields and the PDF's text. */
export function plainText(blocks: readonly TextBlock[]): string {
  return blocks
    .map((b) => {
      if (b.kind === 'paragraph') return b.text
      return b.items.map((item, i) => `${marker(b, i)} ${item}`).join('\n')
    })
    .join('\n\n')
}

/** The label of the i-th item as printed: "1.", "C.", "•". */
export function marker(list: Extract<TextBlock, { kind: 'list' }>, i: number): string {
  if (!list.ordered) return '•'
  const n = (list.start ?? 1) + i
  if (list.counter === 'A') return `${String.fromCharCode(64 + n)}.`
  if (list.counter === 'a') return `${String.fromCharCode(96 + n)}.`
  return `${n}.`
}

/**
 * Whether a motion's, dissent's or statement's text already names its authors at its start, as a
 * printed protocol does ("Jan Jönsson (L) och … reserverade sig"): then a page shows the text alone
 * instead of the names twice.
 */
export function textNamesAuthors(text: string, authorNames: readonly string[]): boolean {
  const opening = text.slice(0, 400).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  return authorNames.some((name) => {
    const surname = name.trim().split(/\s+/).at(-1)
    if (!surname || surname.length < 2) return false
    return opening.includes(surname.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())
  })
}

/**
 * A motion's text with its points (att-satser) where they belong: an imported protocol prints them
 * inside the text, a clerk enters them apart, after it, as a numbered list.
 */
export function motionText(text: string, points: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ')
  const missing = points.filter((p) => !flat.includes(p.replace(/\s+/g, ' ')))
  if (missing.length === 0) return text
  const list = missing.map((p, i) => `${i + 1}. ${p.replace(/\n+/g, ' ')}`).join('\n')
  return text.trim() ? `${text}\n\n${list}` : list
}
