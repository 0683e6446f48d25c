import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDocument } from './parse-document.ts'

const parse = (text: string) => parseDocument({ bytes: Buffer.from(text), fileName: 'utdrag.txt' })

// A protocol's first page as text-extraction sites give it: the cover flattened onto one line,
// the text cut off before § 1 and its "§" signs lost.
const COVER_ONLY = `VILHELMINA KOMMUN PROTOKOLL 1(54) Socialnämnden

1 VILHELMINA KOMMUN PROTOKOLL 1(54) Plats och tid Folkets Hus, Vilhelmina, torsdagen den 9 juni 2016, kl Beslutande Annika Wibrell, ordf. Rickard Norberg Ulf Hansson (S) Övriga deltagande Roland Bång, förvaltningschef Utses att justera Rickard Norberg Underskrift Sekreterare Marianne Persson Ordförande... Annika Wibrell Justerande... Rickard Norberg

2 VILHELMINA KOMMUN PROTOKOLL 2 _ BEVIS OM ANSLAG Socialnämndens protokoll har justerats och anslagits på kommunens anslagstavla Anslaget uppsatt 2016-06-16 Anslaget nedtages 2016-07-08 Protokollet förvaras på socialförvaltningen, Vilhelmina`

describe('a document that holds only its cover page', () => {
  it('is minutes with every fact of the cover and a warning, never refused', async () => {
    const outcome = await parse(COVER_ONLY)
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason)
    const d = outcome.document
    assert.equal(d.kind, 'minutes')
    assert.deepEqual(d.items, [])
    assert.equal(d.committee, 'Socialnämnden')
    assert.deepEqual(d.meeting, { date: '2016-06-09', location: 'Folkets Hus, Vilhelmina' })
    assert.equal(d.chair, 'Annika Wibrell')
    assert.equal(d.secretary, 'Marianne Persson')
    assert.ok(d.signatories?.includes('Rickard Norberg'))
    assert.equal(d.noticePosted, '2016-06-16')
    assert.equal(d.noticeRemoved, '2016-07-08')
    assert.deepEqual(
      d.attendance?.map((a) => [a.name, a.party ?? null, a.role]),
      [
        ['Annika Wibrell', null, 'ordförande'],
        ['Rickard Norberg', null, 'ledamot'],
        ['Ulf Hansson', 'S', 'ledamot'],
        ['Roland Bång', null, 'övrig'],
      ],
    )
    assert.ok(d.warnings.some((w) => w.includes('inga paragrafer hittades')))
  })

  it('reads a notice of a meeting whose list is cut off as an agenda, with a warning', async () => {
    const outcome = await parse(
      'Kallelse till Miljö- och samhällsnämndens sammanträde\n\nOMRÖSTNINGAR LEDAMÖTER Närv Mona Modin Tjulin, ordförande, S JA NEJ Joakim Ekroth, 1:e vice ordförande, M Ralph Rodin, S Bedigt Eriksson, S ersättare\n',
    )
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason)
    assert.equal(outcome.document.kind, 'agenda')
    assert.equal(outcome.document.committee, 'Miljö- och samhällsnämnden')
    assert.deepEqual(
      outcome.document.attendance?.map((a) => [a.name, a.party, a.role]),
      [
        ['Mona Modin Tjulin', 'S', 'ordförande'],
        ['Joakim Ekroth', 'M', 'vice ordförande'],
        ['Ralph Rodin', 'S', 'ledamot'],
        ['Bedigt Eriksson', 'S', 'ersättare'],
      ],
    )
    assert.ok(outcome.document.warnings.some((w) => w.includes('inga ärenden hittades')))
  })

  it('still refuses text that holds no meeting at all', async () => {
    const outcome = await parse(
      'Plats för en ny lekpark.\nBeslutande politiker har inte tagit ställning ännu.\n',
    )
    assert.equal(outcome.ok, false)
  })
})
