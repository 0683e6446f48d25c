import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { AgendaEntry } from '../agenda/agenda.service.ts'
import type { AgendaItem } from '../agenda/agenda-item.ts'
import type { Document } from '../document/document.ts'
import type { Attendance } from '../minutes/attendance.ts'
import type { Section } from '../minutes/minutes.ts'
import type { MinutesRecord, SectionRecord } from '../minutes/minutes-record.ts'
import type { Notice } from '../notice-board/notice.ts'
import type { SignOff } from '../sign-off/sign-off.ts'
import { agendaDocumentJson, type DocumentJsonContext, minutesDocumentJson } from './meeting-document-json.ts'
import type { PublicMeeting } from './public-meeting.ts'

// What is sent: JSON leaves out undefined fields.
const asSent = (value: unknown) => JSON.parse(JSON.stringify(value))

const context: DocumentJsonContext = {
  url: 'https://example.se/committees/kn/mote-2023-03-15',
  documentHref: (d) =>
    d.storageKey ? `https://example.se/handlingar/${d.id}/fil.pdf` : (d.sourceUrl ?? undefined),
  today: '2023-04-01',
}

const item = (over: Partial<AgendaItem>): AgendaItem => ({
  id: 1,
  meetingId: 1,
  matterId: null,
  number: null,
  position: 1,
  heading: null,
  title: null,
  summary: null,
  proposal: [],
  officerReportOn: null,
  confidential: false,
  confidentialityGround: null,
  immediateSignOff: false,
  status: 'active',
  version: 1,
  ...over,
})

const document = (over: Partial<Document>): Document => ({
  id: 7,
  organisationId: 1,
  title: 'Bilaga 1',
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
  ...over,
})

const section = (over: Partial<Section>): Section => ({
  id: 1,
  minutesId: 1,
  agendaItemId: null,
  number: 1,
  label: '§ 1',
  title: 'Ärende',
  summary: null,
  decision: [],
  decisionProcedure: null,
  outcome: 'decided',
  confidential: false,
  immediateSignOff: false,
  version: 1,
  ...over,
})

const signOff: SignOff = {
  id: 3,
  minutesId: 1,
  sectionIds: [1, 2],
  signedOffOn: '2023-03-20',
  immediate: false,
  status: 'signed_off',
  signatures: [],
}

const notice: Notice = {
  id: 1,
  organisationId: 1,
  kind: 'minutes',
  meetingId: 1,
  signOffId: 3,
  delegatedDecisionId: null,
  title: 'Justerat protokoll',
  keptAt: null,
  postedOn: '2023-03-01',
  removedOn: '2023-03-23',
  lastAppealDay: '2023-03-22',
}

const entry = (over: Partial<SectionRecord> & { section: Section }): SectionRecord => ({
  motions: [],
  votes: [],
  dissents: [],
  statements: [],
  recusals: [],
  services: [],
  signOff,
  rectifications: [],
  appealDays: [],
  ...over,
})

const attendance = (over: Partial<Attendance>): Attendance => ({
  meetingId: 1,
  personId: 1,
  partyId: null,
  role: 'member',
  title: null,
  present: true,
  remote: false,
  servingForPersonId: null,
  arrivedAtSection: null,
  leftAfterSection: null,
  ...over,
})

function meeting(agenda: AgendaEntry[], minutes?: Partial<MinutesRecord>): PublicMeeting {
  const names = ['Anna Ordförande', 'Bo Ledamot', 'Cia Ersättare', 'Dan Sekreterare']
  return {
    committee: {
      id: 1,
      organisationId: 1,
      parentId: null,
      name: 'Kulturnämnden',
      slug: 'kn',
      kind: 'namnd',
      seats: 3,
      settings: {},
    },
    meeting: {
      id: 1,
      committeeId: 1,
      slug: 'mote-2023-03-15',
      meetsOn: '2023-03-15',
      startTime: '18:00',
      endTime: null,
      location: '',
      status: 'signed_off',
      cancellationReason: null,
      noticePublishedAt: null,
      version: 1,
    },
    agenda,
    minutes: minutes && {
      minutes: {
        id: 1,
        meetingId: 1,
        status: 'signed_off',
        chairPersonId: 1,
        secretaryPersonId: null,
        signOffPlace: null,
        signOffPlannedOn: null,
        keptAt: null,
        publishedAt: null,
        meetingClosedAt: null,
        version: 1,
      },
      attendance: [],
      signatoryIds: [],
      signOffs: [signOff],
      notices: [notice],
      sections: [],
      ...minutes,
    },
    persons: new Map(
      names.map((name, i) => [i + 1, { id: i + 1, organisationId: 1, name, slug: `p${i}`, title: null }]),
    ),
    parties: new Map([[1, { id: 1, organisationId: 1, abbreviation: 'S', name: null }]]),
    openToPublic: false,
    registryNumbers: { ofItem: new Map([[1, 'KN 2023/1']]), ofSection: new Map([[1, 'KN 2023/1']]) },
  }
}

