import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, it } from 'node:test'
import { testActor, unique } from '../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../test/support/test-db.ts'
import type { Db } from '../db/database.ts'
import { getAgenda } from '../domain/agenda/agenda.service.ts'
import { type AuditedCreations, listAuditEvents } from '../domain/audit/audit.service.ts'
import { findCommitteeBySlug } from '../domain/committee/committee.reads.ts'
import { findMatterByRegistryNumber } from '../domain/matter/matter.reads.ts'
import { listMatterAppearances } from '../domain/matter/matter.service.ts'
import { listMeetings } from '../domain/meeting/meeting.service.ts'
import { listMemberships } from '../domain/membership/membership.service.ts'
import { readMinutesRecord } from '../domain/minutes/minutes-record.ts'
import { findPersonBySlug } from '../domain/person/person.reads.ts'
import type { DocumentJson } from '../domain/publication/document-json.ts'
import { DomainError } from '../domain/shared/errors.ts'
import { describeSummary, type ImportSummary, importDocument, importDocuments } from './import-document.ts'
import { parseDocument } from './parse-document.ts'

async function parsed(file: string): Promise<DocumentJson> {
  const bytes = readFileSync(new URL(`../../test/fixtures/documents/${file}`, import.meta.url))
  const outcome = await parseDocument({ bytes, fileName: file })
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.document
}

const seed002 = '002_02371675939a916f.txt'

async function tableCounts(db: Db) {
  const tables = [
    'meeting',
    'agenda_item',
    'matter',
    'person',
    'section',
    'audit_event',
    'organisation',
  ] as const
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  return counts
}

