import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectTextFormat, isPdf } from './detect-format.ts'

describe('detectTextFormat', () => {
  const cases: [string, string][] = [
    ['<!DOCTYPE html><html><body><p>§ 1</p></body></html>', 'html'],
    ['<div><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p></div>', 'html'],
    ['## Protokoll\n\n**§ 1**\n\n**Beslut**\n\n~~Anna Berg (S)~~', 'markdown'],
    ['Hoppa över navigering\n • 1\n Godkännande av dagordning', 'portal-text'],
    ['Text om ärendet.\nBilagor\nMer text.\nBilagor\n', 'portal-text'],
    ['KS § 71 Val av justerare\nKommunstyrelsen beslutar\natt utse Per Holm (M).', 'text'],
    ['§ 5 Budget **viktigt**', 'text'],
  ]
  for (const [text, format] of cases) {
    it(`reads ${JSON.stringify(text.slice(0, 30))} as ${format}`, () =>
      assert.equal(detectTextFormat(text), format))
  }

  it('recognises a PDF by its magic number, not its name', () => {
    assert.equal(isPdf(Buffer.from('%PDF-1.7\n...')), true)
    assert.equal(isPdf(Buffer.from('\n\n%PDF-1.4')), true)
    assert.equal(isPdf(Buffer.from('PDF protokoll')), false)
  })
})
