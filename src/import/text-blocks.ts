import { type Block, squash } from './block.ts'

/**
 * Turns plain text (portal pages copied from a browser, text extracted from PDFs) into blocks:
 * one per non-empty line; bullets ("•", "-", "–") become list items. Lines keep their layout so
 * that vote tables can be read by column position.
 */
export function textToBlocks(lines: string[], lineNumbers?: number[]): Block[] {
  const blocks: Block[] = []
  let previousBlank = true
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? ''
    const text = squash(raw)
    if (!text) {
      previousBlank = true
      continue
    }
    const line = lineNumbers?.[i] ?? i + 1
    const bullet = /^([•●▪◦·]|[-–*](?=\s))\s*(.*)$/.exec(text)
    if (bullet) {
      const indent = /^\s*/.exec(raw)?.[0].length ?? 0
      blocks.push({
        text: bullet[2] ?? '',
        line,
        style: 'item',
        marker: bullet[1] ?? '-',
        depth: indent > 4 ? 1 : 0,
      })
    } else {
      const block: Block = { text, line, style: 'text' }
      if (raw.length < 400 && /\S {2,}\S|\t/.test(raw)) block.layout = raw
      if (!previousBlank) block.wrapped = true
      blocks.push(block)
    }
    previousBlank = false
  }
  return blocks
}
