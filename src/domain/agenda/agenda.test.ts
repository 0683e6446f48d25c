import assert from 'node:assert/strict'
import { it } from 'node:test'
import { createTestMeeting, createTestOrganisation, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import { registerDocument } from '../document/document.service.ts'
import { registerMatter } from '../matter/matter.service.ts'
import { cancelMeeting, changeMeetingStatus } from '../meeting/meeting.service.ts'
import type { Meeting } from '../meeting/meeting.ts'
import type { DomainError } from '../shared/errors.ts'
import { getAgendaItem } from './agenda.reads.ts'
import {
  addAgendaItem,
  attachDocument,
  getAgenda,
  getAgendas,
  markAgendaItemComingLater,
  updateAgendaItem,
  withdrawAgendaItem,
} from './agenda.service.ts'

describeOnEachDatabase('addAgendaItem', (getDb) => {
  it('adds items at the end of the agenda, in order', async () => {
    const meeting = await createTestMeeting(getDb())
    const first = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Val av justerare',
        number: '1',
      }),
    )
    const second = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: ' Taxor 2023 ',
        number: '2',
        proposal: [' Taxorna fastställs ', ''],
        officerReportOn: '2022-11-30',
      }),
    )
    assert.deepEqual([first.position, second.position], [1, 2])
    assert.equal(second.title, 'Taxor 2023')
    assert.deepEqual(second.proposal, ['Taxorna fastställs'])
    assert.equal(second.status, 'active')
    const agenda = await getAgenda(getDb(), meeting.id)
    assert.deepEqual(
      agenda.map((e) => e.item.title),
      ['Val av justerare', 'Taxor 2023'],
    )
    assert.deepEqual(
      agenda[0]?.changes.map((c) => [c.kind, c.afterNotice]),
      [['added', false]],
    )
    const events = await listAuditEvents(getDb(), 'agenda_item', first.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['agenda_item.added'],
    )
  })

  it('keeps a confidential item with its legal ground', async () => {
    const meeting = await createTestMeeting(getDb())
    const item = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Ansökan om bistånd',
        confidential: true,
        confidentialityGround: ' OSL 26:1 ',
      }),
    )
    assert.equal(item.confidential, true)
    assert.equal(item.confidentialityGround, 'OSL 26:1')
  })

  for (const { name, input, field } of [
    {
      name: 'a confidential item without a legal ground',
      input: { title: 'X', confidential: true },
      field: 'confidentialityGround',
    },
    { name: 'an item with neither title nor summary', input: { title: '  ' }, field: 'title' },
    {
      name: 'an officer report date that does not exist',
      input: { title: 'X', officerReportOn: '2022-13-01' },
      field: 'officerReportOn',
    },
  ]) {
    it(`refuses ${name}`, async () => {
      const meeting = await createTestMeeting(getDb())
      await assert.rejects(
        inTransaction(getDb(), (trx) => addAgendaItem(trx, testActor, { meetingId: meeting.id, ...input })),
        (error: DomainError) => error.code === 'invalid_input' && error.field === field,
      )
    })
  }

  it('links a matter of the same organisation and refuses one of another', async () => {
    const meeting = await createTestMeeting(getDb())
    const committee = await getCommittee(getDb(), meeting.committeeId)
    const own = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: committee.organisationId,
        registryNumber: 'KS 1',
      }),
    )
    const item = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Ärende',
        matterId: own.id,
      }),
    )
    assert.equal(item.matterId, own.id)
    const foreignOrganisation = await createTestOrganisation(getDb())
    const foreign = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: foreignOrganisation.id,
        registryNumber: 'KS 1',
      }),
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Ärende', matterId: foreign.id }),
      ),
      (error: DomainError) => error.field === 'matterId',
    )
  })

  it('refuses to change the agenda of a cancelled meeting', async () => {
    const meeting = await createTestMeeting(getDb())
    await cancelMeeting(getDb(), testActor, {
      meetingId: meeting.id,
      version: meeting.version,
      reason: 'Inga ärenden',
    })
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Sent ärende' }),
      ),
      {
        code: 'invalid_state',
      },
    )
  })
})

