import type { Item } from '../domain/publication/document-json.ts'

/**
 * Reads a numbered list printed as one run of text, as PDF text extraction leaves a table of
 * contents ("Innehållsförteckning 36 Information 3 37 Månadsrapport juli 2011 4 38 …") or an agenda
 * ("Föredragningslista Ärende/Föredragande 1 Upprop 2 Godkännande av föredragningslistan … 4
 * Information GDPR Hans Magnusson"): numbers that rise one by one (a few may be missing), each
 * followed by its title, registry number (Dnr) and, in an agenda with a Föredragande column, the
 * presenter. Gives nothing unless at least three numbers follow each other.
 */
export interface NumberedEntry {
  number: string
  title: string
  dnr?: string
  presenter?: string
}

const LIST_LABEL =
  /(?<![\p{L}])(?:innehållsförteckning|ärendelista|föredragningslista|dagordning|förteckning över \p{L}+ ärenden|ärende\s*\/\s*föredragande)\s*:?/giu
const NUMBER = /(?<![\p{L}\d/:.,-])(\d{1,3})(?:\.|\))?\s+(?=\p{Lu}|Dnr\b)/gu
const MONTH = /^(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b/i
const DNR =
  /(?:\bDnr\.?\s*:?\s*((?:\p{Lu}{1,6}\s+)?\d{2,4}\s*[/:-]\s*\d{1,5}(?:[-:]\d{1,4})?(?:\s+\d{3}(?!\d))?)|\b(\p{Lu}{2,6}\s+\d{4}\/\d{1,5})\b)/u

export function readNumberedRun(text: string): NumberedEntry[] {
  let start = -1
  let presenters = false
  for (const m of text.matchAll(LIST_LABEL)) {
    start = (m.index ?? 0) + m[0].length
    presenters ||= /föredragande/i.test(m[0]) || /föredragande/i.test(text.slice(start, start + 40))
    break
  }
  if (start === -1) return []
  // The chain ends at the first gap of more than 260 characters, so the numbers are read only up
  // to there, not through the whole text (a 50 MB protocol without § took 13 s and 300 MB).
  const chain: { at: number; end: number; n: number }[] = []
  for (const m of text.slice(start).matchAll(NUMBER)) {
    const at = start + (m.index ?? 0)
    const after = text.slice(at + m[0].length, at + m[0].length + 12)
    if (MONTH.test(after)) continue
    const c = { at, end: at + m[0].length, n: Number(m[1]) }
    const last = chain[chain.length - 1]
    if (!last) {
      if (c.n <= 400) chain.push(c)
      continue
    }
    // Past the gap no later number can join the chain either (the same test as before, made early).
    if (c.at - last.end > 260) break
    if (c.n <= last.n || c.n > last.n + 6) continue
    chain.push(c)
  }
  if (chain.length < 3) return []
  const entries: NumberedEntry[] = []
  chain.forEach((c, k) => {
    const next = chain[k + 1]
    const raw = text.slice(c.end, next ? next.at : Math.min(text.length, c.end + 160))
    const entry = entryOf(String(c.n), raw, presenters, next === undefined)
    if (entry) entries.push(entry)
  })
  return entries
}

function entryOf(number: string, raw: string, presenters: boolean, last: boolean): NumberedEntry | undefined {
  let title = raw.replace(/\s+/g, ' ').trim()
  // The last entry runs on into the next page: keep its first sentence or clause.
  if (last) title = title.split(/(?<=[.!?])\s|\s\d+\s+\(\d+\)|\s\d+\s+\p{Lu}{4,}/u)[0] ?? title
  title = title.replace(/(?:\s*\.{2,}|…)\s*\d*\s*$/, '').replace(/\s+\d{1,3}\s*$/, '')
  const entry: NumberedEntry = { number, title: '' }
  const dnr = DNR.exec(title)
  if (dnr) {
    entry.dnr = (dnr[1] ?? dnr[2] ?? '').replace(/\s+/g, ' ').trim()
    title = `${title.slice(0, dnr.index)} ${title.slice(dnr.index + dnr[0].length)}`
      .replace(/\s+/g, ' ')
      .trim()
  }
  title = title.replace(/\s*\bDnr\.?\s*$/, '').replace(/^Dnr\.?\s+/, '')
  if (presenters) {
    const m =
      /\s((?:\p{Lu}\p{Ll}[\p{L}-]*\s){1,2}\p{Lu}\p{Ll}[\p{L}-]*)(?:,\s*\p{Lu}[\p{L}-]+\s\p{Lu}[\p{L}-]+|\s+och\s+.+)?$/u.exec(
        title,
      )
    if (m?.[1] && m.index > 3) {
      entry.presenter = m[1]
      title = title.slice(0, m.index).trim()
    }
  }
  title = title.replace(/[\s,.:;–-]+$/, '')
  if (title.length < 3 || title.length > 250) return undefined
  entry.title = title
  return entry
}

/** The entries as items of a protocol (their § numbers) or of an agenda (their item numbers). */
export function entriesAsItems(entries: NumberedEntry[], kind: 'minutes' | 'agenda'): Item[] {
  return entries.map((e) => {
    const item: Item =
      kind === 'minutes'
        ? { number: e.number, section: Number(e.number), title: e.title }
        : { number: e.number, title: e.title }
    if (e.dnr) item.registryNumbers = [e.dnr]
    if (e.presenter) item.presenter = e.presenter
    return item
  })
}
