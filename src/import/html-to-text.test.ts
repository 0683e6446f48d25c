import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeEntities, htmlToText } from './html-to-text.ts'
import { markdownToBlocks } from './markdown-blocks.ts'

describe('htmlToText', () => {
  it('keeps headings, bold labels, struck text, list items, links and table rows', () => {
    const html =
      '<h2>§ 5 Budget</h2><p><strong>Beslut</strong></p><ol><li>Godkänns.</li></ol>' +
      '<ul><li><del>Anna Berg (S)</del></li></ul><p><a href="/f/1">Bilagor</a></p>' +
      '<table><tr><th>Ledamot</th><th>Ja</th></tr><tr><td>Per Holm (M)</td><td>X</td></tr></table>'
    const blocks = markdownToBlocks(htmlToText(html))
    assert.deepEqual(
      blocks.map((b) => [b.style, b.text, b.struck ?? false, b.href ?? '', b.cells ?? []]),
      [
        ['heading', '§ 5 Budget', false, '', []],
        ['strong', 'Beslut', false, '', []],
        ['item', 'Godkänns.', false, '', []],
        ['item', 'Anna Berg (S)', true, '', []],
        ['text', 'Bilagor', false, '/f/1', []],
        ['text', 'Ledamot Ja', false, '', ['Ledamot', 'Ja']],
        ['text', 'Per Holm (M) X', false, '', ['Per Holm (M)', 'X']],
      ],
    )
  })

  it('skips scripts, styles and navigation and survives broken markup', () => {
    const text = htmlToText('<script>var a = "<p>x</p>"</script><nav>Meny</nav><p>Text a < b <b>fet')
    assert.equal(text.includes('var a'), false)
    assert.equal(text.includes('Meny'), false)
    assert.match(text, /Text a < b \*\*fet\*\*/)
  })

  it('decodes character references', () => {
    assert.equal(decodeEntities('&aring;&auml;&ouml; &#167; &#x2013; &amp; &okänd;'), 'åäö § – & &okänd;')
  })

  it('reads on after an inline script that compares with "<"', () => {
    const text = htmlToText(
      '<p>Före</p><script>for (var i = 0; i<items.length; i++) total += i</script><p>§ 5 Budget</p>',
    )
    assert.match(text, /Före/)
    assert.match(text, /§ 5 Budget/)
    assert.equal(text.includes('items'), false)
  })

  it('keeps an attribute value that holds ">" out of the text', () => {
    const text = htmlToText(
      '<p><a href="/f/1" title="a > b" data-x=\'c>d\'>Bilaga</a> och <span title=">">mer</span></p>',
    )
    assert.equal(text.trim(), '[Bilaga](/f/1) och mer')
  })

  it('keeps table cells apart when their end tags are left out, as HTML allows', () => {
    const blocks = markdownToBlocks(
      htmlToText('<table><tr><td>Per Holm (M)<td>Ja<tr><td>Eva Lind (S)<td>Nej</table>'),
    )
    assert.deepEqual(
      blocks.map((b) => b.cells),
      [
        ['Per Holm (M)', 'Ja'],
        ['Eva Lind (S)', 'Nej'],
      ],
    )
  })

  it('decodes every named character reference HTML defines', () => {
    assert.equal(
      htmlToText('<p>5&nbsp;000&euro; &frac12; &Omega; &rarr; &okänd;</p>').trim(),
      '5 000€ ½ Ω → &okänd;',
    )
    assert.equal(decodeEntities('&euro;&hearts;'), '€♥')
  })
})