describeOnEachDatabase('updateAgendaItem', (getDb) => {
  it('saves a change and bumps the version', async () => {
    const meeting = await createTestMeeting(getDb())
    const item = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Taxor',
        number: '3',
      }),
    )
    const changed = await inTransaction(getDb(), (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: item.id,
        version: item.version,
        title: 'Taxor 2023',
      }),
    )
    assert.equal(changed.title, 'Taxor 2023')
    assert.equal(changed.number, '3')
    assert.equal(changed.version, item.version + 1)
    const events = await listAuditEvents(getDb(), 'agenda_item', item.id)
    assert.equal(events.at(-1)?.action, 'agenda_item.changed')
  })

  it('refuses the second of two secretaries who edited the same version', async () => {
    const meeting = await createTestMeeting(getDb())
    const item = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Taxor' }),
    )
    const read = await getAgendaItem(getDb(), item.id) // both secretaries open the item
    await inTransaction(getDb(), (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: item.id,
        version: read.version,
        title: 'Av sekreterare 1',
      }),
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        updateAgendaItem(trx, testActor, {
          agendaItemId: item.id,
          version: read.version,
          title: 'Av sekreterare 2',
        }),
      ),
      { code: 'conflict' },
    )
    assert.equal((await getAgendaItem(getDb(), item.id)).title, 'Av sekreterare 1')
  })

  it('makes an item confidential only with a ground, and clears the ground when it is not', async () => {
    const meeting = await createTestMeeting(getDb())
    const item = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Ärende' }),
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        updateAgendaItem(trx, testActor, {
          agendaItemId: item.id,
          version: item.version,
          confidential: true,
        }),
      ),
      (error: DomainError) => error.field === 'confidentialityGround',
    )
    const secret = await inTransaction(getDb(), (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: item.id,
        version: item.version,
        confidential: true,
        confidentialityGround: 'OSL 26:1',
      }),
    )
    const open = await inTransaction(getDb(), (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: item.id,
        version: secret.version,
        confidential: false,
      }),
    )
    assert.deepEqual([open.confidential, open.confidentialityGround], [false, null])
  })
})

describeOnEachDatabase('withdraw and coming later', (getDb) => {
  it('marks an item withdrawn and its documents as coming later, keeping its place', async () => {
    const meeting = await createTestMeeting(getDb())
    const first = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Ett' }),
    )
    const second = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Två' }),
    )
    const withdrawn = await inTransaction(getDb(), (trx) =>
      withdrawAgendaItem(trx, testActor, {
        agendaItemId: first.id,
        version: first.version,
      }),
    )
    const later = await inTransaction(getDb(), (trx) =>
      markAgendaItemComingLater(trx, testActor, {
        agendaItemId: second.id,
        version: second.version,
      }),
    )
    assert.deepEqual([withdrawn.status, later.status], ['withdrawn', 'coming_later'])
    const agenda = await getAgenda(getDb(), meeting.id)
    assert.deepEqual(
      agenda.map((e) => [e.item.position, e.item.status, e.changes.map((c) => c.kind)]),
      [
        [1, 'withdrawn', ['added', 'withdrawn']],
        [2, 'coming_later', ['added', 'coming_later']],
      ],
    )
  })

  it('refuses to withdraw on a stale version', async () => {
    const meeting = await createTestMeeting(getDb())
    const item = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Ett' }),
    )
    await inTransaction(getDb(), (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: item.id,
        version: item.version,
        title: 'Ett (ändrat)',
      }),
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        withdrawAgendaItem(trx, testActor, { agendaItemId: item.id, version: item.version }),
      ),
      {
        code: 'conflict',
      },
    )
  })
})

describeOnEachDatabase('attachDocument', (getDb) => {
  it('attaches documents in order and records an added and a replaced attachment', async () => {
    const meeting = await createTestMeeting(getDb())
    const { organisationId } = await getCommittee(getDb(), meeting.committeeId)
    const item = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Taxor' }),
    )
    const report = await inTransaction(getDb(), (trx) =>
      registerDocument(trx, testActor, {
        organisationId,
        title: 'Tjänsteutlåtande',
        kind: 'tjansteutlatande',
      }),
    )
    const annex = await inTransaction(getDb(), (trx) =>
      registerDocument(trx, testActor, {
        organisationId,
        title: 'Taxebilaga',
        kind: 'bilaga',
      }),
    )
    const annexV2 = await inTransaction(getDb(), (trx) =>
      registerDocument(trx, testActor, {
        organisationId,
        title: 'Taxebilaga rev.',
        kind: 'bilaga',
        replacesDocumentId: annex.id,
      }),
    )
    for (const document of [report, annex, annexV2]) {
      await inTransaction(getDb(), (trx) =>
        attachDocument(trx, testActor, { agendaItemId: item.id, documentId: document.id }),
      )
    }
    const [entry] = await getAgenda(getDb(), meeting.id)
    assert.deepEqual(
      entry?.attachments.map((d) => d.title),
      ['Tjänsteutlåtande', 'Taxebilaga', 'Taxebilaga rev.'],
    )
    assert.deepEqual(
      entry?.changes.map((c) => [c.kind, c.description]),
      [
        ['added', 'Punkt 1 lades till'],
        ['attachment_added', 'Bilagan Tjänsteutlåtande lades till'],
        ['attachment_added', 'Bilagan Taxebilaga lades till'],
        ['attachment_replaced', 'Bilagan Taxebilaga rev. ersattes med en ny version'],
      ],
    )
  })

  it('refuses a document of another organisation', async () => {
    const meeting = await createTestMeeting(getDb())
    const item = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Taxor' }),
    )
    const foreignOrganisation = await createTestOrganisation(getDb())
    const foreign = await inTransaction(getDb(), (trx) =>
      registerDocument(trx, testActor, {
        organisationId: foreignOrganisation.id,
        title: 'Främmande',
        kind: 'bilaga',
      }),
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        attachDocument(trx, testActor, { agendaItemId: item.id, documentId: foreign.id }),
      ),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'documentId',
    )
  })
})

