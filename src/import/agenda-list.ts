import type { DocumentJson, Item } from '../domain/publication/document-json.ts'
import type { Block } from './block.ts'
import { committeeIn, readCover } from './cover.ts'
import { isFirstName } from './first-names.ts'
import { entriesAsItems, readNumberedRun } from './numbered-run.ts'
import { readItemBody } from './section-body.ts'
import { findDate, findTimes } from './swedish-dates.ts'

type Warn = (line: number, msg: string) => void
export type AgendaPart = Omit<DocumentJson, 'kind' | 'source' | 'warnings'>

const NUMBERED_TITLE = /^(?:ärende\s+|punkt\s+)?(\d{1,3})[.)]?\s+(\p{Lu}.{2,250})$/iu

/**
 * Reads an agenda (kallelse, föredragningslista) in text or Markdown: numbered item titles in
 * increasing order, each with its registry numbers, description and proposed decision.
 */
export function readAgendaList(blocks: Block[], warn: Warn): AgendaPart {
  const starts: { index: number; number: string; title: string }[] = []
  let previous = 0
  blocks.forEach((b, index) => {
    if (b.wrapped && starts.length > 0 && b.style === 'text' && !/^\d/.test(b.text)) return
    let number: string | undefined
    let title: string | undefined
    if (b.style === 'item' && b.marker && /^\d{1,3}[.)]$/.test(b.marker)) {
      number = b.marker.slice(0, -1)
      title = b.text
    } else {
      const m = NUMBERED_TITLE.exec(b.text)
      if (m) {
        number = m[1]
        title = m[2]
      }
    }
    if (!number || !title || /[.!?]$/.test(title) || title.length > 200) return
    const n = Number(number)
    if (n <= previous || n > previous + 10) return
    previous = n
    starts.push({ index, number, title: title.trim() })
  })
  const cover = readCover(blocks.slice(0, starts[0]?.index ?? blocks.length))
  const items: Item[] = starts.map((s, k) => {
    const body = blocks.slice(s.index + 1, starts[k + 1]?.index ?? blocks.length)
    return readItemBody({ number: s.number, title: s.title }, body, true, warn)
  })
  // A list printed as one run of text (PDF extraction): "1 Upprop 2 Godkännande av …".
  if (items.length === 0) {
    let text = ''
    for (const b of blocks) if (text.length < 30_000) text += `${b.text.slice(0, 30_000)} `
    items.push(...entriesAsItems(readNumberedRun(text), 'agenda'))
  }
  const out: AgendaPart = { items }
  if (cover.organisation) out.organisation = cover.organisation
  const trail = breadcrumb(blocks)
  const committee = cover.committee ?? noticeCommittee(blocks) ?? trail?.committee
  if (committee) out.committee = committee
  if (trail?.date && !cover.meeting.date) cover.meeting.date = trail.date
  const head = noticeHead(blocks)
  if (head) {
    for (const k of ['date', 'start', 'location'] as const)
      if (head[k] && !cover.meeting[k]) cover.meeting[k] = head[k]
    cover.chair ??= head.chair
    if (head.secretary) out.secretary = head.secretary
  }
  if (Object.keys(cover.meeting).length > 0) out.meeting = { ...cover.meeting }
  if (cover.chair) out.chair = cover.chair
  // Who is called ("Kallade ledamöter", "För kännedom", "Övriga kallade"), as the notice lists them.
  if (cover.attendance.length > 0) out.attendance = cover.attendance
  return out
}

// "Kallelse till Miljö- och samhällsnämndens sammanträde", "KALLELSE/FÖREDRAGNINGSLISTA SOCIALNÄMNDEN":
// the committee a notice names first.
function noticeCommittee(blocks: Block[]): string | undefined {
  for (const b of blocks.slice(0, 8)) {
    if (/\b(?:kallelse|föredragningslista)\b/i.test(b.text.slice(0, 300)))
      return committeeIn(b.text.slice(0, 300).replace(/^.*?\b(?:kallelse|föredragningslista)\b/i, ''))
  }
  return undefined
}

const HEAD_LABELS = /\bTid och plats:?\s+Ordförande:?\s+Sekreterare:?\s+/u

/**
 * A notice's head printed as a column of labels, then their values, as text extraction leaves it:
 * "Tid och plats: Ordförande: Sekreterare: Onsdagen den 25 maj 2016 kl. 8.15, Borgmästaren,
 * stadshuset, Lysekil Maria Forsberg Anne-Marie Mattsson". The names begin at the first given name.
 */
function noticeHead(
  blocks: Block[],
): { date?: string; start?: string; location?: string; chair?: string; secretary?: string } | undefined {
  for (const b of blocks.slice(0, 8)) {
    const text = b.text.slice(0, 1000)
    const m = HEAD_LABELS.exec(text)
    if (!m) continue
    const value = text.slice(m.index + m[0].length, m.index + m[0].length + 300)
    const words = value.split(/\s+/)
    const first = words.findIndex(
      (w, i) => i > 0 && isFirstName(w.split('-')[0] ?? '') && /^\p{Lu}/u.test(words[i + 1] ?? ''),
    )
    if (first === -1) return undefined
    const when = words.slice(0, first).join(' ')
    const out: { date?: string; start?: string; location?: string; chair?: string; secretary?: string } = {}
    const date = findDate(when)
    if (date) out.date = date
    const start = findTimes(when).start
    if (start) out.start = start
    const place = when.replace(/^.*?\bkl\.?\s*[\d.:]+\s*,?\s*/u, '').replace(/[,\s]+$/, '')
    if (place && place !== when) out.location = place
    const second = words.findIndex(
      (w, i) => i > first + 1 && isFirstName(w.split('-')[0] ?? '') && /^\p{Lu}/u.test(words[i + 1] ?? ''),
    )
    out.chair = `${words[first]} ${words[first + 1]}`
    if (second === first + 2) out.secretary = `${words[second]} ${words[second + 1]}`
    return out
  }
  return undefined
}

// A published page's trail: "Hem > Tyresö kommun > Kommunstyrelsen > Sammanträde 2018-10-02".
export function breadcrumb(blocks: Block[]): { committee?: string; date: string } | undefined {
  for (const b of blocks.slice(0, 5)) {
    // The trail ends its block: only its tail is searched, so a block of megabytes costs nothing.
    const m = /([^>]{3,80}?)\s*>\s*Sammanträde\s+(\d{4}-\d{2}-\d{2})\s*$/u.exec(b.text.slice(-300))
    if (m?.[2]) {
      const committee = committeeIn(m[1] ?? '')
      return committee ? { committee, date: m[2] } : { date: m[2] }
    }
  }
  return undefined
}
