import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatFileSize } from './attachment-link.tsx'

describe('formatFileSize', () => {
  const cases: Array<[number, string]> = [
    [0, '1 kB'],
    [700, '1 kB'],
    [350 * 1024, '350 kB'],
    [1.2 * 1024 * 1024, '1,2 MB'],
    [12.6 * 1024 * 1024, '13 MB'],
  ]
  for (const [bytes, text] of cases) {
    it(`shows ${bytes} bytes as ${text}`, () => assert.equal(formatFileSize(bytes), text))
  }
})
