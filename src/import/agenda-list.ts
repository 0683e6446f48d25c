import type { DocumentJson, Item } from '../domain/publication/document-json.ts'
import type { Block } from './block.ts'
import { committeeIn, readCover } from './cover.ts'
import { entriesAsItems, readNumberedRun } from './numbered-run.ts'
import { readItemBody } from './section-body.ts'

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
  if (Object.keys(cover.meeting).length > 0) out.meeting = { ...cover.meeting }
  if (cover.chair) out.chair = cover.chair
  // Who is called ("Kallade ledamöter", "För kännedom", "Övriga kallade"), as the notice lists them.
  if (cover.attendance.length > 0) out.attendance = cover.attendance
  return out
}

// "Kallelse till Miljö- och samhällsnämndens sammanträde": the committee a notice names first.
function noticeCommittee(blocks: Block[]): string | undefined {
  for (const b of blocks.slice(0, 5)) {
    if (/\b(?:kallelse|föredragningslista)\b/i.test(b.text))
      return committeeIn(b.text.replace(/^.*?\b(?:kallelse|föredragningslista)\b/i, ''))
  }
  return undefined
}

// A published page's trail: "Hem > Tyresö kommun > Kommunstyrelsen > Sammanträde 2018-10-02".
function breadcrumb(blocks: Block[]): { committee?: string; date: string } | undefined {
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
