import type { Attachment, Item, Meeting } from '../domain/publication/document-json.ts'
import type { Block } from './block.ts'
import { committeeIn } from './cover.ts'
import { joinText, paragraphs } from './paragraphs.ts'
import { findDate, findTimes } from './swedish-dates.ts'

export interface PortalPage {
  items: Item[]
  meeting: Meeting
  committee?: string
  minutesPublished?: false
}

const FURNITURE =
  /^(?:hoppa över navigering(?:en)?|gå direkt till (?:innehåll|huvudinnehåll)|till huvudinnehåll|det finns inga sammanträden att visa än|det finns ingen information att visa|inget protokoll har publicerats|vi använder cookies\b.*|acceptera(?: alla)? cookies|godkänn(?: alla)? cookies|läs mer om (?:cookies|kakor)|om cookies|neka cookies|stäng|meny|sök|logga in)\.?$/i
const NO_MINUTES = /^inget protokoll har publicerats\.?$/i
const ATTACHMENTS = /^(?:bilagor|bilaga|handlingar)$/i

/** True when the text shows a portal meeting page: its furniture, or "Bilagor" links without §§. */
export function looksLikePortal(blocks: Block[], sectionHeadings: number): boolean {
  let bilagor = 0
  for (const b of blocks) {
    if (FURNITURE.test(b.text)) return true
    if (ATTACHMENTS.test(b.text)) bilagor++
  }
  return bilagor >= 2 && sectionHeadings === 0
}

function titleLike(text: string): boolean {
  return text.length <= 160 && /^[\p{Lu}\d]/u.test(text) && !/[.:;!?]$/.test(text)
}

interface Draft {
  number?: string
  title?: string
  heading?: string
  body: Block[]
  attachments: Attachment[]
  described: boolean
}

/**
 * Reads a portal meeting page copied from a browser (or its HTML): numbered bullets give items with
 * titles; items whose title was lost are described items, their text ending with "Bilagor".
 * Described items between numbered ones are numbered in order.
 */
export function readPortalPage(blocks: Block[], warn: (line: number, msg: string) => void): PortalPage {
  const page: PortalPage = { items: [], meeting: {} }
  const content: Block[] = []
  for (const b of blocks) {
    if (NO_MINUTES.test(b.text)) page.minutesPublished = false
    if (!FURNITURE.test(b.text)) content.push(b)
  }
  const bulleted = content.some((b) => b.style === 'item' && /^\d{1,3}$/.test(b.text))
  const drafts = bulleted ? byBullets(content, page) : byAttachmentLinks(content, page)
  page.items = numberDescribed(drafts, warn).map(toItem)
  return page
}

function header(page: PortalPage, b: Block): void {
  if (!page.committee && b.text.length < 60) {
    const c = committeeIn(b.text)
    if (c && c.toLowerCase() === b.text.toLowerCase()) page.committee = c
  }
  if (!page.meeting.date) {
    const d = findDate(b.text)
    if (d && b.text.length < 120) {
      page.meeting.date = d
      const t = findTimes(b.text)
      if (t.start) page.meeting.start = t.start
      if (t.end) page.meeting.end = t.end
    }
  }
  const place = /^(?:plats|lokal)\s*:?\s+(.+)$/i.exec(b.text)
  if (place?.[1]) page.meeting.location = place[1]
}

function byBullets(blocks: Block[], page: PortalPage): Draft[] {
  const drafts: Draft[] = []
  let heading: string | undefined
  let draft: Draft | undefined
  for (const b of blocks) {
    if (draft?.number && !draft.title && draft.body.length === 0 && b.style !== 'item') {
      draft.title = b.text
      continue
    }
    if (b.style === 'heading' && !draft?.described) {
      if (drafts.length === 0) header(page, b)
      else heading = b.text
      continue
    }
    if (b.style === 'item' && (b.depth ?? 0) === 0) {
      const numbered = /^\d{1,3}$/.test(b.text)
      draft = { body: numbered ? [] : [b], attachments: [], described: !numbered }
      if (numbered) draft.number = b.text
      if (heading) draft.heading = heading
      drafts.push(draft)
      continue
    }
    if (!draft) {
      header(page, b)
      continue
    }
    if (ATTACHMENTS.test(b.text)) {
      draft.attachments.push(b.href ? { title: b.text, href: b.href } : { title: b.text })
      continue
    }
    draft.body.push(b)
  }
  return drafts
}

