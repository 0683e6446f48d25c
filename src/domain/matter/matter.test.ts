import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  createTestCommittee,
  createTestMeeting,
  createTestOrganisation,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { addAgendaItem } from '../agenda/agenda.service.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import type { DomainError } from '../shared/errors.ts'
import { findMatterByRegistryNumber } from './matter.reads.ts'
import { listMatterAppearances, registerMatter } from './matter.service.ts'

describeOnEachDatabase('registerMatter', (getDb) => {
  for (const written of [
    'Dnr 1.2.2-72/2022',
    ' dnr: 1.2.2-72/2022 ',
    'Diarienummer 1.2.2-72/2022',
    '1.2.2-72/2022',
  ]) {
    it(`normalises '${written}' to 1.2.2-72/2022`, async () => {
      const organisation = await createTestOrganisation(getDb())
      const matter = await inTransaction(getDb(), (trx) =>
        registerMatter(trx, testActor, {
          organisationId: organisation.id,
          registryNumber: written,
        }),
      )
      assert.equal(matter.registryNumber, '1.2.2-72/2022')
    })
  }

  it('keeps one matter for the same Dnr written twice, and writes the audit log once', async () => {
    const organisation = await createTestOrganisation(getDb())
    const first = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: organisation.id,
        registryNumber: 'Dnr KS 2018/124',
        title: 'Budget 2019',
      }),
    )
    const second = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: organisation.id,
        registryNumber: 'KS  2018/124',
        title: 'Budget 2019',
      }),
    )
    assert.equal(second.id, first.id)
    assert.equal((await findMatterByRegistryNumber(getDb(), organisation.id, 'KS 2018/124'))?.id, first.id)
    const events = await listAuditEvents(getDb(), 'matter', first.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['matter.registered'],
    )
  })

  it('keeps the matters of two organisations apart', async () => {
    const oneOrganisation = await createTestOrganisation(getDb())
    const one = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: oneOrganisation.id,
        registryNumber: '2017/SN 0229 013',
      }),
    )
    const twoOrganisation = await createTestOrganisation(getDb())
    const two = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: twoOrganisation.id,
        registryNumber: '2017/SN 0229 013',
      }),
    )
    assert.notEqual(two.id, one.id)
  })

  it('fills in a title and kind it lacked, but never overwrites them', async () => {
    const organisation = await createTestOrganisation(getDb())
    const registryNumber = '1.5.1-100/2023'
    const bare = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, { organisationId: organisation.id, registryNumber }),
    )
    assert.equal(bare.title, null)
    const filled = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: organisation.id,
        registryNumber,
        title: ' Motion om cykelbanor ',
        kind: 'motion',
      }),
    )
    assert.equal(filled.id, bare.id)
    assert.equal(filled.title, 'Motion om cykelbanor')
    assert.equal(filled.kind, 'motion')
    const again = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: organisation.id,
        registryNumber,
        title: 'Något annat',
        kind: 'remiss',
      }),
    )
    assert.equal(again.title, 'Motion om cykelbanor')
    assert.equal(again.kind, 'motion')
    const events = await listAuditEvents(getDb(), 'matter', bare.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['matter.registered', 'matter.updated'],
    )
  })

  const pattern = String.raw`\d+(\.\d+)*-\d+/\d{4}`
  for (const { registryNumber, accepted } of [
    { registryNumber: 'Dnr 1.2.2-72/2022', accepted: true },
    { registryNumber: '3-1/2023', accepted: true },
    { registryNumber: 'KS 2018/124', accepted: false },
    { registryNumber: '1.2.2-72/2022 extra', accepted: false },
  ]) {
    it(`${accepted ? 'accepts' : 'refuses'} '${registryNumber}' under the pattern of the organisation`, async () => {
      const organisation = await createTestOrganisation(getDb())
      const register = inTransaction(getDb(), (trx) =>
        registerMatter(trx, testActor, {
          organisationId: organisation.id,
          registryNumber,
          registryNumberPattern: pattern,
        }),
      )
      if (accepted) assert.ok((await register).id)
      else await assert.rejects(register, (error: DomainError) => error.field === 'registryNumber')
    })
  }

  for (const registryNumber of ['Dnr', '   ', 'x'.repeat(61)]) {
    it(`refuses the registry number '${registryNumber.slice(0, 10)}'`, async () => {
      const organisation = await createTestOrganisation(getDb())
      await assert.rejects(
        inTransaction(getDb(), (trx) =>
          registerMatter(trx, testActor, { organisationId: organisation.id, registryNumber }),
        ),
        (error: DomainError) => error.code === 'invalid_input' && error.field === 'registryNumber',
      )
    })
  }
})

describeOnEachDatabase('listMatterAppearances', (getDb) => {
  it('lists the meetings of two committees that took up the matter, oldest first', async () => {
    const board = await createTestCommittee(getDb(), { name: 'Kommunstyrelsen' })
    const council = await createTestCommittee(getDb(), {
      organisationId: board.organisationId,
      name: 'Kommunfullmäktige',
    })
    const matter = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: board.organisationId,
        registryNumber: 'KS 2022/77',
        title: 'Taxor 2023',
      }),
    )
    // Added out of date order on purpose.
    const councilMeeting = await createTestMeeting(getDb(), { committee: council, meetsOn: '2022-12-12' })
    const boardMeeting = await createTestMeeting(getDb(), { committee: board, meetsOn: '2022-11-23' })
    const unrelated = await createTestMeeting(getDb(), { committee: board, meetsOn: '2022-10-01' })
    await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: unrelated.id, title: 'Annat ärende' }),
    )
    await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: councilMeeting.id,
        title: 'Taxor 2023',
        number: '4',
        matterId: matter.id,
      }),
    )
    await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: boardMeeting.id,
        title: 'Taxor 2023',
        number: '12',
        matterId: matter.id,
      }),
    )
    const appearances = await listMatterAppearances(getDb(), matter.id)
    assert.deepEqual(
      appearances.map((a) => [a.meetsOn, a.committeeName, a.number, a.meetingSlug, a.confidential]),
      [
        ['2022-11-23', 'Kommunstyrelsen', '12', 'mote-2022-11-23', false],
        ['2022-12-12', 'Kommunfullmäktige', '4', 'mote-2022-12-12', false],
      ],
    )
  })

  it('lists nothing for a matter on no agenda', async () => {
    const organisation = await createTestOrganisation(getDb())
    const matter = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: organisation.id,
        registryNumber: 'X 1',
      }),
    )
    assert.deepEqual(await listMatterAppearances(getDb(), matter.id), [])
  })
})