describeOnEachDatabase('importDocument: seed 002, the protocol of 14 December 2022', (getDb) => {
  let organisation: string
  let summary: ImportSummary
  before(async () => {
    organisation = `Stockholms stad ${unique()}`
    summary = await importDocument(getDb(), testActor, await parsed(seed002), { organisation })
  })

  const meetingRecord = async () => {
    const committee = await findCommitteeBySlug(getDb(), 'socialnamnden')
    assert.ok(committee)
    const [meeting] = await listMeetings(getDb(), { committeeIds: [committee.id] })
    assert.ok(meeting)
    const record = await readMinutesRecord(getDb(), meeting.id)
    assert.ok(record)
    return { committee, meeting, record }
  }

  it('stores the meeting with its time and place, and §§ 1–19', async () => {
    const { meeting, record } = await meetingRecord()
    assert.deepEqual([meeting.meetsOn, meeting.startTime, meeting.endTime], ['2022-12-14', '17:00', '17:15'])
    assert.equal(meeting.location, 'Socialförvaltningen, Storforsplan 36, Farsta, lokal Storfors')
    assert.deepEqual(
      record.sections.map((s) => s.section.number),
      Array.from({ length: 19 }, (_, i) => i + 1),
    )
    assert.equal(meeting.status, 'signed_off')
  })

  it('records the sign-offs per §: §§ 18–19 immediately on 2022-12-14, §§ 1–17 on 2022-12-19', async () => {
    const { record } = await meetingRecord()
    const byDate = record.signOffs.map((s) => ({
      on: s.signedOffOn,
      immediate: s.immediate,
      sections: record.sections
        .filter((x) => s.sectionIds.includes(x.section.id))
        .map((x) => x.section.number),
      signatures: s.signatures.length,
    }))
    assert.deepEqual(byDate, [
      { on: '2022-12-14', immediate: true, sections: [18, 19], signatures: 2 },
      {
        on: '2022-12-19',
        immediate: false,
        sections: Array.from({ length: 17 }, (_, i) => i + 1),
        signatures: 2,
      },
    ])
  })

  it('records who served: Emil Adén (S) for the absent chair Alexander Ojanne, at every §', async () => {
    const { record } = await meetingRecord()
    const emil = await findPersonBySlug(getDb(), 'emil-aden')
    const ojanne = await findPersonBySlug(getDb(), 'alexander-ojanne')
    assert.ok(emil && ojanne)
    assert.equal(record.attendance.find((a) => a.personId === ojanne.id)?.present, false)
    assert.equal(record.attendance.filter((a) => a.servingForPersonId !== null).length, 6)
    for (const { services } of record.sections) {
      assert.equal(services.find((s) => s.personId === emil.id)?.servingForPersonId, ojanne.id)
      assert.ok(!services.some((s) => s.personId === ojanne.id))
    }
  })

  it('infers seats on the committee from the attendance', async () => {
    const { committee } = await meetingRecord()
    const seats = await listMemberships(getDb(), committee.id, '2022-12-14')
    assert.equal(seats.filter((m) => m.role !== 'substitute').length, 13)
  })

  it('keeps § 5 with its registry number and two decision points, and 13 distinct registry numbers', async () => {
    const { meeting, record } = await meetingRecord()
    const agenda = await getAgenda(getDb(), meeting.id)
    const five = record.sections.find((s) => s.section.number === 5)
    assert.equal(five?.section.decision.length, 2)
    const item = agenda.find((e) => e.item.id === five?.section.agendaItemId)
    const matter = await findMatterByRegistryNumber(
      getDb(),
      (await meetingRecord()).committee.organisationId,
      '1.2.2-72/2022',
    )
    assert.equal(item?.item.matterId, matter?.id)
    const matters = new Set(agenda.map((e) => e.item.matterId).filter((id) => id !== null))
    assert.equal(matters.size, 13)
  })

  it('makes one person of each name spelt two ways, with a Swedish warning naming both spellings', async () => {
    const { committee } = await meetingRecord()
    const people = await getDb()
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', committee.organisationId)
      .executeTakeFirstOrThrow()
    assert.equal(Number(people.n), 32)
    assert.deepEqual(
      summary.warnings.filter((w) => /antas vara samma person/.test(w)).map((w) => w.split(':')[0]),
      [
        'Maria Paniagua Dachner och María Paniagua Dachner (C) antas vara samma person (§ 7)',
        'Daniel Guillou och Dan Guillou (MP) antas vara samma person (§ 10)',
      ],
    )
    assert.equal(
      summary.warnings.some((w) => /serv/i.test(w)),
      false,
      'no warning that a motion or dissent comes from someone not serving',
    )
  })

  it('keeps § 10 with two motions and the dissent of L, M and C', async () => {
    const { record } = await meetingRecord()
    const ten = record.sections.find((s) => s.section.number === 10)
    assert.equal(ten?.motions.length, 2)
    assert.equal(ten?.motions[1]?.points.length, 3)
    assert.equal(ten?.dissents.length, 1)
    assert.equal(ten?.dissents[0]?.authors.length, 3)
  })

  it('keeps the statements of § 6 and § 15, the ersättaryttrande of Anna Rantala Bonnier included', async () => {
    const { record } = await meetingRecord()
    const six = record.sections.find((s) => s.section.number === 6)
    assert.deepEqual(
      six?.statements.map((s) => s.kind),
      ['särskilt uttalande'],
    )
    const fifteen = record.sections.find((s) => s.section.number === 15)
    assert.deepEqual(fifteen?.statements.map((s) => s.kind).sort(), [
      'ersättaryttrande',
      'särskilt uttalande',
      'särskilt uttalande',
    ])
    const anna = await findPersonBySlug(getDb(), 'anna-rantala-bonnier')
    assert.ok(
      fifteen?.statements.some((s) => s.kind === 'ersättaryttrande' && s.authors[0]?.personId === anna?.id),
    )
  })

  it('audits the import in one row naming every object it created, not a row per object', async () => {
    const { meeting, record } = await meetingRecord()
    const rows = await getDb()
      .selectFrom('audit_event')
      .selectAll()
      .where('object_type', '=', 'meeting')
      .where('object_id', '=', meeting.id)
      .where('action', '=', 'import.minutes')
      .execute()
    assert.equal(rows.length, 1)
    const after = JSON.parse(rows[0]?.after ?? '{}') as { file: string; created: AuditedCreations }
    assert.equal(after.file, seed002)
    const added = after.created.find((c) => c.action === 'section.added' && c.type === 'section')
    assert.deepEqual(
      added?.ids,
      record.sections.map((s) => s.section.id),
    )
    const perObject = await getDb()
      .selectFrom('audit_event')
      .select('id')
      .where('object_type', 'in', ['section', 'agenda_item', 'person'])
      .where(
        'object_id',
        'in',
        record.sections.map((s) => s.section.id),
      )
      .where('action', '=', 'section.added')
      .execute()
    assert.deepEqual(perObject, [])
  })

  it('changes nothing when the same file is imported again', async () => {
    const countsBefore = await tableCounts(getDb())
    const summary = await importDocument(getDb(), testActor, await parsed(seed002), { organisation })
    assert.equal(summary.changed, false)
    assert.match(describeSummary(summary), /inget nytt \(redan inläst\)/)
    assert.deepEqual(await tableCounts(getDb()), countsBefore)
  })
})

