/**
 * Cleans text extracted from PDFs: drops page headers and footers ("Justerandes signatur",
 * "Utdragsbestyrkande", "Sida 2 (21)", lines repeated at the top or bottom of most pages) and joins
 * words hyphenated at line ends. `pages` is the text per page when known; else "\f" splits pages.
 */
export function cleanPdfText(pages: string[]): CleanText {
  const only = pages.length === 1 ? (pages[0] ?? '') : undefined
  const split = only === undefined ? pages : only.includes('\f') ? only.split('\f') : pagesByNumbers(only)
  const pageLines = split.map((p) => p.split('\n'))
  const repeated = repeatedMargins(pageLines)
  const keptOnce = new Set<string>()
  const kept: string[] = []
  const numbers: number[] = []
  let lineNo = 0
  for (const lines of pageLines) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? ''
      lineNo++
      const nearMargin = i < 4 || i >= lines.length - 4
      if (isPageFurniture(line)) continue
      const key = nearMargin ? marginKey(line) : ''
      // A running header is kept once: on the first page it may name the organisation.
      if (key && repeated.has(key)) {
        if (keptOnce.has(key)) continue
        keptOnce.add(key)
      }
      kept.push(line)
      numbers.push(lineNo)
    }
  }
  return joinHyphenation(kept, numbers)
}

export interface CleanText {
  lines: string[]
  /** The source line number of each kept line. */
  lineNumbers: number[]
}

const FURNITURE =
  /^\s*(?:justerandes?\s+(?:signatur|sign\.?|initialer)|justerare\s+sign\.?|utdragsbestyrkande|(?:sida\s+)?\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4}|\/\s*\d{1,4})|sida\s+\d{1,4})\s*$/i

const TERMS =
  'justerandes?\\s+(?:signatur|sign\\.?|initialer)|justerare\\s+sign\\.?|utdragsbestyrkande|sida\\s+\\d{1,4}(?:\\s*\\(\\s*\\d{1,4}\\s*\\)|\\s+av\\s+\\d{1,4})?'
const FURNITURE_TERMS = new RegExp(`^\\s*(?:${TERMS})`, 'i')
const FURNITURE_TERMS_G = new RegExp(TERMS, 'gi')

/** True for a line that is only page furniture of a printed protocol. */
export function isPageFurniture(line: string): boolean {
  if (line.length > 120) return false
  // Columns run together: "Justerandes signatur      Utdragsbestyrkande".
  return (
    FURNITURE.test(line) || (FURNITURE_TERMS.test(line) && line.replace(FURNITURE_TERMS_G, '').trim() === '')
  )
}

const PAGE_NUMBER = /^\s*(?:sida\s+)?\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4})\s*$/i

// Text without form feeds: a page number line ("Sida 2 (21)") ends a page.
function pagesByNumbers(text: string): string[] {
  const pages: string[] = []
  let current: string[] = []
  for (const line of text.split('\n')) {
    current.push(line)
    if (PAGE_NUMBER.test(line)) {
      pages.push(current.join('\n'))
      current = []
    }
  }
  if (current.length > 0) pages.push(current.join('\n'))
  return pages
}

// Characters that stay one each in the key (not whitespace, not digits), counted up to 121.
function visibleOtherThanDigits(line: string): number {
  let n = 0
  for (let i = 0; i < line.length && n <= 120; i++) {
    const c = line.charCodeAt(i)
    if (c < 127 ? c > 32 && (c < 48 || c > 57) : !/\s/.test(line.charAt(i))) n++
  }
  return n
}

// Keys longer than 120 characters never count as a running header, so a long line (a page run onto
// one line by text extraction, up to 50 MB) gets none instead of four copies of itself.
function marginKey(line: string): string {
  if (visibleOtherThanDigits(line) > 120) return ''
  return line.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()
}

// A line found within the first or last four lines of at least half the pages (and of three pages
// at least) is a running header or footer, e.g. "Exempelby kommun  Sammanträdesprotokoll  2024-02-27".
function repeatedMargins(pages: string[][]): Set<string> {
  const result = new Set<string>()
  if (pages.length < 2) return result
  const counts = new Map<string, number>()
  for (const lines of pages) {
    const seen = new Set<string>()
    const edge = [...lines.slice(0, 4), ...lines.slice(Math.max(4, lines.length - 4))]
    for (const l of edge) {
      const key = marginKey(l)
      if (!key || key.length > 120 || seen.has(key)) continue
      seen.add(key)
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  for (const [key, n] of counts) {
    if (n >= Math.max(3, pages.length / 2)) result.add(key)
    // Two pages are little evidence: only a line that reads like a protocol header counts.
    else if (pages.length === 2 && n === 2 && /protokoll|sammanträde|kommun|region/i.test(key))
      result.add(key)
  }
  return result
}

const KEEP_HYPHEN_BEFORE = /^(?:och|eller|samt|respektive|till|som|men)\b/

// "kommun-\nstyrelsen" becomes "kommunstyrelsen"; "stads-\noch glesbygd" keeps its hyphen.
function joinHyphenation(lines: string[], numbers: number[]): CleanText {
  const rest = lines.slice()
  const out: string[] = []
  const outNumbers: number[] = []
  for (let i = 0; i < rest.length; i++) {
    let line = rest[i] ?? ''
    if (i + 1 < rest.length && /\p{Ll}-$/u.test(line)) {
      const next = (rest[i + 1] ?? '').trimStart()
      if (/^\p{Ll}/u.test(next)) {
        const cut = /^\S+/.exec(next)?.[0] ?? ''
        line = KEEP_HYPHEN_BEFORE.test(next) ? `${line} ${cut}` : line.slice(0, -1) + cut
        const remaining = next.slice(cut.length).trimStart()
        if (remaining) rest[i + 1] = remaining
        else i++
      }
    }
    out.push(line)
    outNumbers.push(numbers[i] ?? i + 1)
  }
  return { lines: out, lineNumbers: outNumbers }
}
