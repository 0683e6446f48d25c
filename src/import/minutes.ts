import type { DocumentJson, Item, SignOff } from '../domain/publication/document-json.ts'
import { breadcrumb } from './agenda-list.ts'
import { type Block, isLabel } from './block.ts'
import { committeeIn, readCover } from './cover.ts'
import { readInlineSections } from './inline-sections.ts'
import { entriesAsItems, readNumberedRun } from './numbered-run.ts'
import { trailingName } from './people.ts'
import { readItemBody } from './section-body.ts'
import type { SectionHeading } from './sections.ts'

type Warn = (line: number, msg: string) => void
export type MinutesPart = Omit<DocumentJson, 'kind' | 'source' | 'warnings'>

const TRAILING_COVER =
  /^(?:anslag\s*\/\s*bevis|anslag|bevis|underskrifter|protokollet är justerat\b.*|justeringen har tillkännagivits\b.*)$/i

/**
 * Reads a protocol whose § headings are known: the cover before the first § (and an ANSLAG/BEVIS
 * box or signatures after the last), then every § as an item. Sign-offs list every §.
 */
export function readMinutes(blocks: Block[], headings: SectionHeading[], warn: Warn): MinutesPart {
  const firstIndex = headings[0]?.index ?? blocks.length
  let tailStart = blocks.length
  const lastHeading = headings[headings.length - 1]
  if (lastHeading) {
    for (let i = lastHeading.index + 1; i < blocks.length; i++) {
      if (TRAILING_COVER.test(blocks[i]?.text ?? '')) {
        tailStart = i
        break
      }
    }
  }
  const cover = readCover([...blocks.slice(0, firstIndex), ...blocks.slice(tailStart)])
  const items: Item[] = headings.map((h, k) => {
    const end = Math.min(headings[k + 1]?.index ?? tailStart, tailStart)
    const item: Item = { number: h.number, section: h.section }
    if (h.title) item.title = h.title
    const body = blocks.slice(h.index + 1, Math.max(h.index + 1, end))
    return readItemBody(item, body, h.title !== undefined, warn)
  })
  warnIfCutOff(blocks, tailStart, items, warn)
  // No § in the text (cut off, or "§" lost in extraction): the table of contents still lists them.
  if (items.length === 0) {
    const listed = entriesAsItems(readNumberedRun(textOf(blocks)), 'minutes')
    const inline = entriesAsItems(readInlineSections(textOf(blocks, '\n'), cover.sections), 'minutes')
    if (listed.length === 0 && inline.length > 0) {
      items.push(...inline)
      warn(
        0,
        `§ saknas i texten; paragraferna ${inline.map((i) => i.number).join(', ')} lästes ur sidornas rubriker`,
      )
    } else if (listed.length > 0) {
      items.push(...listed)
      warn(
        0,
        `paragraferna ${listed[0]?.number}–${listed[listed.length - 1]?.number} lästes ur innehållsförteckningen; deras text saknas`,
      )
    }
  }

  const out: MinutesPart = { items }
  if (cover.organisation) out.organisation = cover.organisation
  // A published page's trail names the committee and the date ("Hem > Ljungby kommun >
  // Kommunfullmäktige > Sammanträde 2011-03-01") where its minutes print no cover.
  const trail = breadcrumb(blocks)
  const committee = cover.committee ?? committeeFromLabels(blocks) ?? trail?.committee
  if (committee) out.committee = committee
  if (trail?.date && !cover.meeting.date) cover.meeting.date = trail.date
  if (Object.keys(cover.meeting).length > 0) out.meeting = cover.meeting
  const numbers = items.map((i) => i.section ?? 0)
  const first = Math.min(...numbers)
  const last = Math.max(...numbers)
  // "Paragrafer 266–284" on the cover covers more than the §§ of a text that ends early.
  if (
    cover.sections &&
    (numbers.length === 0 || (cover.sections.first <= first && cover.sections.last >= last))
  )
    out.sections = cover.sections
  else if (numbers.length > 0) out.sections = { first, last }

  const attendance = cover.attendance
  const head = cover.chair && cover.secretary ? '' : textOf(blocks.slice(0, 40)).slice(0, 8000)
  const chair =
    cover.chair ??
    attendance.find((a) => a.role === 'ordförande' && a.present)?.name ??
    signedAs(head, 'ordförande')
  if (chair) out.chair = chair
  const secretary =
    cover.secretary ??
    attendance.find((a) => a.present && /sekreterare|protokollförare/i.test(a.title ?? ''))?.name ??
    signedAs(head, 'sekreterare')
  if (secretary) out.secretary = secretary
  const signatories = [
    ...new Set([...(chair ? [chair] : []), ...cover.signatories, ...cover.appointedSignatories]),
  ]
  if (signatories.length > 0 && (cover.signatories.length > 0 || cover.appointedSignatories.length > 0)) {
    out.signatories = signatories
  }
  const signOffs = signOffsFor(cover.signOffs, items, cover.meeting.date)
  if (signOffs.length > 0) out.signOffs = signOffs
  if (cover.noticePosted) out.noticePosted = cover.noticePosted
  if (cover.noticeRemoved) out.noticeRemoved = cover.noticeRemoved
  if (cover.appealDeadline) out.appealDeadline = cover.appealDeadline
  if (attendance.length > 0) out.attendance = attendance
  return out
}

