import { stemmer } from '@orama/stemmers/swedish'
import { swedishStopWords } from './swedish-stop-words.ts'

// How Swedish text becomes searchable words, the same for both databases. A word is a run of
// letters and digits (everything else separates words, so no query can be a syntax error), in
// lower case, and not a stop word. SQLite indexes the Snowball stems computed here; PostgreSQL is
// given the same words and stems them itself with to_tsvector('swedish', …), which gives the same
// stems (stack.md). Words with digits are not stemmed, as PostgreSQL's 'simple' dictionary does.

const wordPattern = /[\p{L}0-9]+/gu
/** Longer runs are noise (hashes, glued tables); PostgreSQL also refuses words over 2 KB. */
const longestWord = 60
/** Keeps one text under PostgreSQL's 1 MB limit for a tsvector; a few hundred pages of text. */
export const mostWordsIndexed = 40_000
/** The shortest term that also matches as part of a longer word (trigram indexes need three). */
export const shortestPart = 3
/** Terms beyond these are ignored: every term costs a lookup. */
export const mostTerms = 8

/** A search term: every term must match, as a word with the same stem or as part of a word. */
export interface QueryTerm {
  word: string
  stem: string
  /**
   * The stem as it may be spelled with å, ä or ö, when it was typed without them ("jonsson" for
   * "Jönsson"): these match as parts of words only, so they rank below the spelling typed.
   */
  variants?: string[]
}

// A registry number as printed, "3.1.1-563/2022" or "KS 2022/0123": digits joined by . - or /,
// with at least one - or /. Its parts are words like any other; it is also indexed as one word
// (the parts joined by "x", letters and digits only, so both databases read it as one token), so
// that the number as typed finds the matter and not every text with a 1, a 3 and a 2022.
const registryNumberPattern = /\d+(?:[./-]\d+)+/g
const registryJoin = 'x'

function registryNumberWord(printed: string): string | undefined {
  return /[/-]/.test(printed) ? printed.split(/[./-]/).join(registryJoin) : undefined
}

/** The registry numbers in a text, each as the one word it is indexed as. */
function registryNumberWords(text: string): string[] {
  return [...text.matchAll(registryNumberPattern)].flatMap(([m]) => registryNumberWord(m) ?? [])
}

/** A piece of text to show, with the words that matched the search marked. */
export interface Segment {
  text: string
  hit: boolean
}

/** Unicode NFC with runs of white space as one space: what is stored, shown and searched. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** The Snowball stem of a lower-case word; words with digits stay as they are. */
export function stem(word: string): string {
  if (/[0-9]/.test(word)) return word
  // Indexing stems every word of every text: a vocabulary is small, so most are stemmed already.
  let stemmed = stems.get(word)
  if (stemmed === undefined) {
    if (stems.size >= mostStemsRemembered) stems.clear()
    stemmed = stemmer(word)
    stems.set(word, stemmed)
  }
  return stemmed
}
const stems = new Map<string, string>()
const mostStemsRemembered = 100_000

/** The words of a text that are indexed, in order: lower case, no stop words, at most `limit`. */
export function indexedWords(text: string, limit = mostWordsIndexed): string[] {
  const words: string[] = []
  const normalised = text.normalize('NFC').toLowerCase()
  for (const [word] of normalised.matchAll(wordPattern)) {
    if (word.length > longestWord || swedishStopWords.has(word)) continue
    words.push(word)
    if (words.length >= limit) return words
  }
  for (const word of registryNumberWords(normalised)) {
    if (word.length > longestWord) continue
    words.push(word)
    if (words.length >= limit) break
  }
  return words
}

/** What a query asks for: its distinct terms, at most `mostTerms`. Empty when only stop words remain. */
export function queryTerms(query: string): QueryTerm[] {
  const terms = new Map<string, QueryTerm>()
  // A registry number is searched as the one word it is indexed as, never as its parts.
  const typed = query
    .slice(0, 1000)
    .normalize('NFC')
    .replace(registryNumberPattern, (m) => registryNumberWord(m) ?? m)
  for (const word of indexedWords(typed, 100)) {
    const s = stem(word)
    if (terms.has(s)) continue
    const variants = spellingsWithSwedishLetters(s)
    terms.set(s, variants.length > 0 ? { word, stem: s, variants } : { word, stem: s })
    if (terms.size >= mostTerms) break
  }
  return [...terms.values()]
}

