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
import type { Person } from '../person/person.ts'
import { prepareSignOff, signSections } from '../sign-off/sign-off.service.ts'
import { appointSignatories } from './minutes.service.ts'
import { readMinutesRecord } from './minutes-record.ts'
import { type RollCallLine, recordRollCall } from './roll-call.service.ts'
import { addSection, updateSection } from './section.service.ts'
import { recordMotion } from './section-record.service.ts'
import { SignedOffRecordError } from './signed-off-record.ts'

// KL 5:69: the signatories together vouch for one text. Once the first has signed, the §§ of that
// sign-off keep the text they signed, or the last signatory would sign another text than the first.

describeOnEachDatabase('a § whose sign-off has begun keeps the text the first signatory signed', (getDb) => {
  it('takes edits before the first signature, refuses them after it, and leaves §§ outside the sign-off open', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db, { seats: 3 })
    const [a, b, c] = (await addTestMembers(db, committee, 3)) as [Person, Person, Person]
    const meeting = await createTestMeeting(db, { committee })
    const lines: RollCallLine[] = [
      { personId: a.id, role: 'chair', present: true },
      { personId: b.id, role: 'member', present: true },
      { personId: c.id, role: 'member', present: true },
    ]
    const minutes = await recordRollCall(db, testActor, { meetingId: meeting.id, lines })
    const first = await addSection(db, testActor, {
      minutesId: minutes.id,
      title: 'Första',
      decision: ['Bifall'],
    })
    const third = await addSection(db, testActor, {
      minutesId: minutes.id,
      title: 'Andra',
      decision: ['Bifall'],
    })
    await inTransaction(db, (trx) =>
      appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [a.id, b.id] }),
    )
    const signOff = await inTransaction(db, (trx) =>
      prepareSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [first.number],
      }),
    )
    const corrected = await inTransaction(db, (trx) =>
      updateSection(trx, testActor, {
        sectionId: first.id,
        version: first.version,
        title: 'Första ärendet',
      }),
    )

    await signSections(db, testActor, { signOffId: signOff.id, personId: a.id, on: '2022-12-19' })
    const begun = (error: unknown) =>
      error instanceof SignedOffRecordError && error.signing && error.labels.includes(first.label)
    await assert.rejects(
      inTransaction(db, (trx) =>
        updateSection(trx, testActor, { sectionId: first.id, version: corrected.version, title: 'Annat' }),
      ),
      begun,
    )
    await assert.rejects(
      inTransaction(db, (trx) =>
        recordMotion(trx, testActor, { sectionId: first.id, text: 'Avslag', authors: [{ personId: c.id }] }),
      ),
      begun,
    )
    await assert.rejects(
      inTransaction(db, (trx) =>
        appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [a.id, c.id] }),
      ),
      begun,
    )
    await assert.rejects(
      recordRollCall(db, testActor, {
        meetingId: meeting.id,
        lines: lines.map((l) => (l.personId === c.id ? { ...l, present: false } : l)),
      }),
      begun,
    )
    await inTransaction(db, (trx) =>
      updateSection(trx, testActor, {
        sectionId: third.id,
        version: third.version,
        title: 'Andra ärendet',
      }),
    )

    const done = await signSections(db, testActor, {
      signOffId: signOff.id,
      personId: b.id,
      on: '2022-12-19',
    })
    assert.equal(done.status, 'signed_off')
    const record = await readMinutesRecord(db, meeting.id)
    assert.equal(record?.sections.find((s) => s.section.id === first.id)?.section.title, 'Första ärendet')
  })
})
