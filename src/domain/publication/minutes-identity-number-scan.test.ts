import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Section } from '../minutes/minutes.ts'
import type { SectionRecord } from '../minutes/minutes-record.ts'
import type { Vote } from '../vote/vote.ts'
import {
  assertNoPersonalIdentityNumbersInSections,
  scanSectionsForPersonalIdentityNumbers,
} from './minutes-identity-number-scan.ts'
import { PersonalIdentityNumbersFoundError } from './personal-identity-number-scan.ts'

let nextId = 1
const record = (
  section: Partial<Section>,
  parts: Partial<Omit<SectionRecord, 'section' | 'votes'>> & { votes?: Array<Partial<Vote>> } = {},
): SectionRecord => {
  const number = section.number ?? 1
  const sectionId = nextId++
  return {
    section: {
      id: sectionId,
      minutesId: 1,
      agendaItemId: null,
      number,
      label: `§ ${number}`,
      title: 'Ärende',
      summary: null,
      decision: [],
      decisionProcedure: null,
      outcome: 'decided',
      confidential: false,
      immediateSignOff: false,
      version: 1,
      ...section,
    },
    motions: [],
    dissents: [],
    statements: [],
    recusals: [],
    services: [],
    signOff: undefined,
    rectifications: [],
    appealDays: [],
    ...parts,
    votes: (parts.votes ?? []).map((v) => ({
      id: nextId++,
      sectionId,
      position: 1,
      kind: 'open',
      question: 'Bifall eller avslag?',
      yesMeans: null,
      noMeans: null,
      yes: 3,
      no: 2,
      abstain: 0,
      outcome: 'yes',
      decidedBy: 'majority',
      result: null,
      ballots: [],
      ...v,
    })),
  }
}
const author = { personId: 1, partyId: null, andOthers: false }
const pnr = '811218-9876'

describe('scanSectionsForPersonalIdentityNumbers', () => {
  // [what, the §§, the places expected]
  const cases: Array<[string, SectionRecord[], string[]]> = [
    [
      'a clean §, with a registry number and a date',
      [record({ number: 1, summary: 'Dnr 2023/310, beslut 2022-12-14', decision: ['att anta planen'] })],
      [],
    ],
    [
      'the title, the summary and a decision point',
      [
        record({
          number: 5,
          title: `Bistånd ${pnr}`,
          summary: `Bakgrund\nSökande ${pnr}`,
          decision: ['Nämnden beslutar', `att bevilja ${pnr} bistånd`],
        }),
      ],
      ['§ 5, rubrik, rad 1', '§ 5, sammanfattning, rad 2', '§ 5, beslut punkt 2, rad 1'],
    ],
    [
      'a motion, its point and the decision procedure',
      [
        record(
          { number: 3, decisionProcedure: `Ordföranden ställer proposition\n\n${pnr}` },
          {
            motions: [
              { id: 1, sectionId: 0, position: 1, kind: null, text: 'Bifall', points: [], authors: [author] },
              {
                id: 2,
                sectionId: 0,
                position: 2,
                kind: 'amend',
                text: `Ändring för ${pnr}`,
                points: ['att ändra', `att ${pnr} får`],
                authors: [author],
              },
            ],
          },
        ),
      ],
      ['§ 3, yrkande 2, rad 1', '§ 3, yrkande 2 punkt 2, rad 1', '§ 3, beslutsordning, rad 3'],
    ],
    [
      'a vote: its question, what yes and no mean, and its result',
      [
        record(
          { number: 7 },
          {
            votes: [
              {},
              { question: `Bifall för ${pnr}?`, yesMeans: pnr, noMeans: `avslag\n${pnr}`, result: pnr },
            ],
          },
        ),
      ],
      [
        '§ 7, omröstning 2, fråga, rad 1',
        '§ 7, omröstning 2, ja-röst för, rad 1',
        '§ 7, omröstning 2, nej-röst för, rad 2',
        '§ 7, omröstning 2, resultat, rad 1',
      ],
    ],
    [
      'a dissent, statements numbered within their kind, a recusal and a rectification',
      [
        record(
          { number: 9, label: 'KS § 9' },
          {
            dissents: [
              { id: 1, sectionId: 0, position: 1, text: 'Vi reserverar oss.', authors: [author] },
              { id: 2, sectionId: 0, position: 2, text: `Rad ett\nRad två\n${pnr}`, authors: [author] },
            ],
            statements: [
              { id: 3, sectionId: 0, position: 1, kind: 'protokollsanteckning', text: 'x', authors: [] },
              { id: 4, sectionId: 0, position: 2, kind: 'särskilt uttalande', text: pnr, authors: [] },
              { id: 5, sectionId: 0, position: 3, kind: 'protokollsanteckning', text: pnr, authors: [] },
            ],
            recusals: [{ sectionId: 0, personId: 1, reason: `Släkt med ${pnr}` }],
            rectifications: [
              {
                id: 6,
                sectionId: 0,
                reason: `Fel namn på ${pnr}`,
                before: { title: 'a', summary: null, decision: [], decisionProcedure: null },
                after: { title: 'b', summary: null, decision: [], decisionProcedure: null },
                rectifiedOn: '2023-01-10',
                actor: 'test',
              },
            ],
          },
        ),
      ],
      [
        'KS § 9, reservation 2, rad 3',
        'KS § 9, särskilt uttalande 1, rad 1',
        'KS § 9, protokollsanteckning 2, rad 1',
        'KS § 9, jäv 1, skäl, rad 1',
        'KS § 9, rättelse 1, skäl, rad 1',
      ],
    ],
    [
      'a confidential §: reduced to its number in public, so not scanned',
      [
        record(
          { number: 2, confidential: true, title: `Placering ${pnr}`, decision: [pnr] },
          { dissents: [{ id: 1, sectionId: 0, position: 1, text: pnr, authors: [author] }] },
        ),
        record({ number: 4, summary: '19121212-1212' }),
      ],
      ['§ 4, sammanfattning, rad 1'],
    ],
  ]
  for (const [what, sections, expected] of cases) {
    it(`reports ${expected.length} place(s) in ${what}`, () => {
      assert.deepEqual(
        scanSectionsForPersonalIdentityNumbers(sections).map((f) => f.place),
        expected,
      )
    })
  }

  it('names the § by id and number, with the line and column', () => {
    const entry = record({ number: 12, summary: `Rad ett\n  ${pnr}` })
    assert.deepEqual(scanSectionsForPersonalIdentityNumbers([entry]), [
      {
        place: '§ 12, sammanfattning, rad 2',
        sectionId: entry.section.id,
        sectionNumber: 12,
        line: 2,
        column: 3,
      },
    ])
  })

  it('refuses with every place and without the numbers themselves', () => {
    const sections = [record({ number: 5, title: pnr }), record({ number: 6, decision: ['19121212-1212'] })]
    assert.throws(
      () => assertNoPersonalIdentityNumbersInSections(sections),
      (error: PersonalIdentityNumbersFoundError) =>
        error instanceof PersonalIdentityNumbersFoundError &&
        error.code === 'invalid_state' &&
        /§ 5, rubrik, rad 1; § 6, beslut punkt 1, rad 1/.test(error.message) &&
        !error.message.includes('9876') &&
        !error.message.includes('1212-1212'),
    )
    assert.doesNotThrow(() => assertNoPersonalIdentityNumbersInSections([record({ number: 1 })]))
  })
})