describeOnEachDatabase('changes after the notice', (getDb) => {
  it('flags every change made after the notice was published, and none before', async () => {
    let meeting: Meeting = await createTestMeeting(getDb())
    const { organisationId } = await getCommittee(getDb(), meeting.committeeId)
    const early = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Tidigt ärende' }),
    )
    meeting = await inTransaction(getDb(), (trx) =>
      changeMeetingStatus(trx, testActor, meeting, 'notice_published'),
    )
    const late = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Extra ärende' }),
    )
    await inTransaction(getDb(), (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: early.id,
        version: early.version,
        title: 'Ändrat',
      }),
    )
    const document = await inTransaction(getDb(), (trx) =>
      registerDocument(trx, testActor, {
        organisationId,
        title: 'Ny bilaga',
        kind: 'bilaga',
      }),
    )
    await inTransaction(getDb(), (trx) =>
      attachDocument(trx, testActor, { agendaItemId: late.id, documentId: document.id }),
    )
    const agenda = await getAgenda(getDb(), meeting.id)
    assert.deepEqual(
      agenda.map((e) => e.changes.map((c) => [c.kind, c.afterNotice])),
      [
        [
          ['added', false],
          ['changed', true],
        ],
        [
          ['added', true],
          ['attachment_added', true],
        ],
      ],
    )
  })

  it('notes no change when an item is saved as it was read (the public would read "Punkt 1 ändrades")', async () => {
    let meeting: Meeting = await createTestMeeting(getDb())
    const item = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Budget 2027',
        summary: 'Förslag till budget',
        proposal: ['Nämnden antar budgeten'],
      }),
    )
    meeting = await inTransaction(getDb(), (trx) =>
      changeMeetingStatus(trx, testActor, meeting, 'notice_published'),
    )
    const saved = await inTransaction(getDb(), (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: item.id,
        version: item.version,
        title: ' Budget 2027 ',
        summary: 'Förslag till budget',
        proposal: ['Nämnden antar budgeten'],
        confidential: false,
      }),
    )
    assert.equal(saved.version, item.version, 'nothing written')
    const [entry] = await getAgenda(getDb(), meeting.id)
    assert.deepEqual(
      entry?.changes.map((c) => c.kind),
      ['added'],
    )
  })
})

describeOnEachDatabase('getAgendas', (getDb) => {
  it('loads the agendas of several meetings, an empty one included', async () => {
    const one = await createTestMeeting(getDb())
    const two = await createTestMeeting(getDb())
    const empty = await createTestMeeting(getDb())
    await inTransaction(getDb(), (trx) => addAgendaItem(trx, testActor, { meetingId: one.id, title: 'A1' }))
    await inTransaction(getDb(), (trx) => addAgendaItem(trx, testActor, { meetingId: two.id, title: 'B1' }))
    await inTransaction(getDb(), (trx) => addAgendaItem(trx, testActor, { meetingId: one.id, title: 'A2' }))
    const agendas = await getAgendas(getDb(), [one.id, two.id, empty.id])
    const titles = (id: number) => agendas.get(id)?.map((e) => e.item.title)
    assert.deepEqual(titles(one.id), ['A1', 'A2'])
    assert.deepEqual(titles(two.id), ['B1'])
    assert.deepEqual(titles(empty.id), [])
    assert.deepEqual(await getAgendas(getDb(), []), new Map())
  })
})
