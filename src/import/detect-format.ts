import type { SourceFormat } from '../domain/publication/document-json.ts'

/** True when the bytes start a PDF file ("%PDF-" within the first kilobyte). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Math.min(bytes.length, 1024)
  for (let i = 0; i + 4 < head; i++) {
    if (
      bytes[i] === 0x25 &&
      bytes[i + 1] === 0x50 &&
      bytes[i + 2] === 0x44 &&
      bytes[i + 3] === 0x46 &&
      bytes[i + 4] === 0x2d
    ) {
      return true
    }
  }
  return false
}

const HTML_START =
  /^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[\s\S]{0,2000}?-->\s*)?<(?:!doctype\s+html|html|head|body|div|p|h[1-6]|table|ul|ol|section|article|main|meta|title)\b/i
const PORTAL_FURNITURE =
  /^\s*(?:hoppa över navigering|det finns inga sammanträden att visa än|det finns ingen information att visa|inget protokoll har publicerats)\s*$/im

/**
 * The format of decoded text, judged from its content only: HTML by its tags, Markdown by its
 * markup (**, ~~, #, tables), a portal page by its furniture or "Bilagor" links; else plain text.
 */
export function detectTextFormat(text: string): Exclude<SourceFormat, 'pdf'> {
  const head = text.slice(0, 200_000)
  if (HTML_START.test(head.slice(0, 4000))) return 'html'
  const closingTags = head.match(/<\/(?:p|div|li|td|h[1-6]|span|strong|a)>/gi)?.length ?? 0
  if (closingTags >= 5) return 'html'
  if (PORTAL_FURNITURE.test(head)) return 'portal-text'
  let markup = 0
  markup += Math.min(10, head.match(/\*\*[^*\n]{1,200}\*\*/g)?.length ?? 0)
  markup += Math.min(10, head.match(/~~[^~\n]{1,200}~~/g)?.length ?? 0)
  markup += Math.min(10, head.match(/^#{1,6} \S/gm)?.length ?? 0)
  markup += Math.min(10, head.match(/^\|(?:\s*:?-{3,}:?\s*\|)+\s*$/gm)?.length ?? 0) * 3
  if (markup >= 3) return 'markdown'
  const bilagor = head.match(/^\s*Bilagor\s*$/gm)?.length ?? 0
  const bullets = head.match(/^\s*•/gm)?.length ?? 0
  const sections = head.match(/^\s*(?:[\p{Lu}][\p{L}]{0,5}\s+)?§\s*\d/gmu)?.length ?? 0
  if (sections === 0 && (bilagor >= 2 || (bilagor >= 1 && bullets >= 2))) return 'portal-text'
  return 'text'
}