// Without bullets (seed 000) the "Bilagor" links delimit the described items. Before the first one,
// leading title-like lines are standard items; after the last one, trailing ones are closing items.
function byAttachmentLinks(blocks: Block[], page: PortalPage): Draft[] {
  const segments: Block[][] = [[]]
  const links: (Block | undefined)[] = []
  let heading: string | undefined
  const headings: (string | undefined)[] = []
  for (const b of blocks) {
    if (b.style === 'heading') {
      if (segments.length === 1 && (segments[0]?.length ?? 0) === 0) header(page, b)
      else heading = b.text
      continue
    }
    if (ATTACHMENTS.test(b.text)) {
      links.push(b)
      headings.push(heading)
      segments.push([])
      continue
    }
    segments[segments.length - 1]?.push(b)
  }
  const drafts: Draft[] = []
  segments.forEach((seg, k) => {
    const first = k === 0
    const last = k === segments.length - 1
    let start = 0
    let end = seg.length
    const leading: Block[] = []
    const trailing: Block[] = []
    if (first) {
      while (start < end && titleLike(seg[start]?.text ?? '') && seg[start]?.style !== 'item')
        leading.push(seg[start++] as Block)
    }
    if (last) {
      while (end > start && titleLike(seg[end - 1]?.text ?? '')) trailing.unshift(seg[--end] as Block)
    }
    for (const b of leading) drafts.push({ title: b.text, body: [], attachments: [], described: false })
    const body = seg.slice(start, end)
    if (body.length > 0) {
      const d: Draft = { body, attachments: [], described: true }
      if (!first && titleLike(body[0]?.text ?? '') && body.length > 1) {
        d.title = body[0]?.text
        d.body = body.slice(1)
      }
      const link = links[k]
      if (link) d.attachments.push(link.href ? { title: link.text, href: link.href } : { title: link.text })
      const h = headings[k]
      if (h) d.heading = h
      drafts.push(d)
    }
    for (const b of trailing) drafts.push({ title: b.text, body: [], attachments: [], described: false })
  })
  return drafts
}

function numberDescribed(drafts: Draft[], warn: (line: number, msg: string) => void): Draft[] {
  let previous: number | undefined
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i] as Draft
    if (d.number) {
      previous = Number(d.number)
      continue
    }
    if (previous === undefined || !d.described) continue
    const next = drafts.slice(i + 1).find((x) => x.number)
    const candidate = previous + 1
    if (next && candidate >= Number(next.number)) {
      warn(
        d.body[0]?.line ?? 0,
        `fler beskrivna ärenden än nummer mellan ${previous} och ${next.number}; lämnade utan nummer`,
      )
      previous = undefined
      continue
    }
    d.number = String(candidate)
    previous = candidate
  }
  return drafts
}

const PARENTHESISED_DNR =
  /\((\d{4}\/\d{1,6})\)|\b[Dd]nr\.?\s*:?\s*((?:[A-ZÅÄÖ]{1,5}\s)?\d[\d.:-]*\/\d{2,4}|\d{4}\/\d{1,6})/g

function toItem(d: Draft): Item {
  const item: Item = {}
  if (d.number) item.number = d.number
  if (d.title) item.title = d.title
  if (d.heading) item.heading = d.heading
  const summary = joinText(paragraphs(d.body))
  if (summary) {
    item.summary = summary
    const dnr = [...summary.slice(0, 5000).matchAll(PARENTHESISED_DNR)]
      .map((m) => m[1] ?? m[2] ?? '')
      .filter(Boolean)
    if (dnr.length > 0) item.registryNumbers = [...new Set(dnr)]
  }
  if (d.attachments.length > 0) item.attachments = d.attachments
  return item
}