describeOnEachDatabase('importDocument: agendas, matters and failures', (getDb) => {
  const agenda = (date: string, items: DocumentJson['items']): DocumentJson => ({
    kind: 'agenda',
    source: { file: `kallelse-${date}.txt`, format: 'text' },
    committee: 'Miljönämnden',
    meeting: { date, start: '18:00' },
    items,
    warnings: [],
  })

  it('fills the meeting of an imported agenda with the protocol of the same meeting', async () => {
    const organisation = `Exempelby kommun ${unique()}`
    const first = await importDocument(
      getDb(),
      testActor,
      agenda('2024-03-05', [{ number: '1', title: 'Tillsynsplan 2024', registryNumbers: ['MN 2024/12'] }]),
      { organisation },
    )
    assert.equal(first.created.meeting, 1)
    const protocol: DocumentJson = {
      kind: 'minutes',
      source: { file: 'protokoll.txt', format: 'text' },
      committee: 'Miljönämnden',
      meeting: { date: '2024-03-05', end: '19:10', location: 'Stadshuset' },
      items: [
        {
          section: 14,
          title: 'Tillsynsplan 2024',
          registryNumbers: ['MN 2024/12'],
          decision: ['Planen antas.'],
        },
      ],
      signOffs: [{ sections: [14], date: '2024-03-08' }],
      noticePosted: '2024-03-08',
      warnings: [],
    }
    const second = await importDocument(getDb(), testActor, protocol, { organisation })
    assert.equal(second.created.meeting, undefined)
    assert.equal(second.created.agenda_item, undefined)
    assert.equal(second.created.notice, 1)
    // The meeting the agenda created moved on by the protocol's import, which did not create it: each
    // step has its audit row. The agenda's own notice, published as the import created the meeting,
    // is part of that creation (auditAsOne): no row of its own.
    const meetingId = (await listMeetings(getDb(), {})).find((m) => m.meetsOn === '2024-03-05')?.id ?? 0
    const steps = await listAuditEvents(getDb(), 'meeting', meetingId)
    assert.deepEqual(
      steps.map((s) => s.action),
      [
        'import.agenda',
        'meeting.details_filled',
        'meeting.held',
        'meeting.minutes_draft',
        'meeting.signed_off',
        'import.minutes',
      ],
    )
    const committee = (await listMeetings(getDb(), {})).find((m) => m.meetsOn === '2024-03-05')
    assert.ok(committee)
    assert.deepEqual(
      [committee.startTime, committee.endTime, committee.location],
      ['18:00', '19:10', 'Stadshuset'],
    )
    const record = await readMinutesRecord(getDb(), committee.id)
    const [entry] = await getAgenda(getDb(), committee.id)
    assert.equal(record?.sections[0]?.section.agendaItemId, entry?.item.id)
    // Three weeks on is långfredagen 2024; Easter moves the last day to the Tuesday.
    assert.equal(record?.notices[0]?.lastAppealDay, '2024-04-02')
  })

  it('keeps one matter for the same registry number at two meetings', async () => {
    const organisation = `Dnr kommun ${unique()}`
    await importDocument(
      getDb(),
      testActor,
      agenda('2024-04-02', [{ number: '3', title: 'Remiss', registryNumbers: ['Dnr MN 2024/40'] }]),
      {
        organisation,
      },
    )
    await importDocument(
      getDb(),
      testActor,
      agenda('2024-05-07', [{ number: '2', title: 'Remiss, svar', registryNumbers: ['MN 2024/40'] }]),
      {
        organisation,
      },
    )
    const organisationId = (
      await getDb()
        .selectFrom('organisation')
        .select('id')
        .where('name', '=', organisation)
        .executeTakeFirstOrThrow()
    ).id
    const matter = await findMatterByRegistryNumber(getDb(), organisationId, 'MN 2024/40')
    assert.ok(matter)
    assert.deepEqual(
      (await listMatterAppearances(getDb(), matter.id)).map((a) => a.meetsOn),
      ['2024-04-02', '2024-05-07'],
    )
  })

  it('writes nothing when a document cannot be stored', async () => {
    const countsBefore = await tableCounts(getDb())
    await assert.rejects(
      importDocument(getDb(), testActor, agenda('2024-06-04', [{ title: 'X' }]), {
        organisation: `Ny kommun ${unique()}`,
        committeeSlug: 'finns-inte',
      }),
      { code: 'invalid_input', field: 'committee' },
    )
    assert.deepEqual(await tableCounts(getDb()), countsBefore)
  })

  const refusals: Array<[string, DocumentJson, Record<string, string>, string]> = [
    [
      'no committee',
      { ...agenda('2024-06-04', []), committee: undefined } as DocumentJson,
      { organisation: 'A' },
      'committee',
    ],
    ['no meeting date', { ...agenda('2024-06-04', []), meeting: {} }, { organisation: 'A' }, 'meetingDate'],
    [
      'a date that contradicts the document',
      agenda('2024-06-04', []),
      { organisation: 'A', meetingDate: '2024-06-05' },
      'meetingDate',
    ],
  ]
  for (const [what, document, target, field] of refusals) {
    it(`refuses a document with ${what}, naming what to give`, async () => {
      await assert.rejects(importDocument(getDb(), testActor, document, target), {
        code: 'invalid_input',
        field,
      })
    })
  }

  it('stores documents a transaction at a time, and a refused one alone, losing none of the others', async () => {
    const organisation = `Gruppby kommun ${unique()}`
    const documents = [
      agenda('2024-09-03', [{ number: '1', title: 'Budget 2025', registryNumbers: ['MN 2024/90'] }]),
      { ...agenda('2024-09-10', []), committee: undefined } as DocumentJson,
      agenda('2024-09-17', [{ number: '1', title: 'Budget 2025, svar', registryNumbers: ['MN 2024/90'] }]),
    ]
    const heard: number[] = []
    const outcomes = await importDocuments(getDb(), testActor, documents, { organisation }, (_, n) => {
      heard.push(n)
    })
    // Each outcome is heard once committed, in order: the refusal's transaction went in one by one.
    assert.deepEqual(heard, [0, 1, 2])
    assert.equal(outcomes.length, 3)
    assert.equal((outcomes[0] as ImportSummary).created.meeting, 1)
    assert.ok(outcomes[1] instanceof DomainError)
    assert.equal((outcomes[1] as DomainError).code, 'invalid_input')
    assert.equal((outcomes[2] as ImportSummary).created.meeting, 1)
    // The second agenda found the matter the first registered: one matter, on two meetings.
    const matter = await findMatterByRegistryNumber(
      getDb(),
      Number(
        (
          await getDb()
            .selectFrom('organisation')
            .select('id')
            .where('name', '=', organisation)
            .executeTakeFirstOrThrow()
        ).id,
      ),
      'MN 2024/90',
    )
    assert.ok(matter)
    assert.equal((await listMatterAppearances(getDb(), matter.id)).length, 2)
    // Imported again, together: nothing new.
    const again = await importDocuments(getDb(), testActor, [documents[0], documents[2]] as DocumentJson[], {
      organisation,
    })
    assert.deepEqual(
      again.map((o) => (o as ImportSummary).changed),
      [false, false],
    )
  })
})
