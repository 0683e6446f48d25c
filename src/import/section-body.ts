import type { Attachment, Item } from '../domain/publication/document-json.ts'
import { type Block, isLabel } from './block.ts'
import { joinText, paragraphs, points } from './paragraphs.ts'
import { readDissents, readMotions, readRecusals, readStatements, recusalInLine } from './positions.ts'
import { inlineSectionLabel, type PartKind, sectionLabel } from './section-labels.ts'
import { findDate } from './swedish-dates.ts'
import { readVotes } from './votes.ts'

type Warn = (line: number, msg: string) => void

interface Part {
  kind: PartKind
  blocks: Block[]
}

const REGISTRY = /^(?:dnr|diarienr|diarienummer|ärendenr|ärendenummer|diarie-?nr)\.?\s*:?\s*(.+)$/i

/** The registry numbers of a standalone "Dnr …" line, without the prefix. */
export function registryNumbersIn(text: string): string[] | undefined {
  if (text.length > 100) return undefined
  const m = REGISTRY.exec(text)
  if (!m) return undefined
  const out = (m[1] ?? '')
    .split(/\s*(?:,|;|\boch\b)\s*/)
    .map((s) => s.trim().replace(/[.,;]+$/, ''))
    .filter((s) => /\d/.test(s) && s.length <= 40)
  return out.length > 0 ? out : undefined
}

const CONNECTOR_END = /(?:\b(?:av|och|för|om|till|mellan|med|i|på|från|samt|vid|inom|enligt)|[-–,])$/i
const DECISION_SENTENCE =
  /^(?:den utsända dagordningen|dagordningen|\S*(?:nämnden|styrelsen|fullmäktige|utskottet))\s.*\b(?:godkänn(?:er|de|des|s)|beslutar|beslöt|beslutade|antar|antog|fastställ(?:er|de|des)|lägger\b.*\btill handlingarna|läggs\b.*\btill handlingarna|uppdrar)\b/i

/**
 * Reads one § (or one agenda item) from its blocks, the heading block excluded: title, registry
 * numbers, and the parts opened by labels such as "Ärendet", "Beslut", "Yrkanden", "Reservation".
 */
export function readItemBody(item: Item, blocks: Block[], inlineTitle: boolean, warn: Warn): Item {
  let i = 0
  if (!inlineTitle) {
    while (i < blocks.length && blocks[i]?.struck) i++
    const first = blocks[i]
    if (first && !sectionLabel(first.text) && !registryNumbersIn(first.text) && first.text.length < 300) {
      item.title = first.text
      i++
    }
  }
  // The title may go on: a wrapped line, or a list item after "… upphandling av".
  while (item.title && i < blocks.length) {
    const b = blocks[i]
    if (!b || sectionLabel(b.text) || registryNumbersIn(b.text) || b.text.length > 200) break
    const wraps = b.wrapped && /^\p{Ll}/u.test(b.text) && !/[.!?]$/.test(item.title)
    if (!(CONNECTOR_END.test(item.title) && !isLabel(b)) && !wraps) break
    item.title = `${item.title} ${b.text}`
    i++
  }
  const parts: Part[] = [{ kind: { kind: 'summary' }, blocks: [] }]
  const registry: string[] = []
  let sawLabel = false
  for (; i < blocks.length; i++) {
    const b = blocks[i]
    if (!b) continue
    const part = parts[parts.length - 1] as Part
    if (!sawLabel || b.text.length < 60) {
      const numbers = registryNumbersIn(b.text)
      if (numbers && (part.kind.kind === 'summary' || part.kind.kind === 'decision')) {
        registry.push(...numbers)
        continue
      }
    }
    const label = b.cells ? undefined : sectionLabel(b.text)
    if (label) {
      parts.push({ kind: label, blocks: [] })
      sawLabel = true
      continue
    }
    const inline = b.cells ? undefined : inlineSectionLabel(b.text)
    if (inline) {
      parts.push({ kind: inline.part, blocks: [{ ...b, text: inline.rest }] })
      sawLabel = true
      continue
    }
    // An unknown bold label after the decision points starts free text again (e.g. a letter).
    if (isLabel(b) && (part.kind.kind === 'decision' || part.kind.kind === 'proposal')) {
      parts.push({ kind: { kind: 'summary' }, blocks: [b] })
      continue
    }
    part.blocks.push(b)
  }
  if (registry.length > 0) item.registryNumbers = [...new Set(registry)]
  fillParts(item, parts, warn)
  flagsAndDates(item, blocks)
  return item
}