describe('agendaDocumentJson', () => {
  const cases: Array<[string, AgendaEntry, object]> = [
    [
      'an item with only a position gets it as its number; unknown texts are left out',
      { item: item({ position: 4, id: 9 }), attachments: [], changes: [] },
      { number: '4' },
    ],
    [
      'a withdrawn item says "utgår"; its Dnr and proposal are given',
      {
        item: item({ number: '1', title: 'Bidrag', status: 'withdrawn', proposal: ['att bevilja'] }),
        attachments: [],
        changes: [],
      },
      {
        number: '1',
        title: 'Bidrag',
        registryNumbers: ['KN 2023/1'],
        proposal: ['att bevilja'],
        status: 'utgår',
      },
    ],
    [
      'a stored attachment links to its download, an imported one to its source, an unknown one has its title only',
      {
        item: item({ id: 9, number: '2', title: 'Avtal' }),
        attachments: [
          document({ id: 7, storageKey: 'k' }),
          document({ id: 8, title: 'Karta', sourceUrl: 'https://kommun.se/karta.pdf' }),
          document({ id: 9, title: 'Bilagor' }),
        ],
        changes: [],
      },
      {
        number: '2',
        title: 'Avtal',
        attachments: [
          { title: 'Bilaga 1', href: 'https://example.se/handlingar/7/fil.pdf' },
          { title: 'Karta', href: 'https://kommun.se/karta.pdf' },
          { title: 'Bilagor' },
        ],
      },
    ],
  ]
  for (const [name, agendaEntry, expected] of cases)
    it(name, () => {
      const doc = asSent(agendaDocumentJson(meeting([agendaEntry]), context))
      assert.deepEqual(doc.items, [expected])
      // An empty location is not known: left out, never "".
      assert.deepEqual(doc.meeting, { date: '2023-03-15', start: '18:00' })
      assert.deepEqual(doc.source, { url: context.url })
    })
})

describe('minutesDocumentJson', () => {
  it('is undefined when nothing is signed off', () => {
    assert.equal(minutesDocumentJson(meeting([]), context), undefined)
  })

  it('names each role in the document words and a serving substitute with whom they serve for', () => {
    const doc = asSent(
      minutesDocumentJson(
        meeting([], {
          attendance: [
            attendance({ personId: 1, role: 'chair', partyId: 1 }),
            attendance({ personId: 2, present: false }),
            attendance({ personId: 3, role: 'substitute', servingForPersonId: 2 }),
            attendance({ personId: 4, role: 'official', title: 'nämndsekreterare' }),
          ],
        }),
        context,
      ),
    )
    assert.deepEqual(doc.attendance, [
      { name: 'Anna Ordförande', party: 'S', role: 'ordförande', present: true },
      { name: 'Bo Ledamot', role: 'ledamot', present: false },
      { name: 'Cia Ersättare', role: 'tjänstgörande ersättare', present: true, servingFor: 'Bo Ledamot' },
      { name: 'Dan Sekreterare', role: 'tjänsteperson', title: 'nämndsekreterare', present: true },
    ])
    assert.equal(doc.chair, 'Anna Ordförande')
    assert.equal(doc.secretary, undefined)
  })

  it('gives a secret election by its counts only, a dissent without text by its authors, a tabled §, and finality', () => {
    const doc = asSent(
      minutesDocumentJson(
        meeting([], {
          sections: [
            entry({
              section: section({ id: 1, number: 1, summary: 'Dnr KN 2023/1', outcome: 'tabled' }),
              votes: [
                {
                  id: 1,
                  sectionId: 1,
                  position: 1,
                  kind: 'election',
                  question: 'Bordläggning?',
                  yesMeans: null,
                  noMeans: null,
                  yes: 2,
                  no: 1,
                  abstain: 0,
                  outcome: 'yes',
                  decidedBy: 'majority',
                  result: null,
                  ballots: [],
                },
              ],
              dissents: [
                {
                  id: 1,
                  sectionId: 1,
                  position: 1,
                  text: null,
                  authors: [{ personId: null, partyId: 1, andOthers: false }],
                },
              ],
              rectifications: [
                {
                  id: 1,
                  sectionId: 1,
                  reason: 'Fel datum',
                  before: { title: 'x', summary: null, decision: [], decisionProcedure: null },
                  after: { title: 'x', summary: null, decision: [], decisionProcedure: null },
                  rectifiedOn: '2023-03-25',
                  actor: 'sekreteraren',
                },
              ],
            }),
            entry({
              section: section({ id: 2, number: 2, title: 'Överklagat' }),
              appealDays: ['2023-03-10'],
            }),
          ],
        }),
        context,
      ),
    )
    assert.deepEqual(doc.items, [
      {
        section: 1,
        title: 'Ärende',
        registryNumbers: ['KN 2023/1'],
        outcome: 'bordlagt',
        votes: [{ question: 'Bordläggning?', yes: 2, no: 1, abstain: 0 }],
        dissents: [{ by: [{ party: 'S' }] }],
        appealDeadline: '2023-03-22',
        finalSince: '2023-03-23',
        rectifications: [{ date: '2023-03-25', reason: 'Fel datum' }],
      },
      { section: 2, title: 'Överklagat', appealDeadline: '2023-03-22', appealed: true },
    ])
    assert.deepEqual(doc.signOffs, [
      {
        sections: [1, 2],
        date: '2023-03-20',
        noticePosted: '2023-03-01',
        noticeRemoved: '2023-03-23',
        appealDeadline: '2023-03-22',
      },
    ])
    assert.deepEqual(doc.sections, { first: 1, last: 2 })
    assert.equal(doc.noticePosted, '2023-03-01')
  })
})
