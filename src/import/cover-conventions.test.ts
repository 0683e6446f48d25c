import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { DocumentJson } from '../domain/publication/document-json.ts'
import { parseDocument } from './parse-document.ts'
import { readPeopleRun } from './people-run.ts'

// Cover-page conventions met in published protocols and agendas outside the corpus (invented
// documents in the national layout; the corpus in test/fixtures/corpus holds the real ones).

async function parse(text: string): Promise<DocumentJson> {
  const outcome = await parseDocument({ bytes: new TextEncoder().encode(text), fileName: 'protokoll.txt' })
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason)
  return outcome.document
}

describe('cover conventions', () => {
  it('reads a column of labels followed by their values in the same order', async () => {
    const doc = await parse(
      [
        'SAMMANTRÄDESPROTOKOLL',
        'Nämnd',
        'Sammanträdesdatum',
        'Plats och tid',
        'Socialnämnden',
        '2019-01-28',
        'Rådhuset, sal Europa, 09:00 – 14:55',
        'Utses att justera Eva Lind',
        'Paragrafer 12 – 14',
        '§ 12 Information',
        'Nämnden noterar informationen.',
      ].join('\n'),
    )
    assert.equal(doc.committee, 'Socialnämnden')
    assert.equal(doc.meeting?.date, '2019-01-28')
    assert.equal(doc.meeting?.location, 'Rådhuset, sal Europa')
    assert.equal(doc.meeting?.start, '09:00')
  })

  it('reads signatures printed as "name, role" and the posting period as "Tid för anslag"', async () => {
    const doc = await parse(
      [
        'Plats och tid Rådhuset, 09:00',
        'Utses att justera Eva Lind',
        'Underskrifter',
        'Per Holm, ordförande',
        'Anna Berg, sekreterare',
        'Eva Lind, justerare',
        'ANSLAG/BEVIS',
        'Tid för anslag 2019-02-05 – 2019-02-27',
        '§ 12 Information',
        'Nämnden noterar informationen.',
      ].join('\n'),
    )
    assert.equal(doc.chair, 'Per Holm')
    assert.equal(doc.secretary, 'Anna Berg')
    assert.ok(doc.signatories?.includes('Eva Lind'))
    assert.equal(doc.noticePosted, '2019-02-05')
    assert.equal(doc.noticeRemoved, '2019-02-27')
  })

  it('does not read the cross of an attendance table as the initial of the next name', () => {
    assert.deepEqual(
      readPeopleRun(
        'Ida Viberg (S)X Isabel Hildén (V)X Rino Hedblom (SD) X Eva-Mai Tynong (SD)X',
        'ledamot',
      ).map((p) => [p.name, p.party]),
      [
        ['Ida Viberg', 'S'],
        ['Isabel Hildén', 'V'],
        ['Rino Hedblom', 'SD'],
        ['Eva-Mai Tynong', 'SD'],
      ],
    )
  })
})
