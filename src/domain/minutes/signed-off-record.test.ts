import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  createTestCommittee,
  createTestMeeting,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { type Db, inTransaction } from '../../db/database.ts'
import type { Person } from '../person/person.ts'
import { recordSignOff } from '../sign-off/sign-off.service.ts'
import { recordVote } from '../vote/vote.service.ts'
import { recordDecision } from './decision.service.ts'
import { appointSignatories, closeMeeting, recordAttendance } from './minutes.service.ts'
import { publicMinutesRecord, readMinutesRecord } from './minutes-record.ts'
import { rectifySection } from './rectification.service.ts'
import { type RollCallLine, recordRollCall } from './roll-call.service.ts'
import { addSection, recordRecusal, recordServing, updateSection } from './section.service.ts'
import { addDissentReason, recordDissent, recordMotion, recordStatement } from './section-record.service.ts'
import { SignedOffRecordError } from './signed-off-record.ts'

// Issue 11, defect 2: a signed-off § is a public document (TF 2:10) vouched for by its signatories
// (KL 5:69); it changes only by a recorded rectification (FL 36 §), never by an edit, whoever calls.

const refused =
  (part: SignedOffRecordError['part'], label = '§ 1') =>
  (error: unknown) =>
    error instanceof SignedOffRecordError && error.part === part && error.labels.includes(label)

/**
 * A meeting of a committee of three with a substitute serving for the absent third member, §§ 1–3
 * with a motion, a vote, a dissent and a statement at § 1, and § 1 signed off at the meeting
 * (omedelbar justering) by the two appointed signatories.
 */
async function partlySignedOff(db: Db) {
  const committee = await createTestCommittee(db, { seats: 3 })
  const [a, b, c] = (await addTestMembers(db, committee, 3)) as [Person, Person, Person]
  const [substitute] = (await addTestMembers(db, committee, 1, { role: 'substitute' })) as [Person]
  const meeting = await createTestMeeting(db, { committee })
  const lines: RollCallLine[] = [
    { personId: a.id, role: 'chair', present: true },
    { personId: b.id, role: 'member', present: true },
    { personId: c.id, role: 'member', present: false },
    { personId: substitute.id, role: 'substitute', present: true, servingForPersonId: c.id },
  ]
  const minutes = await recordRollCall(db, testActor, { meetingId: meeting.id, lines })
  const sections = []
  for (const title of ['Första', 'Andra', 'Tredje'])
    sections.push(await addSection(db, testActor, { minutesId: minutes.id, title, decision: ['Beslut'] }))
  await recordRollCall(db, testActor, { meetingId: meeting.id, lines })
  const [first, second] = sections as [(typeof sections)[0], (typeof sections)[0]]
  await inTransaction(db, (trx) =>
    recordMotion(trx, testActor, { sectionId: first.id, text: 'Avslag', authors: [{ personId: b.id }] }),
  )
  await inTransaction(db, (trx) =>
    recordVote(trx, testActor, {
      sectionId: first.id,
      kind: 'open',
      question: 'Bifall mot avslag',
      ballots: [
        { personId: a.id, choice: 'yes' },
        { personId: b.id, choice: 'no' },
        { personId: substitute.id, choice: 'yes' },
      ],
    }),
  )
  const dissent = await inTransaction(db, (trx) =>
    recordDissent(trx, testActor, { sectionId: first.id, authors: [{ personId: b.id }] }),
  )
  await inTransaction(db, (trx) =>
    recordStatement(trx, testActor, {
      sectionId: first.id,
      kind: 'protokollsanteckning',
      text: 'Anteckning',
      authors: [{ personId: a.id }],
    }),
  )
  await inTransaction(db, (trx) =>
    appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [a.id, b.id] }),
  )
  await inTransaction(db, (trx) =>
    recordSignOff(trx, testActor, {
      minutesId: minutes.id,
      sectionNumbers: [1],
      signedOffOn: '2022-12-14',
      immediate: true,
      signatoryPersonIds: [a.id, b.id],
    }),
  )
  const publicFirst = async () =>
    JSON.stringify(
      publicMinutesRecord((await readMinutesRecord(db, meeting.id))!).sections.find(
        (s) => s.section.id === first.id,
      ),
    )
  return { meeting, minutes, first, second, a, b, c, substitute, lines, dissent, publicFirst }
}

