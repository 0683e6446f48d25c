// Line separators, non-breaking spaces, C0/C1 controls other than tab, newline and form feed, and U+FFFD.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const JUNK = /\r\n?|[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd\u00a0\u202f\u2028\u2029]/g

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedText {
  text: string
  encoding: TextEncoding
  /** Share of characters that were control characters or undecodable (0..1), before cleaning. */
  junkRatio: number
}

/**
 * Decodes document bytes: a BOM decides (UTF-8, UTF-16 LE/BE), then strict UTF-8, then Windows-1252.
 * Control characters are replaced by spaces and line endings normalised to "\n"; never throws.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const { raw, encoding } = decodeRaw(bytes)
  let junk = 0
  // One pass, linear: count junk so callers can refuse binary files, then clean it away.
  const cleaned = raw.replace(JUNK, (c) => {
    if (c === '\r\n' || c === '\r' || c === '\u2028' || c === '\u2029') return '\n'
    if (c === '\u00a0' || c === '\u202f') return ' '
    junk++
    return ' '
  })
  return { text: cleaned, encoding, junkRatio: raw.length === 0 ? 0 : junk / raw.length }
}

function decodeRaw(bytes: Uint8Array): { raw: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { raw: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { raw: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { raw: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  }
  const utf16 = guessUtf16WithoutBom(bytes)
  if (utf16) return { raw: new TextDecoder(utf16).decode(bytes), encoding: utf16 }
  try {
    return { raw: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { raw: decodeWindows1252(bytes), encoding: 'windows-1252' }
  }
}

// Node's TextDecoder treats windows-1252 as Latin-1: the printable 0x80–0x9F range is mapped here.
const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = []
  for (let start = 0; start < bytes.length; start += 65536) {
    let s = ''
    const end = Math.min(bytes.length, start + 65536)
    for (let i = start; i < end; i++) {
      const b = bytes[i] ?? 0
      s += b >= 0x80 && b <= 0x9f ? (C1[b - 0x80] ?? '') : String.fromCharCode(b)
    }
    chunks.push(s)
  }
  return chunks.join('')
}

// ASCII-heavy UTF-16 without a BOM shows zero bytes in every other position.
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 16) return undefined
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le'
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be'
  return undefined
}
