import type { NumberedEntry } from './numbered-run.ts'

/**
 * § headings inside run-on page text whose "§" was lost in extraction, as text-extraction sites give
 * a PDF: one line per page, the heading after the page's header — "2 Ks 1 Dnr 2012-KS Namninsamling
 * med …", "3 Sida 3 (45) KS 353/2008 Tillkommande och …", "3 3(43) KSKF/2014:1 235 Val till …",
 * "4 SAMMANTRÄDESPROTOKOLL Sida 4(14) 35 Information …". A number counts only at the start of a page
 * (after its header and page marker), with a prefix such as KS, Kf, Sn or after a page marker.
 */
const PAGE_START =
  /^\s*(?:[^\p{L}\d\s]{1,3}\s+)?(?:\d{1,3}\s+){0,2}(?:[\p{L}\s,–-]{0,90}?\s)?(?:(?:Sida\s+\d{1,3}\s+av\s+\d{1,3}|(?:Sida\s+)?\d{1,3}\s*\(\s*\d{1,3}\s*\)|\d{4}-\d{2}-\d{2}\s+\d{1,3})\s+(?:[\p{L}\s]{0,40}?\s)?)?(?:[\p{Lu}]{2,6}\/\d{4}:\d+\s+)?(?:\d{1,3}\s+(?=\p{Lu}))?(?:(\p{Lu}[\p{L}]{0,4}(?:\s\p{Lu}{2,4})?)\s+)?(?:§\s*)?(\d{1,4})(?:\/\d{2,4})?\s+(Dnr:?\s+(?:\S+(?:\s+\d{2,3}(?!\d))?\s+)?)?(?=\p{Lu})/u

// A page marker: "Sida 4 (14)", "4(14)", "Sida 4 av 16", or the header's meeting date followed by the
// page number ("Kommunfullmäktige 2017-10-23 2 132 …").
const MARKER = /\d\s*\(\s*\d{1,3}\s*\)|Sida\s+\d|\d{4}-\d{2}-\d{2}\s+\d{1,3}\s/

// A registry number in brackets after the title, as Platina and Ciceron print it: "Delårsrapport 2017
// (KS/2017:499)", "(SÄN/2012:3)".
const BRACKETED_DNR = /\s*\((\p{Lu}{1,6}\s?[/-]?\s?\d{2,4}[:/.-]\d{1,5}(?:[:/.-]\d{1,5})?)\)/u

const NOT_PREFIX = /^(?:Sida|Dnr|Nr|Kl|Bilaga|Punkt|Ja|Nej|Sid|Blad|Protokoll|Av)$/

const CUT =
  /\s(?:Dnr\b|Beslut\b|Ärendebeskrivning|Ärendet\b|Bakgrund|Sammanfattning|Förslag till beslut|Beskrivning av ärendet|Yrkanden?\b|\d{1,2}\)|[-–]\s)/u

export function readInlineSections(text: string, range?: { first: number; last: number }): NumberedEntry[] {
  const out: NumberedEntry[] = []
  let previous = -1
  for (const line of text.split('\n')) {
    const m = PAGE_START.exec(line)
    if (!m) continue
    const prefix = m[1]
    const n = Number(m[2])
    const afterMarker = MARKER.test(m[0])
    if (prefix && NOT_PREFIX.test(prefix)) continue
    if (!prefix && !afterMarker) continue
    if (n <= previous || (range && (n < range.first || n > range.last))) continue
    const head = line.slice(m[0].length, m[0].length + 200)
    const whole = titleAt(head)
    const found = BRACKETED_DNR.exec(head)
    // Only a bracket inside the heading is its registry number, not one in the § text after it.
    const bracketed = whole && found && found.index <= whole.length + 1 ? found : undefined
    const title = bracketed ? titleAt(head.slice(0, bracketed.index)) : whole
    if (!title) continue
    const entry: NumberedEntry = { number: String(n), title }
    const dnr = /^Dnr:?\s+(\S+(?:\s+\d{2,3}(?!\d))?)/.exec(m[3] ?? '')?.[1] ?? bracketed?.[1]
    if (dnr && /\d/.test(dnr) && !/\/$/.test(dnr)) entry.dnr = dnr
    out.push(entry)
    previous = n
  }
  return out
}

// The heading ends where the § text begins: a part label, a sentence, or the next capitalised
// sentence after a lower-case word ("… om folkomröstning Den 14 december").
function titleAt(raw: string): string | undefined {
  let t = raw.replace(/\s+/g, ' ').trim()
  const caps = /^(\p{Lu}[\p{Lu}\d ,.:;&/-]{8,}?)(?=\s\p{Lu}\p{Ll})/u.exec(t)
  if (caps?.[1]) return caps[1].trim()
  const cut = t.search(CUT)
  if (cut > 0) t = t.slice(0, cut)
  const stop = /[.!?](?:\s|$)/.exec(t)
  if (stop) t = t.slice(0, stop.index)
  const words = t.split(' ')
  for (let i = 3; i < words.length; i++) {
    if (/^\p{Lu}\p{Ll}/u.test(words[i] ?? '') && /\p{Ll}$/u.test(words[i - 1] ?? '')) {
      t = words.slice(0, i).join(' ')
      break
    }
  }
  t = t.replace(/[\s,:;–-]+$/, '')
  return t.length >= 3 && t.length <= 160 ? t : undefined
}