/** The most spellings with å, ä or ö tried for one term: each is one more lookup. */
const mostVariants = 8
const swedishLetters: Record<string, string[]> = { a: ['å', 'ä'], o: ['ö'] }

/**
 * How a stem typed without å, ä and ö may be spelled with them, fewest changes first ("jonsson":
 * "jönsson", "jonssön", "jönssön"). None for a stem that has one of them already (the writer
 * knows the letters), for short stems and for stems with digits.
 */
export function spellingsWithSwedishLetters(stemmed: string): string[] {
  if (stemmed.length < shortestPart || /[åäö0-9]/.test(stemmed)) return []
  const positions = [...stemmed].flatMap((c, i) => (swedishLetters[c] ? [i] : []))
  const found: string[] = []
  // Breadth first over the number of letters changed, so the likeliest spellings come first.
  let level: string[] = [stemmed]
  for (let changes = 1; changes <= positions.length && found.length < mostVariants; changes++) {
    const next = new Set<string>()
    for (const spelling of level) {
      const chars = [...spelling]
      for (const i of positions) {
        const c = stemmed[i] as string
        if (chars[i] !== c) continue
        for (const replacement of swedishLetters[c] ?? []) {
          const changed = [...chars]
          changed[i] = replacement
          next.add(changed.join(''))
        }
      }
    }
    level = [...next]
    found.push(...level)
  }
  return found.slice(0, mostVariants)
}

/**
 * Whether a word of a text matches a term: with the same stem ("boenden" for "boende"), or
 * containing the term's stem ("ledsagningsmodellen" for "ledsagning"). A stem is a prefix of its
 * word, so for terms of three letters or more, containment covers both.
 */
export function matchesTerm(word: string, term: QueryTerm): boolean {
  const lower = word.toLowerCase()
  if (term.stem.length < shortestPart) return stem(lower) === term.stem
  return lower.includes(term.stem) || (term.variants ?? []).some((v) => lower.includes(v))
}

const isHit = (word: string, terms: readonly QueryTerm[]) => terms.some((t) => matchesTerm(word, t))

/** A whole short text (a title) with its matching words marked. */
export function highlight(text: string, terms: readonly QueryTerm[]): Segment[] {
  return mark(text, 0, text.length, terms)
}

/**
 * About `length` words of a text around its first match, with the matching words marked and "…"
 * where text was left out. Without a match: the beginning of the text.
 */
export function excerpt(text: string, terms: readonly QueryTerm[], length = 30): Segment[] {
  const before = 8
  const starts: number[] = []
  let first = -1
  let end = text.length
  let count = 0
  for (const match of text.matchAll(wordPattern)) {
    const index = match.index ?? 0
    if (first < 0) {
      starts.push(index)
      if (starts.length > before + 1) starts.shift()
      if (isHit(match[0], terms)) first = count
    } else if (count >= first + length - before) {
      end = index
      break
    }
    count++
  }
  if (first < 0) return opening(text, length)
  const from = first <= before ? 0 : (starts[0] ?? 0)
  const segments = mark(text, from, end, terms)
  if (from > 0) segments.unshift({ text: '… ', hit: false })
  if (end < text.length) segments.push({ text: ' …', hit: false })
  return merge(segments)
}

function opening(text: string, length: number): Segment[] {
  let end = text.length
  let count = 0
  for (const match of text.matchAll(wordPattern)) {
    if (count === length) {
      end = match.index ?? text.length
      break
    }
    count++
  }
  const shown = text.slice(0, end).trimEnd()
  if (!shown) return []
  return end < text.length ? [{ text: `${shown} …`, hit: false }] : [{ text: shown, hit: false }]
}

function mark(text: string, from: number, to: number, terms: readonly QueryTerm[]): Segment[] {
  const slice = text.slice(from, to).replace(/[\s·]+$/u, '')
  const segments: Segment[] = []
  let last = 0
  for (const match of slice.matchAll(wordPattern)) {
    if (!isHit(match[0], terms)) continue
    const index = match.index ?? 0
    if (index > last) segments.push({ text: slice.slice(last, index), hit: false })
    segments.push({ text: match[0], hit: true })
    last = index + match[0].length
  }
  if (last < slice.length) segments.push({ text: slice.slice(last), hit: false })
  return merge(segments)
}

function merge(segments: Segment[]): Segment[] {
  const merged: Segment[] = []
  for (const s of segments) {
    const previous = merged[merged.length - 1]
    if (previous && previous.hit === s.hit) previous.text += s.text
    else if (s.text) merged.push({ ...s })
  }
  return merged
}