describeOnEachDatabase('a signed-off § changes only by a rectification', (getDb) => {
  it('refuses every write to a signed-off § and to what is recorded under it, and takes them at the § still open', async () => {
    const db = getDb()
    const { first, second, a, b, c, substitute, dissent, publicFirst } = await partlySignedOff(db)
    const before = await publicFirst()
    const writes: Array<[string, (sectionId: number) => Promise<unknown>]> = [
      [
        'the text',
        (id) =>
          inTransaction(db, (trx) =>
            updateSection(trx, testActor, { sectionId: id, version: 99, title: 'Ändrad' }),
          ),
      ],
      [
        'the confidentiality',
        (id) =>
          inTransaction(db, (trx) =>
            updateSection(trx, testActor, { sectionId: id, version: 99, confidential: true }),
          ),
      ],
      [
        'the decision',
        (id) =>
          inTransaction(db, (trx) =>
            recordDecision(trx, testActor, {
              sectionId: id,
              version: 99,
              decision: ['Annat'],
              outcome: 'decided',
            }),
          ),
      ],
      [
        'who served',
        (id) => inTransaction(db, (trx) => recordServing(trx, testActor, { sectionId: id, personId: c.id })),
      ],
      [
        'jäv',
        (id) => inTransaction(db, (trx) => recordRecusal(trx, testActor, { sectionId: id, personId: a.id })),
      ],
      [
        'a motion',
        (id) =>
          inTransaction(db, (trx) =>
            recordMotion(trx, testActor, { sectionId: id, text: 'Nytt', authors: [{ personId: a.id }] }),
          ),
      ],
      [
        'a vote',
        (id) =>
          inTransaction(db, (trx) =>
            recordVote(trx, testActor, {
              sectionId: id,
              kind: 'open',
              question: 'Ny fråga',
              counts: { yes: 2, no: 1, abstain: 0 },
            }),
          ),
      ],
      [
        'a dissent',
        (id) =>
          inTransaction(db, (trx) =>
            recordDissent(trx, testActor, { sectionId: id, authors: [{ personId: b.id }] }),
          ),
      ],
      [
        'a statement',
        (id) =>
          inTransaction(db, (trx) =>
            recordStatement(trx, testActor, {
              sectionId: id,
              kind: 'protokollsanteckning',
              authors: [{ personId: substitute.id }],
            }),
          ),
      ],
    ]
    for (const [what, write] of writes) {
      await assert.rejects(write(first.id), refused('section'), `${what} of the signed-off § 1`)
    }
    // M4: the written reason of a dissent follows before sign-off; after it, the § is as signed.
    await assert.rejects(
      inTransaction(db, (trx) =>
        addDissentReason(trx, testActor, { dissentId: dissent.id, text: 'Skäl', on: '2022-12-15' }),
      ),
      refused('section'),
    )
    assert.equal(await publicFirst(), before)
    // § 2 is not signed off: the same writes are the secretary's to make (versions as read).
    await inTransaction(db, (trx) =>
      recordMotion(trx, testActor, { sectionId: second.id, text: 'Nytt', authors: [{ personId: a.id }] }),
    )
    await inTransaction(db, (trx) => recordRecusal(trx, testActor, { sectionId: second.id, personId: a.id }))
    await inTransaction(db, (trx) =>
      updateSection(trx, testActor, { sectionId: second.id, version: second.version, title: 'Ändrad' }),
    )
  })

  it('keeps the attendance a signed-off § was signed with, and takes a roll call that changes only the open §§ (c290d55)', async () => {
    const db = getDb()
    const { meeting, b, c, substitute, lines, publicFirst } = await partlySignedOff(db)
    const before = await publicFirst()
    const cover = async () => JSON.stringify((await readMinutesRecord(db, meeting.id))!.attendance)
    const attendanceBefore = await cover()
    // The defect: absent members made present, the serving substitute no longer serving.
    const everyonePresent = lines.map((l) => ({ personId: l.personId, role: l.role, present: true }))
    await assert.rejects(
      recordRollCall(db, testActor, { meetingId: meeting.id, lines: everyonePresent }),
      refused('attendance'),
    )
    await assert.rejects(
      recordAttendance(db, testActor, {
        meetingId: meeting.id,
        personId: c.id,
        role: 'member',
        present: true,
      }),
      refused('attendance'),
    )
    await assert.rejects(
      recordRollCall(db, testActor, {
        meetingId: meeting.id,
        lines: lines.map((l) => (l.personId === b.id ? { ...l, arrivedAtSection: 2 } : l)),
      }),
      refused('attendance'),
    )
    await assert.rejects(
      recordRollCall(db, testActor, { meetingId: meeting.id, lines, others: [{ name: 'Ny tjänsteperson' }] }),
      refused('attendance'),
    )
    assert.equal(await cover(), attendanceBefore)
    // The same roll call saved again, and a member leaving after § 1, change nothing of § 1.
    await recordRollCall(db, testActor, { meetingId: meeting.id, lines })
    await recordRollCall(db, testActor, {
      meetingId: meeting.id,
      lines: lines.map((l) => (l.personId === b.id ? { ...l, leftAfterSection: 1 } : l)),
    })
    assert.equal(await publicFirst(), before)
    const record = (await readMinutesRecord(db, meeting.id))!
    assert.deepEqual(
      record.sections[0]?.services.map((s) => s.personId).sort(),
      [lines[0]!.personId, b.id, substitute.id].sort(),
    )
  })

  it('numbers a later § after the signed-off ones, keeps the signatories, and records the close once', async () => {
    const db = getDb()
    const { minutes, a, c } = await partlySignedOff(db)
    await assert.rejects(
      addSection(db, testActor, { minutesId: minutes.id, number: 1, title: 'Infogad' }),
      refused('numbering'),
    )
    assert.equal((await addSection(db, testActor, { minutesId: minutes.id, title: 'Fjärde' })).number, 4)
    await assert.rejects(
      inTransaction(db, (trx) =>
        appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [a.id, c.id] }),
      ),
      refused('signatories'),
    )
    // The place and day of the remaining sign-off may still be agreed, by the same signatories.
    const [first, second] = (await readMinutesRecord(db, minutes.meetingId))!.signatoryIds
    await inTransaction(db, (trx) =>
      appointSignatories(trx, testActor, {
        minutesId: minutes.id,
        personIds: [first!, second!],
        signOffPlace: 'Stadshuset',
        signOffPlannedOn: '2022-12-19',
      }),
    )
    // § 1 was signed off at the meeting, before the chair closed it.
    await inTransaction(db, (trx) =>
      closeMeeting(trx, testActor, { minutesId: minutes.id, at: new Date('2022-12-14T17:00:00Z') }),
    )
    await assert.rejects(
      inTransaction(db, (trx) =>
        closeMeeting(trx, testActor, { minutesId: minutes.id, at: new Date('2022-12-14T15:00:00Z') }),
      ),
      refused('closing_time'),
    )
  })

  it('refuses every write to minutes signed off in full, and still takes the rectification', async () => {
    const db = getDb()
    const { meeting, minutes, first, a, b, lines } = await partlySignedOff(db)
    await inTransaction(db, (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [2, 3],
        signedOffOn: '2022-12-19',
        immediate: false,
        signatoryPersonIds: [a.id, b.id],
      }),
    )
    const before = JSON.stringify(await readMinutesRecord(db, meeting.id))
    await assert.rejects(
      recordRollCall(db, testActor, { meetingId: meeting.id, lines }),
      refused('attendance'),
    )
    await assert.rejects(
      addSection(db, testActor, { minutesId: minutes.id, title: 'Efteråt' }),
      refused('numbering'),
    )
    await assert.rejects(
      inTransaction(db, (trx) =>
        appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [a.id, b.id] }),
      ),
      refused('signatories'),
    )
    await assert.rejects(
      inTransaction(db, (trx) =>
        closeMeeting(trx, testActor, { minutesId: minutes.id, at: new Date('2022-12-14T17:00:00Z') }),
      ),
      refused('closing_time'),
    )
    assert.equal(JSON.stringify(await readMinutesRecord(db, meeting.id)), before)
    const rectification = await inTransaction(db, (trx) =>
      rectifySection(trx, testActor, {
        sectionId: first.id,
        version: first.version,
        reason: 'Skrivfel i rubriken.',
        rectifiedOn: '2022-12-20',
        text: { title: 'Första ärendet' },
      }),
    )
    assert.equal(rectification.after.title, 'Första ärendet')
  })
})
