import type { Block } from './block.ts'

export interface SectionHeading {
  /** Index of the heading block. */
  index: number
  section: number
  /** As printed: "5", "63/20", "KS 136". */
  number: string
  /** A title on the same line as the number. */
  title?: string
}

const SECTION =
  /^(?:([\p{Lu}][\p{L}]{0,5})\s+)?§\s*(\d{1,5})(?:\s*\/\s*(\d{2,4}))?(?![\d\-–—/])(?:\s*[.:–—-]?\s+(\S.*))?$/u
const PREFIXED = /^([\p{Lu}][\p{L}]{0,4})\s+(\d{1,4})(?:\s*[.:–—-]?\s+(\S.*))?$/u
const NOT_PREFIXES = new Set([
  'Bilaga',
  'Sida',
  'Dnr',
  'Kl',
  'Punkt',
  'Kap',
  'Nr',
  'Steg',
  'Fas',
  'Rum',
  'Tid',
  'Plats',
  'Ja',
  'Nej',
  'Summa',
  'Totalt',
  'Antal',
  'Mål',
  'Del',
  'Lokal',
  'Sal',
  'Bil',
  'Avd',
  'Grupp',
  'Vecka',
  'År',
  'Kvartal',
  'Tertial',
])

/** A § heading in a block's text: "§ 5", "§ 63/20 Budget", "KS § 136 Motion om …". */
export function readSectionHeading(text: string): Omit<SectionHeading, 'index'> | undefined {
  if (text.length > 300 || !text.includes('§')) return undefined
  const m = SECTION.exec(text)
  if (!m) return undefined
  const title = m[4]?.trim()
  // A table of contents line ("§ 71 Budget ........ 4") is not a heading.
  if (title && (/\.{4,}|…{2,}|_{4,}/.test(title) || /^(?:[\d\s,–-]+)$/.test(title))) return undefined
  const section = Number(m[2])
  const printed = `${m[1] ? `${m[1]} ` : ''}${m[2]}${m[3] ? `/${m[3]}` : ''}`
  return title ? { section, number: printed, title } : { section, number: printed }
}

/**
 * Finds the § headings in reading order. Numbers must increase; a run that restarts after a table
 * of contents replaces it. Prefixed numbers without "§" ("Sn 50") count when a prefix repeats.
 */
export function findSectionHeadings(
  blocks: Block[],
  warn: (line: number, msg: string) => void,
): SectionHeading[] {
  let found: SectionHeading[] = []
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]
    if (!b || b.struck || b.style === 'item' || b.cells) continue
    const h = readSectionHeading(b.text)
    if (!h) continue
    const last = found[found.length - 1]
    if (last && h.section <= last.section) {
      const thin = found.every((f, k) => (found[k + 1]?.index ?? i) - f.index <= (f.title ? 1 : 2))
      if (thin) found = []
      else {
        warn(b.line, `§ ${h.number} efter § ${last.number}; läst som text`)
        continue
      }
    }
    found.push({ index: i, ...h })
  }
  return found.length > 0 ? found : findPrefixedHeadings(blocks)
}

function findPrefixedHeadings(blocks: Block[]): SectionHeading[] {
  const byPrefix = new Map<string, SectionHeading[]>()
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]
    if (!b || b.style === 'item' || b.cells || b.text.length > 200) continue
    const m = PREFIXED.exec(b.text)
    if (!m || NOT_PREFIXES.has(m[1] ?? '')) continue
    const prefix = m[1] ?? ''
    const list = byPrefix.get(prefix) ?? []
    const section = Number(m[2])
    if ((list[list.length - 1]?.section ?? -1) >= section) continue
    const h: SectionHeading = { index: i, section, number: `${prefix} ${m[2]}` }
    if (m[3]) h.title = m[3].trim()
    list.push(h)
    byPrefix.set(prefix, list)
  }
  let best: SectionHeading[] = []
  for (const list of byPrefix.values()) if (list.length >= 2 && list.length > best.length) best = list
  return best
}