// A sign-off stated without §§ covers every § not signed off otherwise; §§ adjusted immediately
// without a stated occasion were signed off at the meeting itself.
function signOffsFor(stated: SignOff[], items: Item[], meetingDate: string | undefined): SignOff[] {
  const all = items.map((i) => i.section).filter((n): n is number => n !== undefined)
  const named = new Set(stated.flatMap((s) => s.sections))
  const out: SignOff[] = []
  const immediate = items
    .filter((i) => i.immediateSignOff && i.section !== undefined && !named.has(i.section))
    .map((i) => i.section as number)
  if (immediate.length > 0 && meetingDate) out.push({ sections: immediate, date: meetingDate })
  const taken = new Set([...named, ...(meetingDate ? immediate : [])])
  for (const s of stated) {
    if (s.sections.length > 0) out.push(s)
    else {
      const rest = all.filter((n) => !taken.has(n))
      if (rest.length > 0) out.push({ ...s, sections: rest })
    }
  }
  return out
}

/**
 * "Johan Utter, sekreterare … Per-Erik Andersson (S), ordförande": a name followed by its role after a
 * comma, as signature blocks and lists print them, when the cover named no one in that role.
 */
function signedAs(text: string, role: 'ordförande' | 'sekreterare'): string | undefined {
  const re = new RegExp(
    `(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,3})(?:\\s*\\(\\p{L}{1,5}\\))?,\\s*${role}(?![\\p{L}])`,
    'gu',
  )
  for (const m of text.matchAll(re)) {
    const name = trailingName(m[1] ?? '')
    if (name && name.split(' ').length >= 2) return name
  }
  return undefined
}

function textOf(blocks: Block[], separator = ' '): string {
  let text = ''
  for (const b of blocks) {
    if (text.length > 30_000) break
    text += `${b.text.slice(0, 30_000)}${separator}`
  }
  return text
}

function committeeFromLabels(blocks: Block[]): string | undefined {
  for (const b of blocks.slice(0, 5000)) {
    const m = /^(\p{L}+)s (?:beslut|förslag till \p{L}+)$/u.exec(b.text)
    if (m && (isLabel(b) || b.text.length < 40)) {
      const c = committeeIn(m[1] ?? '')
      if (c) return c
    }
  }
  return undefined
}

function warnIfCutOff(blocks: Block[], tailStart: number, items: Item[], warn: Warn): void {
  const last = blocks[tailStart - 1]
  const lastItem = items[items.length - 1]
  if (!last || !lastItem) return
  const empty = !lastItem.summary && !lastItem.decision && !lastItem.title
  if (empty) warn(last.line, `§ ${lastItem.number} är tom; dokumentet kan vara avkortat`)
}
