/**
 * Converts HTML to the Markdown-like text that markdownToBlocks reads: headings as "#", bold as
 * "**", struck text (del, s, strike) as "~~", list items as "- " or "1. ", table rows as "| a | b |"
 * and links as "[text](href)". A single linear scan; tolerant of broken markup.
 */
export function htmlToText(html: string): string {
  const out = new Output()
  const lists: { ordered: boolean; n: number }[] = []
  let skipUntil = ''
  let i = 0
  let gt = -1
  const n = html.length
  while (i < n) {
    const lt = html.indexOf('<', i)
    const textEnd = lt === -1 ? n : lt
    if (textEnd > i) {
      if (!skipUntil) out.text(decodeEntities(html.slice(i, textEnd)))
      i = textEnd
      continue
    }
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4)
      i = end === -1 ? n : end + 3
      continue
    }
    // '>' positions only move forward: reuse the last one found, so stray '<' stay linear.
    if (gt <= i) gt = html.indexOf('>', i + 1)
    if (gt === -1) {
      if (!skipUntil) out.text(decodeEntities(html.slice(i)))
      break
    }
    const tag = gt - i < 4000 ? parseTag(html.slice(i + 1, gt)) : undefined
    if (!tag) {
      if (!skipUntil) out.text('<')
      i++
      continue
    }
    i = gt + 1
    if (skipUntil) {
      if (tag.closing && tag.name === skipUntil) skipUntil = ''
      continue
    }
    if (!tag.closing && SKIPPED.has(tag.name) && !tag.selfClosing) {
      skipUntil = tag.name
      continue
    }
    applyTag(out, lists, tag)
  }
  return out.finish()
}

interface Tag {
  name: string
  closing: boolean
  selfClosing: boolean
  href?: string
}

const SKIPPED = new Set([
  'script',
  'style',
  'head',
  'template',
  'svg',
  'noscript',
  'nav',
  'select',
  'button',
  'footer',
])
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'blockquote',
  'dd',
  'dt',
  'dl',
  'form',
  'fieldset',
  'figure',
  'figcaption',
  'address',
  'pre',
  'caption',
  'body',
  'html',
  'hr',
  'header',
])

function applyTag(out: Output, lists: { ordered: boolean; n: number }[], tag: Tag): void {
  const { name, closing } = tag
  if (/^h[1-6]$/.test(name)) {
    out.paragraph()
    if (!closing) out.raw(`${'#'.repeat(Number(name[1]))} `)
    return
  }
  switch (name) {
    case 'br':
      out.newline()
      return
    case 'strong':
    case 'b':
      out.toggle('**', !closing)
      return
    case 'del':
    case 's':
    case 'strike':
      out.toggle('~~', !closing)
      return
    case 'ul':
    case 'ol':
      if (closing) lists.pop()
      else lists.push({ ordered: name === 'ol', n: 0 })
      out.paragraph()
      return
    case 'li': {
      if (closing) out.dropMarker()
      out.newline()
      if (closing) return
      const list = lists[lists.length - 1]
      const indent = '  '.repeat(Math.max(0, Math.min(lists.length - 1, 5)))
      if (list?.ordered) out.raw(`${indent}${++list.n}. `)
      else out.raw(`${indent}- `)
      return
    }
    case 'tr':
      out.newline()
      if (!closing) out.raw('|')
      return
    case 'td':
    case 'th':
      if (closing) out.raw(' |')
      else out.raw(' ')
      return
    case 'table':
    case 'thead':
    case 'tbody':
      out.paragraph()
      return
    case 'a':
      if (closing) out.closeLink()
      else out.openLink(tag.href)
      return
    default:
      if (BLOCKS.has(name)) out.paragraph()
  }
}

function parseTag(inner: string): Tag | undefined {
  const m = /^(\/?)([a-zA-Z][a-zA-Z0-9-]{0,20})/.exec(inner)
  if (!m)
    return inner.startsWith('!') || inner.startsWith('?')
      ? { name: '!', closing: false, selfClosing: true }
      : undefined
  const tag: Tag = {
    name: (m[2] ?? '').toLowerCase(),
    closing: m[1] === '/',
    selfClosing: inner.endsWith('/'),
  }
  if (tag.name === 'a' && !tag.closing) {
    const href = /\bhref\s*=\s*(?:"([^"]{0,2000})"|'([^']{0,2000})'|([^\s>]{1,2000}))/i.exec(inner)
    const value = href?.[1] ?? href?.[2] ?? href?.[3]
    if (value) tag.href = decodeEntities(value)
  }
  return tag
}

class Output {
  private parts: string[] = []
  private line = ''
  private open: string[] = []
  private link: { href?: string; start: number } | undefined

  text(s: string): void {
    const t = s.replace(/\s+/g, ' ').replace(/([*~|\\[\]])/g, '\\$1')
    if (!t.trim() && (this.line === '' || this.line.endsWith(' '))) return
    this.line += this.line === '' ? t.trimStart() : t
  }

  raw(s: string): void {
    this.line += s
  }

  toggle(marker: string, opening: boolean): void {
    const at = this.open.lastIndexOf(marker)
    if (opening) {
      if (at !== -1) return
      this.open.push(marker)
      this.line += marker
    } else if (at !== -1) {
      this.open.splice(at, 1)
      this.line = this.line.replace(/\s+$/, '')
      this.line += marker
    }
  }

  openLink(href: string | undefined): void {
    this.link = { start: this.line.length, ...(href ? { href } : {}) }
  }

  closeLink(): void {
    const link = this.link
    this.link = undefined
    if (!link?.href || link.start > this.line.length) return
    const label = this.line.slice(link.start).trim()
    if (!label) return
    this.line = `${this.line.slice(0, link.start)}[${label}](${link.href.replace(/[()\s]/g, encodeURIComponent)})`
  }

  newline(): void {
    // A list item's marker waits for the item's first text, even across a <p> or <div>.
    if (/^\s*(?:-|\d{1,3}\.) $/.test(this.line)) return
    const reopen = this.open.slice()
    for (const m of [...reopen].reverse()) this.line = this.line.replace(/\s+$/, '') + m
    this.parts.push(this.line.replace(/\s+$/, ''))
    this.line = reopen.join('')
    this.link = undefined
  }

  dropMarker(): void {
    if (/^\s*(?:-|\d{1,3}\.) $/.test(this.line)) this.line = ''
  }

  paragraph(): void {
    this.newline()
    this.parts.push('')
  }

  finish(): string {
    this.newline()
    return this.parts
      .map((l) => l.replace(/^(\*\*|~~)+$/, ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
  }
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  ndash: '–',
  mdash: '—',
  sect: '§',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  laquo: '«',
  raquo: '»',
  aring: 'å',
  auml: 'ä',
  ouml: 'ö',
  Aring: 'Å',
  Auml: 'Ä',
  Ouml: 'Ö',
  eacute: 'é',
  Eacute: 'É',
  uuml: 'ü',
  Uuml: 'Ü',
  aacute: 'á',
  oslash: 'ø',
  aelig: 'æ',
  bull: '•',
  middot: '·',
  copy: '©',
}

/** Decodes HTML character references; unknown names are kept as printed. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,10});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1))
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : ' '
    }
    return NAMED[ref] ?? whole
  })
}
