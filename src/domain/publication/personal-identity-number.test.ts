import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { AgendaEntry } from '../agenda/agenda.service.ts'
import type { AgendaItem } from '../agenda/agenda-item.ts'
import type { Document } from '../document/document.ts'
import {
  findPersonalIdentityNumbers,
  maskPersonalIdentityNumbers,
  passesLuhn,
} from './personal-identity-number.ts'
import {
  assertNoPersonalIdentityNumbers,
  PersonalIdentityNumbersFoundError,
  scanForPersonalIdentityNumbers,
} from './personal-identity-number-scan.ts'

describe('findPersonalIdentityNumbers', () => {
  // [text, the numbers it holds]
  const cases: Array<[string, string[]]> = [
    ['Sökande 811218-9876 har ansökt', ['811218-9876']],
    ['19121212-1212', ['19121212-1212']],
    ['191212121212 utan bindestreck', ['191212121212']],
    ['8112189876', ['8112189876']],
    ['född 121212+1212, över hundra år', ['121212+1212']],
    ['samordningsnummer 701063-2391', ['701063-2391']], // day 3 + 60
    ['000229-1235 och 20000229-1235', ['000229-1235', '20000229-1235']], // 2000 was a leap year
    ['(811218-9876).', ['811218-9876']],
    // Not personal identity numbers:
    ['811218-9875', []], // the check digit is wrong
    ['990229-1237', []], // neither 1999 nor 2099 had a 29 February (the Luhn check passes)
    ['19000229-1235', []], // 1900 was no leap year
    ['811318-9876', []], // month 13
    ['811200-9876', []], // day 0
    ['Dnr 2023/310', []],
    ['KS 2018/124 och 1.2.2-72/2022', []],
    ['Stockholms stad, organisationsnummer 212000-0142', []], // month 20
    ['Ring 08-508 290 00 eller 070-123 45 67', []],
    ['0701234567', []], // a mobile number that fails the check digit
    ['Sammanträdet 2022-12-14 kl. 13:30', []],
    ['Belopp 1234567890123 kr', []],
    ['8112189876543', []], // part of a longer number
  ]
  for (const [text, expected] of cases) {
    it(`finds ${expected.length ? expected.join(', ') : 'nothing'} in "${text}"`, () => {
      assert.deepEqual(
        findPersonalIdentityNumbers(text).map((f) => f.match),
        expected,
      )
    })
  }

  it('gives the line and column of each, counted from 1', () => {
    const text = 'Rad ett\nSökande: 811218-9876\n\n  19121212-1212'
    assert.deepEqual(findPersonalIdentityNumbers(text), [
      { match: '811218-9876', index: 17, line: 2, column: 10 },
      { match: '19121212-1212', index: 32, line: 4, column: 3 },
    ])
  })

  for (const [digits, valid] of [
    ['8112189876', true],
    ['1212121212', true],
    ['8112189875', false],
  ] as const) {
    it(`${valid ? 'passes' : 'fails'} the Luhn check for ${digits}`, () =>
      assert.equal(passesLuhn(digits), valid))
  }
})

describe('maskPersonalIdentityNumbers', () => {
  // [text, as published]
  const cases: Array<[string | null, string | null]> = [
    [null, null],
    ['', ''],
    ['Dnr 2023/310, 2022-12-14', 'Dnr 2023/310, 2022-12-14'],
    ['Sökande 811218-9876 har ansökt', 'Sökande [personnummer borttaget] har ansökt'],
    ['19121212-1212\noch 8112189876.', '[personnummer borttaget]\noch [personnummer borttaget].'],
    ['811218-9875 (fel kontrollsiffra)', '811218-9875 (fel kontrollsiffra)'],
  ]
  for (const [text, expected] of cases) {
    it(`publishes ${JSON.stringify(text)} as ${JSON.stringify(expected)}`, () =>
      assert.equal(maskPersonalIdentityNumbers(text), expected))
  }
})