function fillParts(item: Item, parts: Part[], warn: Warn): void {
  const summary: Block[] = []
  // "Omröstning" and "Omröstningsresultat" parts describe one vote: read them together.
  const voteBlocks: Block[] = []
  let sawDecisionLabel = false
  for (const part of parts) {
    const k = part.kind
    if (part.blocks.length === 0 && k.kind !== 'immediate') continue
    switch (k.kind) {
      case 'summary':
        summary.push(...part.blocks)
        break
      case 'decision':
        sawDecisionLabel = true
        item.decision = [...(item.decision ?? []), ...points(part.blocks)]
        break
      case 'proposal':
        item.proposal = [...(item.proposal ?? []), ...points(part.blocks)]
        break
      case 'motions':
        item.motions = [...(item.motions ?? []), ...readMotions(part.blocks)]
        break
      case 'procedure': {
        const votes = readVotes(part.blocks, warn).filter((v) => v.ballots || v.yes !== undefined)
        if (votes.length > 0) item.votes = [...(item.votes ?? []), ...votes]
        const text = joinText(paragraphs(part.blocks.filter((b) => b.text.length > 0)))
        if (text)
          item.decisionProcedure = item.decisionProcedure ? `${item.decisionProcedure}\n\n${text}` : text
        break
      }
      case 'vote':
        voteBlocks.push(...part.blocks)
        break
      case 'dissent':
        item.dissents = [...(item.dissents ?? []), ...readDissents(part.blocks)]
        break
      case 'statement':
        item.statements = [...(item.statements ?? []), ...readStatements(part.blocks, k.statement)]
        break
      case 'recusal':
        item.recusals = [...(item.recusals ?? []), ...readRecusals(part.blocks)]
        break
      case 'attachments':
        item.attachments = [...(item.attachments ?? []), ...attachmentsIn(part.blocks)]
        break
      case 'immediate':
        item.immediateSignOff = true
        break
      case 'ignored':
        break
    }
  }
  if (voteBlocks.length > 0) item.votes = [...(item.votes ?? []), ...readVotes(voteBlocks, warn)]
  // Without a decision label, a closing sentence like "Nämnden lägger … till handlingarna" is the decision.
  const paras = paragraphs(summary)
  if (!sawDecisionLabel) {
    const decided = paras.filter((p) => !p.item && DECISION_SENTENCE.test(p.text) && p.text.length < 400)
    if (decided.length > 0) {
      item.decision = decided.map((p) => p.text)
      const text = joinText(paras.filter((p) => !decided.includes(p)))
      if (text) item.summary = text
      return
    }
  }
  const text = joinText(paras)
  if (text) item.summary = text
}

function attachmentsIn(blocks: Block[]): Attachment[] {
  return blocks.map((p) => {
    const a: Attachment = {
      title: p.text.replace(/^(?:bilaga\s+)?\d{1,2}[.:)]?\s+/i, (m) => (/^bilaga/i.test(m) ? m : '')),
    }
    if (p.href) a.href = p.href
    return a
  })
}

const OFFICER_REPORT = /tjänsteutlåtande|tjänsteskrivelse|tjänsteskrivelsen|tjänsteutlåtandet/i

function flagsAndDates(item: Item, blocks: Block[]): void {
  const recusals = item.recusals ?? []
  for (const b of blocks) {
    const t = b.text
    if (
      /justeras omedelbart|omedelbar justering|omedelbart justerad|förklaras omedelbart justerad/i.test(t)
    ) {
      item.immediateSignOff = true
    }
    if (
      /^(?:sekretess(?:belagt|belagd)?|omfattas av sekretess|sekretess enligt)\b/i.test(t) &&
      t.length < 200
    ) {
      item.confidential = true
    }
    if (!item.officerReportDate) {
      const m = OFFICER_REPORT.exec(t)
      if (m && t.length < 20000) {
        const date = findDate(t.slice(m.index, m.index + 90))
        if (date) item.officerReportDate = date
      }
    }
    const r = recusalInLine(t)
    if (r && !recusals.some((x) => x.name === r.name)) recusals.push(r)
  }
  if (item.title && /sekretess/i.test(item.title)) item.confidential = true
  if (recusals.length > 0) item.recusals = recusals
}
