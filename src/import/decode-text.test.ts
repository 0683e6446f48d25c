import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeText } from './decode-text.ts'

describe('decodeText', () => {
  const text = 'Socialnämnden – § 5\nÅtgärd'
  const cases: [string, Uint8Array, string][] = [
    ['UTF-8', Buffer.from(text), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    [
      'UTF-16 LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'utf-16le',
    ],
    [
      'UTF-16 BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
      'utf-16be',
    ],
    ['UTF-16 LE without BOM', Buffer.from(`${text} och lite mer text`, 'utf16le'), 'utf-16le'],
    [
      'Windows-1252',
      Buffer.from([0x53, 0x6f, 0x63, 0x69, 0x61, 0x6c, 0x6e, 0xe4, 0x6d, 0x6e, 0x64, 0x65, 0x6e, 0x20, 0x96]),
      'windows-1252',
    ],
  ]
  for (const [name, bytes, encoding] of cases) {
    it(`decodes ${name}`, () => {
      const decoded = decodeText(bytes)
      assert.equal(decoded.encoding, encoding)
      assert.ok(decoded.text.startsWith('Socialnämnden –'), decoded.text)
      assert.equal(decoded.junkRatio, 0)
    })
  }

  it('normalises line endings and non-breaking spaces, and counts control characters', () => {
    const decoded = decodeText(Buffer.from('a\r\nb\rc\u00a0d\u0000e'))
    assert.equal(decoded.text, 'a\nb\nc d e')
    assert.ok(decoded.junkRatio > 0)
  })
})
