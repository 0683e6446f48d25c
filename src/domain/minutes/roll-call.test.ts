import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  createTestCommittee,
  createTestMeeting,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { recordSignOff } from '../sign-off/sign-off.service.ts'
import { readMinutesRecord } from './minutes-record.ts'
import { applyRollCall, recordRollCall } from './roll-call.service.ts'
import { addSection } from './section.service.ts'

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
    await applyRollCall(db, testActor, { meetingId: meeting.id, minutesId: minutes.id })
    await addSection(db, testActor, { minutesId: minutes.id, title: 'Andra' })
    await recordSignOff(db, testActor, {
      minutesId: minutes.id,
      sectionNumbers: [1],
      signedOffOn: '2022-12-14',
      immediate: true,
      signatoryPersonIds: [a!.id],
    })
    await applyRollCall(db, testActor, { meetingId: meeting.id, minutesId: minutes.id })
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
