import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import type { DomainError } from '../shared/errors.ts'
import { appointSignatories } from './minutes.service.ts'
import { readMinutesRecord } from './minutes-record.ts'

describeOnEachDatabase('appointSignatories', (getDb) => {
  for (const { signatoryCount, appointed, accepted } of [
    { signatoryCount: 2, appointed: 2, accepted: true },
    { signatoryCount: 2, appointed: 1, accepted: false },
    { signatoryCount: 2, appointed: 3, accepted: false },
    { signatoryCount: 3, appointed: 3, accepted: true },
    { signatoryCount: 1, appointed: 1, accepted: true },
  ]) {
    it(`${accepted ? 'appoints' : 'refuses'} ${appointed} signatories where the committee has ${signatoryCount}`, async () => {
      const committee = await createTestCommittee(getDb(), { settings: { signatoryCount } })
      const persons = await addTestMembers(getDb(), committee, appointed)
      const { meeting, minutes } = await createTestMinutes(getDb(), committee)
      const appoint = inTransaction(getDb(), (trx) =>
        appointSignatories(trx, testActor, {
          minutesId: minutes.id,
          personIds: persons.map((p) => p.id),
        }),
      )
      if (accepted) {
        await appoint
        assert.deepEqual(
          (await readMinutesRecord(getDb(), meeting.id))?.signatoryIds,
          persons.map((p) => p.id),
        )
      } else {
        await assert.rejects(
          appoint,
          (error: DomainError) => error.code === 'invalid_input' && error.field === 'personIds',
        )
      }
    })
  }

  it('counts a person named twice once', async () => {
    const committee = await createTestCommittee(getDb())
    const [chair] = await addTestMembers(getDb(), committee, 1)
    const { minutes } = await createTestMinutes(getDb(), committee)
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [chair!.id, chair!.id] }),
      ),
      { code: 'invalid_input' },
    )
  })

  it('replaces an earlier appointment', async () => {
    const committee = await createTestCommittee(getDb())
    const [a, b, c] = await addTestMembers(getDb(), committee, 3)
    const { meeting, minutes } = await createTestMinutes(getDb(), committee)
    await inTransaction(getDb(), (trx) =>
      appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [a!.id, b!.id] }),
    )
    await inTransaction(getDb(), (trx) =>
      appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [a!.id, c!.id] }),
    )
    assert.deepEqual((await readMinutesRecord(getDb(), meeting.id))?.signatoryIds, [a!.id, c!.id])
  })

  // The meeting is on 2022-12-14, so the minutes are signed off by 2022-12-28 (KL 5:69).
  for (const [plannedOn, accepted] of [
    ['2022-12-14', true],
    ['2022-12-28', true],
    ['2022-12-29', false],
    ['2022-12-13', false],
    ['28 december', false],
  ] as const) {
    it(`A1: ${accepted ? 'agrees' : 'refuses'} a sign-off on ${plannedOn}, with its place`, async () => {
      const committee = await createTestCommittee(getDb())
      const persons = await addTestMembers(getDb(), committee, 2)
      const { meeting, minutes } = await createTestMinutes(getDb(), committee)
      const appoint = inTransaction(getDb(), (trx) =>
        appointSignatories(trx, testActor, {
          minutesId: minutes.id,
          personIds: persons.map((p) => p.id),
          signOffPlace: ' Kansliet, rum 3 ',
          signOffPlannedOn: plannedOn,
        }),
      )
      if (!accepted) {
        await assert.rejects(appoint, (error: DomainError) => error.field === 'signOffPlannedOn')
        return
      }
      await appoint
      const stored = (await readMinutesRecord(getDb(), meeting.id))?.minutes
      assert.equal(stored?.signOffPlace, 'Kansliet, rum 3')
      assert.equal(stored?.signOffPlannedOn, plannedOn)
    })
  }
})
