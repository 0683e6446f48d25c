import { type Block, squash } from './block.ts'

interface Segment {
  text: string
  bold: boolean
  struck: boolean
}

const MAX_JOINED_LINES = 4

/**
 * Turns Markdown (as converted from PDF, or from our HTML converter) into blocks: headings, bold
 * labels, list items, table rows and paragraphs; struck-through runs become struck blocks.
 */
export function markdownToBlocks(text: string): Block[] {
  const lines = text.split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1
    let line = lines[i] ?? ''
    // Bold or strike-through opened but not closed: the run continues on the next lines.
    let joined = 0
    while (
      joined < MAX_JOINED_LINES &&
      i + 1 < lines.length &&
      hasOpenRun(line) &&
      (lines[i + 1] ?? '').trim()
    ) {
      i++
      joined++
      line = `${line.replace(/\s+$/, '')} ${(lines[i] ?? '').trim()}`
    }
    pushLine(blocks, line, lineNo)
  }
  return blocks
}

function pushLine(blocks: Block[], rawLine: string, line: number): void {
  const trimmed = rawLine.trim()
  if (!trimmed) return
  if (/^(?:[-*_]\s*){3,}$/.test(trimmed)) return // thematic break
  if (trimmed.startsWith('|') && trimmed.endsWith('|') && trimmed.length > 1) {
    const cells = trimmed.slice(1, -1).split('|')
    if (cells.every((c) => /^\s*:?-+:?\s*$/.test(c))) return // the separator row
    const clean = cells.map((c) => plain(c))
    blocks.push({ text: squash(clean.join(' ')), line, style: 'text', cells: clean, layout: rawLine })
    return
  }
  const quote = /^(?:>\s?)+/.exec(trimmed)
  const body = quote ? trimmed.slice(quote[0].length) : trimmed
  const heading = /^(#{1,6})\s+(.*)$/.exec(body)
  if (heading) {
    const text = plain(heading[2] ?? '')
    if (text) blocks.push({ text, line, style: 'heading' })
    return
  }
  const link = /^\[([^\]\n]{1,300})\]\(([^)\s]{1,2000})\)$/.exec(body)
  if (link) {
    blocks.push({ text: plain(link[1] ?? ''), line, style: 'text', href: link[2] ?? '' })
    return
  }
  const item = /^([-*+•]|\d{1,3}[.)]|[A-Za-z][.)])\s+(.*)$/.exec(body)
  if (item && !body.startsWith('**')) {
    const indent = /^\s*/.exec(rawLine)?.[0].length ?? 0
    const segs = segments(item[2] ?? '').filter((s) => s.text.trim())
    const text = squash(segs.map((s) => s.text).join(''))
    const marker = item[1] ?? '-'
    const block: Block = { text, line, style: 'item', marker, depth: Math.floor(indent / 2) }
    if (segs.length > 0 && segs.every((s) => s.struck)) block.struck = true
    if (text) blocks.push(block)
    return
  }
  splitSegments(blocks, segments(body), line)
}

// A line made of bold labels and struck runs is split into one block per run; a paragraph keeps
// inline emphasis as plain text but still splits off a leading bold label ("**Tid:** kl. 17").
function splitSegments(blocks: Block[], segs: Segment[], line: number): void {
  const parts = segs.filter((s) => s.text.trim())
  if (parts.length === 0) return
  if (parts.every((s) => s.bold || s.struck)) {
    for (const s of parts) {
      const text = squash(s.text)
      if (s.struck) blocks.push({ text, line, style: 'text', struck: true })
      else blocks.push({ text, line, style: s.bold ? 'strong' : 'text' })
    }
    return
  }
  let start = 0
  const first = parts[0]
  if (first?.bold) {
    blocks.push({ text: squash(first.text), line, style: 'strong' })
    start = 1
  }
  const rest = squash(
    parts
      .slice(start)
      .map((s) => s.text)
      .join(''),
  )
  if (rest) blocks.push({ text: rest, line, style: 'text' })
}

function segments(s: string): Segment[] {
  const out: Segment[] = []
  let bold = false
  let struck = false
  let buf = ''
  const flush = () => {
    if (buf) out.push({ text: buf, bold, struck })
    buf = ''
  }
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === '\\' && i + 1 < s.length && /[*_~\\[\]#|]/.test(s[i + 1] ?? '')) {
      buf += s[++i]
      continue
    }
    if (c === '~' && s[i + 1] === '~') {
      flush()
      struck = !struck
      i++
      continue
    }
    if (c === '*') {
      let n = 1
      while (s[i + n] === '*') n++
      // "****" closes one bold run and opens the next: a boundary between two labels.
      if (n >= 2) flush()
      if (Math.floor(n / 2) % 2 === 1) bold = !bold
      i += n - 1
      continue
    }
    buf += c
  }
  flush()
  return out.map((seg) => ({ ...seg, text: stripLinks(seg.text) }))
}

function hasOpenRun(line: string): boolean {
  let bold = 0
  let strike = 0
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      i++
    } else if (line[i] === '~' && line[i + 1] === '~') {
      strike ^= 1
      i++
    } else if (line[i] === '*') {
      let n = 1
      while (line[i + n] === '*') n++
      if (Math.floor(n / 2) % 2 === 1) bold ^= 1
      i += n - 1
    }
  }
  return bold === 1 || strike === 1
}

function plain(s: string): string {
  return squash(
    segments(s)
      .map((seg) => seg.text)
      .join(''),
  )
}

// [text](href) keeps the text; a bare <https://…> keeps the address.
function stripLinks(s: string): string {
  if (!s.includes('](') && !s.includes('<')) return s
  return s
    .replace(/!?\[([^\]\n]{0,500})\]\([^)\s]{0,2000}(?:\s+"[^"\n]{0,200}")?\)/g, '$1')
    .replace(/<(https?:[^>\s]{1,2000})>/g, '$1')
}
