import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  createTestPerson,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { finalityOfSection, registerAppeal } from '../notice-board/appeal.service.ts'
import { postMinutesNotice } from '../notice-board/notice-board.service.ts'
import { recordSignOff } from '../sign-off/sign-off.service.ts'
import { listSignOffReminders } from '../sign-off/sign-off-reminder.ts'
import { getSection } from './minutes.repository.ts'
import { listRectifications, rectifySection } from './rectification.service.ts'
import { updateSection } from './section.service.ts'

describeOnEachDatabase('after sign-off: rectifications, appeals and reminders', (getDb) => {
  async function signedOffSection(meetsOn = '2022-12-14', signedOffOn = '2022-12-19') {
    const db = getDb()
    const committee = await createTestCommittee(db)
    const { minutes } = await createTestMinutes(db, committee, { meetsOn })
    const section = await addTestSection(db, minutes, {
      title: 'Månadsrapport',
      decision: ['Nämnden godkänner rapporten.'],
    })
    const chair = await createTestPerson(db, committee.organisationId)
    const signOff = await inTransaction(db, (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1],
        signedOffOn,
        immediate: false,
        signatoryPersonIds: [chair.id],
      }),
    )
    return { section, signOff, minutes }
  }

  it('corrects a signed-off § openly, keeping what it said, why, when and by whom (FL 36 §)', async () => {
    const db = getDb()
    const { section } = await signedOffSection()
    await assert.rejects(
      inTransaction(db, (trx) =>
        updateSection(trx, testActor, { sectionId: section.id, version: section.version, title: 'Ny' }),
      ),
      {
        code: 'invalid_state',
      },
    )
    await inTransaction(db, (trx) =>
      rectifySection(trx, testActor, {
        sectionId: section.id,
        version: section.version,
        reason: 'Skrivfel i beslutet',
        rectifiedOn: '2022-12-21',
        text: { decision: ['Nämnden godkänner månadsrapporten.'] },
      }),
    )
    assert.deepEqual((await getSection(db, section.id)).decision, ['Nämnden godkänner månadsrapporten.'])
    const [rectification] = (await listRectifications(db, [section.id])).get(section.id) ?? []
    assert.deepEqual(rectification?.before.decision, ['Nämnden godkänner rapporten.'])
    assert.equal(rectification?.reason, 'Skrivfel i beslutet')
    assert.equal(rectification?.actor, 'system:test')
  })

  it('refuses a rectification that changes nothing, has no reason, or edits a § not yet signed off', async () => {
    const db = getDb()
    const { section } = await signedOffSection()
    const base = { sectionId: section.id, version: section.version, rectifiedOn: '2022-12-21' }
    await assert.rejects(
      inTransaction(db, (trx) => rectifySection(trx, testActor, { ...base, reason: 'x', text: {} })),
      { field: 'text' },
    )
    await assert.rejects(
      inTransaction(db, (trx) =>
        rectifySection(trx, testActor, { ...base, reason: ' ', text: { title: 'Y' } }),
      ),
      {
        field: 'reason',
      },
    )
    const committee = await createTestCommittee(db)
    const { minutes } = await createTestMinutes(db, committee)
    const draft = await addTestSection(db, minutes)
    await assert.rejects(
      inTransaction(db, (trx) =>
        rectifySection(trx, testActor, {
          ...base,
          sectionId: draft.id,
          version: draft.version,
          reason: 'x',
          text: { title: 'Y' },
        }),
      ),
      { code: 'invalid_state' },
    )
  })

  it('follows a decision from announced to final, or appealed (KL 13:5)', async () => {
    const db = getDb()
    const { section, signOff } = await signedOffSection()
    assert.deepEqual(await finalityOfSection(db, section.id, '2022-12-20'), { state: 'not_announced' })
    await inTransaction(db, (trx) =>
      postMinutesNotice(trx, testActor, { signOffId: signOff.id, postedOn: '2022-12-19' }),
    )
    assert.deepEqual(await finalityOfSection(db, section.id, '2023-01-09'), {
      state: 'appealable',
      lastAppealDay: '2023-01-09',
    })
    assert.deepEqual(await finalityOfSection(db, section.id, '2023-01-10'), {
      state: 'final',
      since: '2023-01-10',
    })
    await inTransaction(db, (trx) =>
      registerAppeal(trx, testActor, {
        sectionId: section.id,
        receivedOn: '2023-01-04',
        caseNumber: '123-23',
      }),
    )
    assert.deepEqual(await finalityOfSection(db, section.id, '2023-02-01'), { state: 'appealed', appeals: 1 })
  })

  it('lists minutes close to or past their 14-day sign-off deadline (KL 5:69)', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    const { minutes } = await createTestMinutes(db, committee, { meetsOn: '2031-03-04' })
    const due = (await listSignOffReminders(db, '2031-03-16', 3)).filter((r) => r.minutesId === minutes.id)
    assert.deepEqual(
      due.map((r) => [r.deadline, r.daysLeft]),
      [['2031-03-18', 2]],
    )
    assert.equal(
      (await listSignOffReminders(db, '2031-03-10', 3)).filter((r) => r.minutesId === minutes.id).length,
      0,
    )
    const { minutes: done } = await signedOffSection('2031-03-04', '2031-03-10')
    assert.equal(
      (await listSignOffReminders(db, '2031-03-20', 3)).filter((r) => r.minutesId === done.id).length,
      0,
    )
  })
})
