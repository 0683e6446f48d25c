import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { appointSignatories } from '../minutes/minutes.service.ts'
import { signAndAnnounce } from './sign-and-announce.service.ts'
import { prepareSignOff } from './sign-off.service.ts'

// On PostgreSQL the signatures run on separate connections of the pool: the sign-off row lock
// (getSignOffForUpdate) is all that stops both from seeing themselves as the last, and then signing
// off, sealing and posting the notice twice (KL 8:12: one notice of the signed-off minutes).
describeOnEachDatabase('the last signature, signed by all at the same moment', (getDb) => {
  it('signs off, seals and posts the notice exactly once', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    const signatories = await addTestMembers(db, committee, 2)
    const { minutes } = await createTestMinutes(db, committee)
    for (let i = 0; i < 2; i++) await addTestSection(db, minutes)
    const personIds = signatories.map((p) => p.id)
    await inTransaction(db, (trx) => appointSignatories(trx, testActor, { minutesId: minutes.id, personIds }))
    const signOff = await inTransaction(db, (trx) =>
      prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [1, 2] }),
    )

    const results = await Promise.all(
      personIds.map((personId) =>
        signAndAnnounce(db, testActor, { signOffId: signOff.id, personId, on: '2022-12-19' }),
      ),
    )

    assert.equal(results.filter((r) => r.notice).length, 1)
    const notices = await db.selectFrom('notice').select('id').where('sign_off_id', '=', signOff.id).execute()
    const seals = await db
      .selectFrom('record_seal')
      .select('position')
      .where('sign_off_id', '=', signOff.id)
      .execute()
    const signatures = await db
      .selectFrom('signature')
      .select('id')
      .where('sign_off_id', '=', signOff.id)
      .execute()
    assert.deepEqual([notices.length, seals.length, signatures.length], [1, 1, 2])
  })
})
