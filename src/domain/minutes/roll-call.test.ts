import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  createTestCommittee,
  createTestMeeting,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { recordSignOff } from '../sign-off/sign-off.service.ts'
import { readMinutesRecord } from './minutes-record.ts'
import { applyRollCall, recordRollCall } from './roll-call.service.ts'
import { addSection, recordRecusal, recordServing } from './section.service.ts'

describeOnEachDatabase('applyRollCall', (getDb) => {
  it('gives a § added after the roll call the people serving then, and leaves signed-off §§ as they were', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db, { seats: 3 })
    const [a, b, c] = await addTestMembers(db, committee, 3)
    const [substitute] = await addTestMembers(db, committee, 1, { role: 'substitute' })
    const meeting = await createTestMeeting(db, { committee })
    const minutes = await recordRollCall(db, testActor, {
      meetingId: meeting.id,
      lines: [
        { personId: a!.id, role: 'member', present: true },
        { personId: b!.id, role: 'member', present: true, leftAfterSection: 1 },
        { personId: c!.id, role: 'member', present: false },
        { personId: substitute!.id, role: 'substitute', present: true, servingForPersonId: c!.id },
      ],
    })
    const first = await addSection(db, testActor, { minutesId: minutes.id, title: 'Första' })
    await inTransaction(db, (trx) =>
      applyRollCall(trx, testActor, { meetingId: meeting.id, minutesId: minutes.id }),
    )
    await addSection(db, testActor, { minutesId: minutes.id, title: 'Andra' })
    await inTransaction(db, (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1],
        signedOffOn: '2022-12-14',
        immediate: true,
        signatoryPersonIds: [a!.id],
      }),
    )
    await inTransaction(db, (trx) =>
      applyRollCall(trx, testActor, { meetingId: meeting.id, minutesId: minutes.id }),
    )
    const record = await readMinutesRecord(db, meeting.id)
    const serving = (number: number) =>
      record?.sections
        .find((s) => s.section.number === number)
        ?.services.map((s) => s.personId)
        .sort((x, y) => x - y)
    assert.deepEqual(
      serving(first.number),
      [a!.id, b!.id, substitute!.id].sort((x, y) => x - y),
    )
    // B left after § 1: § 2 has the others only.
    assert.deepEqual(
      serving(2),
      [a!.id, substitute!.id].sort((x, y) => x - y),
    )
  })
})

describeOnEachDatabase('B3: a member who left does not serve again that day (KL 5:20)', (getDb) => {
  async function rollCall() {
    const db = getDb()
    const committee = await createTestCommittee(db, { seats: 3 })
    const [a, b, c] = await addTestMembers(db, committee, 3)
    const [substitute] = await addTestMembers(db, committee, 1, { role: 'substitute' })
    const meeting = await createTestMeeting(db, { committee })
    const minutes = await recordRollCall(db, testActor, {
      meetingId: meeting.id,
      lines: [
        { personId: a!.id, role: 'member', present: true },
        { personId: b!.id, role: 'member', present: true, leftAfterSection: 1 },
        { personId: c!.id, role: 'member', present: true },
        { personId: substitute!.id, role: 'substitute', present: true, servingForPersonId: b!.id },
      ],
    })
    for (const title of ['Första', 'Andra', 'Tredje']) {
      await addSection(db, testActor, { minutesId: minutes.id, title })
    }
    await inTransaction(db, (trx) =>
      applyRollCall(trx, testActor, { meetingId: meeting.id, minutesId: minutes.id }),
    )
    const record = await readMinutesRecord(db, meeting.id)
    return { db, meeting, minutes, record: record!, a: a!, b: b!, substitute: substitute! }
  }

  it('lets the substitute take the seat from the § after the member left', async () => {
    const { record, b, substitute } = await rollCall()
    const serving = (n: number) => record.sections[n - 1]!.services.map((s) => s.personId)
    assert.ok(serving(1).includes(b.id) && !serving(1).includes(substitute.id))
    for (const n of [2, 3]) assert.ok(serving(n).includes(substitute.id) && !serving(n).includes(b.id))
  })

  it('refuses the member at a later § of the same meeting', async () => {
    const { db, record, b } = await rollCall()
    await assert.rejects(
      inTransaction(db, (trx) =>
        recordServing(trx, testActor, { sectionId: record.sections[2]!.section.id, personId: b.id }),
      ),
      /does not serve again the same day \(KL 5:20\)/,
    )
  })

  it('refuses a roll call where someone arrives after leaving', async () => {
    const { db, meeting, a } = await rollCall()
    await assert.rejects(
      recordRollCall(db, testActor, {
        meetingId: meeting.id,
        lines: [{ personId: a.id, role: 'member', present: true, arrivedAtSection: 3, leftAfterSection: 1 }],
      }),
      /does not come back the same day/,
    )
  })

  it('still lets a member who had jäv at one § serve at the next (KL 6:28–30 is per matter)', async () => {
    const { db, record, a } = await rollCall()
    await inTransaction(db, (trx) =>
      recordRecusal(trx, testActor, { sectionId: record.sections[1]!.section.id, personId: a.id }),
    )
    const after = await readMinutesRecord(db, record.minutes.meetingId)
    const serving = (n: number) => after!.sections[n - 1]!.services.map((s) => s.personId)
    assert.ok(!serving(2).includes(a.id))
    assert.ok(serving(3).includes(a.id))
  })
})
