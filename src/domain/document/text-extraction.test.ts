import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { strToU8, zipSync } from 'fflate'
import { docxFile } from '../../../test/support/document-files.ts'
import { isZip, officeParts, sniffFileType } from './file-sniffing.ts'
import { extractDocumentText, xmlText } from './text-extraction.ts'
import { readZipParts } from './zip-parts.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-extraction-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const onDisk = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name)
  writeFileSync(file, bytes)
  return file
}

describe('xmlText', () => {
  const cases: Array<[string, string]> = [
    ['<p>Taxor &amp; avgifter</p>', 'Taxor & avgifter'],
    ['&lt;b&gt; &quot;citat&quot; &apos;x&apos;', '<b> "citat" \'x\''],
    ['&#229;&#xE4;&#xf6;', 'åäö'],
    ['&amp;lt;', '&lt;'], // decoded once, not twice
    ['&okänd; &#0;', '&okänd; &#0;'],
  ]
  for (const [xml, text] of cases) {
    it(`reads ${xml} as ${text}`, () => {
      assert.equal(xmlText(new TextEncoder().encode(xml), []), text)
    })
  }
})

describe('readZipParts', () => {
  it('reads the named parts of an office file and nothing else', async () => {
    const file = onDisk('a.docx', docxFile(['Hej']))
    const parts = await readZipParts(file, Object.values(officeParts))
    assert.deepEqual([...parts.keys()].sort(), [officeParts.contentTypes, officeParts.docxText].sort())
  })

  it('leaves out a part that inflates past 32 MiB (a zip bomb), so the file has no text', async () => {
    const bomb = zipSync({
      '[Content_Types].xml': strToU8(
        '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      'word/document.xml': new Uint8Array(40 * 1024 * 1024),
    })
    const file = onDisk('bomb.docx', bomb)
    const parts = await readZipParts(file, Object.values(officeParts))
    assert.equal(parts.has(officeParts.docxText), false)
    assert.equal(sniffFileType(bomb.subarray(0, 16), parts), 'docx')
    assert.equal(await extractDocumentText(file, 'docx', bomb.length, parts), null)
  })

  it('gives nothing for a damaged archive', async () => {
    const damaged = docxFile(['Hej']).slice(0, 200)
    assert.ok(isZip(damaged))
    assert.equal((await readZipParts(onDisk('damaged.docx', damaged), Object.values(officeParts))).size, 0)
  })
})
