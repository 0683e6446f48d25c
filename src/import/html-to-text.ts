import { type DefaultTreeAdapterTypes, parse, parseFragment } from 'parse5'

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.ParentNode
type Element = DefaultTreeAdapterTypes.Element

/**
 * Converts HTML to the Markdown-like text that markdownToBlocks reads: headings as "#", bold as
 * "**", struck text (del, s, strike) as "~~", list items as "- " or "1. ", table rows as "| a | b |"
 * and links as "[text](href)". The document is parsed as a browser would (parse5, the WHATWG
 * algorithm): scripts end only at </script>, attribute values may hold ">", end tags that HTML
 * lets a writer leave out (</td>, </li>, </p>) are implied and every named character reference
 * is decoded.
 */
export function htmlToText(html: string): string {
  const out = new Output()
  const lists: { ordered: boolean; n: number }[] = []
  // An explicit stack instead of recursion: published pages nest thousands of levels deep at worst.
  const stack: { node: Node; leaving: boolean }[] = [{ node: parse(html), leaving: false }]
  while (stack.length > 0) {
    const { node, leaving } = stack.pop() as { node: Node; leaving: boolean }
    if (node.nodeName === '#text') {
      out.text((node as DefaultTreeAdapterTypes.TextNode).value)
      continue
    }
    if (!('childNodes' in node)) continue
    const element = 'tagName' in node ? node : undefined
    if (element && SKIPPED.has(element.tagName)) continue
    if (leaving) {
      if (element) applyTag(out, lists, tagOf(element, true))
      continue
    }
    if (element) {
      applyTag(out, lists, tagOf(element, false))
      stack.push({ node, leaving: true })
    }
    const children = node.nodeName === 'template' ? [] : node.childNodes
    for (let k = children.length - 1; k >= 0; k--) stack.push({ node: children[k] as Node, leaving: false })
  }
  return out.finish()
}

interface Tag {
  name: string
  closing: boolean
  href?: string
}

function tagOf(element: Element, closing: boolean): Tag {
  const tag: Tag = { name: element.tagName, closing }
  if (element.tagName === 'a' && !closing) {
    const href = element.attrs.find((a) => a.name === 'href')?.value.trim()
    if (href) tag.href = href
  }
  return tag
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

/** Decodes HTML character references, every name HTML defines; unknown names are kept as printed. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  const fragment = parseFragment(`<textarea>\n${s.replace(/</g, '&lt;')}</textarea>`)
  const textarea = fragment.childNodes[0]
  const text = textarea && 'childNodes' in textarea ? textarea.childNodes[0] : undefined
  return text && 'value' in text ? text.value : s
}