describe('scanForPersonalIdentityNumbers', () => {
  let nextId = 1
  const entry = (item: Partial<AgendaItem>, attachments: Array<Partial<Document>> = []): AgendaEntry => ({
    item: {
      id: nextId++,
      meetingId: 1,
      matterId: null,
      number: null,
      position: 1,
      heading: null,
      title: 'Ärende',
      summary: null,
      proposal: [],
      officerReportOn: null,
      confidential: false,
      confidentialityGround: null,
      immediateSignOff: false,
      status: 'active',
      version: 1,
      ...item,
    },
    attachments: attachments.map((d) => ({
      id: nextId++,
      organisationId: 1,
      title: 'Bilaga',
      kind: 'bilaga',
      storageKey: null,
      sourceUrl: null,
      sha512: null,
      mimeType: null,
      sizeBytes: null,
      confidential: false,
      confidentialityGround: null,
      extractedText: null,
      datedOn: null,
      replacesDocumentId: null,
      ...d,
    })),
    changes: [],
  })

  // [what, the agenda, the places expected]
  const cases: Array<[string, AgendaEntry[], string[]]> = [
    ['a clean agenda', [entry({ number: '1', title: 'Val av justerare', summary: 'Dnr 2023/310' })], []],
    [
      'a summary',
      [entry({ number: '5', summary: 'Bakgrund\nAnsökan\nSökande 811218-9876 bor i' })],
      ['Punkt 5, sammanfattning, rad 3'],
    ],
    [
      'a title, a heading and a proposal point',
      [
        entry({
          number: '2',
          heading: 'Individärenden 19121212-1212',
          title: 'Bistånd till 811218-9876',
          proposal: ['Nämnden beslutar', 'att bevilja 701063-2391 bistånd'],
        }),
      ],
      [
        'Punkt 2, avsnittsrubrik, rad 1',
        'Punkt 2, rubrik, rad 1',
        'Punkt 2, förslag till beslut punkt 2, rad 1',
      ],
    ],
    [
      "a public attachment's name and text, numbered by position when the item has no number",
      [
        entry({ position: 7 }, [
          { title: 'Tjänsteutlåtande', extractedText: 'Sida 1\n\nPersonnummer: 8112189876' },
          { title: 'Yttrande 811218-9876' },
        ]),
      ],
      ['Punkt 7, bilagan ”Tjänsteutlåtande”, rad 3', 'Punkt 7, bilagans namn ”Yttrande 811218-9876”, rad 1'],
    ],
    [
      'a confidential item and a confidential document: not public, so not scanned',
      [
        entry({
          number: '3',
          confidential: true,
          confidentialityGround: 'OSL 26:1',
          title: 'Bistånd 811218-9876',
          summary: '19121212-1212',
        }),
        entry({ number: '4' }, [{ confidential: true, extractedText: '811218-9876' }]),
      ],
      [],
    ],
  ]
  for (const [what, agenda, expected] of cases) {
    it(`reports ${expected.length} place(s) in ${what}`, () => {
      assert.deepEqual(
        scanForPersonalIdentityNumbers(agenda).map((f) => f.place),
        expected,
      )
    })
  }

  it('names the agenda item and document, and scans other public texts', () => {
    const withAttachment = entry({ number: '1' }, [{ extractedText: 'x\n  811218-9876' }])
    const [inDocument, inReason] = scanForPersonalIdentityNumbers(
      [withAttachment],
      [{ place: 'Skäl för sen kallelse', text: 'Gäller 19121212-1212' }],
    )
    assert.deepEqual(inDocument, {
      place: 'Punkt 1, bilagan ”Bilaga”, rad 2',
      agendaItemId: withAttachment.item.id,
      documentId: withAttachment.attachments[0]?.id,
      line: 2,
      column: 3,
    })
    assert.equal(inReason?.place, 'Skäl för sen kallelse, rad 1')
  })

  it('refuses with every place and without the numbers themselves', () => {
    const agenda = [
      entry({ number: '5', summary: '811218-9876' }),
      entry({ number: '6', title: '19121212-1212' }),
    ]
    assert.throws(
      () => assertNoPersonalIdentityNumbers(agenda),
      (error: PersonalIdentityNumbersFoundError) =>
        error instanceof PersonalIdentityNumbersFoundError &&
        error.code === 'invalid_state' &&
        error.findings.length === 2 &&
        /Punkt 5, sammanfattning, rad 1; Punkt 6, rubrik, rad 1/.test(error.message) &&
        !error.message.includes('9876'),
    )
  })
})
