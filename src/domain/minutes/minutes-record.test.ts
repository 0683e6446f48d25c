import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  serveAt,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { postMinutesNotice } from '../notice-board/notice-board.service.ts'
import { recordSignOff } from '../sign-off/sign-off.service.ts'
import { recordVote } from '../vote/vote.service.ts'
import { appointSignatories } from './minutes.service.ts'
import { publicMinutesRecord, readMinutesRecord, readMinutesRecords } from './minutes-record.ts'
import { recordDissent, recordMotion, recordStatement } from './section-record.service.ts'

describeOnEachDatabase('readMinutesRecord and publicMinutesRecord', (getDb) => {
  const secrets = [
    'Bistånd till Kalle Ankas familj',
    'Hemlig sammanfattning',
    'Att beviljas 12 000 kr',
    'Ordföranden ställde hemligt',
    'Hemligt yrkande',
    'Hemlig fråga',
    'Hemlig reservation',
    'Hemlig anteckning',
  ]

  it('reads every § and publishes only the signed-off ones, confidential §§ reduced to their number', async () => {
    const committee = await createTestCommittee(getDb(), { seats: 3 })
    const persons = await addTestMembers(getDb(), committee, 3)
    const [a, b, c] = persons as [(typeof persons)[0], (typeof persons)[0], (typeof persons)[0]]
    const { meeting, minutes } = await createTestMinutes(getDb(), committee, { keptAt: 'Kansliet' })
    const open = await addTestSection(getDb(), minutes, {
      title: 'Taxor 2023',
      decision: ['Taxorna fastställs'],
    })
    const secret = await addTestSection(getDb(), minutes, {
      title: secrets[0]!,
      summary: secrets[1]!,
      decision: [secrets[2]!],
      decisionProcedure: secrets[3]!,
      confidential: true,
    })
    const pending = await addTestSection(getDb(), minutes, { title: 'Ännu ej justerat' })
    for (const section of [open, secret, pending]) await serveAt(getDb(), section, persons)
    await inTransaction(getDb(), (trx) =>
      recordMotion(trx, testActor, {
        sectionId: secret.id,
        text: secrets[4]!,
        authors: [{ personId: a!.id }],
      }),
    )
    await inTransaction(getDb(), (trx) =>
      recordVote(trx, testActor, {
        sectionId: secret.id,
        kind: 'open',
        question: secrets[5]!,
        ballots: [
          { personId: a!.id, choice: 'yes' },
          { personId: b!.id, choice: 'yes' },
          { personId: c!.id, choice: 'no' },
        ],
      }),
    )
    await inTransaction(getDb(), (trx) =>
      recordDissent(trx, testActor, {
        sectionId: secret.id,
        text: secrets[6]!,
        authors: [{ personId: c!.id }],
      }),
    )
    await inTransaction(getDb(), (trx) =>
      recordStatement(trx, testActor, {
        sectionId: secret.id,
        kind: 'protokollsanteckning',
        text: secrets[7]!,
        authors: [{ personId: b!.id }],
      }),
    )
    await inTransaction(getDb(), (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1, 2],
        signedOffOn: '2022-12-19',
        immediate: false,
        signatoryPersonIds: [a!.id, b!.id],
      }),
    )

    const record = await readMinutesRecord(getDb(), meeting.id)
    assert.ok(record)
    assert.equal(record.minutes.keptAt, 'Kansliet')
    assert.deepEqual(
      record.sections.map((s) => [s.section.label, s.signOff?.status]),
      [
        ['§ 1', 'signed_off'],
        ['§ 2', 'signed_off'],
        ['§ 3', undefined],
      ],
    )
    const full = JSON.stringify(record)
    for (const text of secrets) assert.ok(full.includes(text), `the full record keeps "${text}"`)
    assert.equal(record.sections[1]?.votes[0]?.ballots.length, 3)

    const published = publicMinutesRecord(record)
    assert.deepEqual(
      published.sections.map((s) => [s.section.label, s.section.title]),
      [
        ['§ 1', 'Taxor 2023'],
        ['§ 2', 'Ärende som omfattas av sekretess'],
      ],
    )
    assert.deepEqual(published.sections[0]?.section.decision, ['Taxorna fastställs'])
    const text = JSON.stringify(published)
    for (const secretText of secrets)
      assert.ok(!text.includes(secretText), `"${secretText}" must not be published`)
    assert.ok(!text.includes('Ännu ej justerat'))
  })
})

describeOnEachDatabase('readMinutesRecords', (getDb) => {
  it('reads several protocols at once exactly as one by one, each with only its own §§, sign-offs and notices', async () => {
    const committee = await createTestCommittee(getDb(), { seats: 3 })
    const persons = await addTestMembers(getDb(), committee, 3)
    const meetings: number[] = []
    for (const [meetsOn, titles] of [
      ['2022-11-09', ['Budget', 'Taxor']],
      ['2022-12-14', ['Lokaler']],
    ] as const) {
      const { meeting, minutes } = await createTestMinutes(getDb(), committee, { meetsOn })
      await inTransaction(getDb(), (trx) =>
        appointSignatories(trx, testActor, {
          minutesId: minutes.id,
          personIds: [persons[0]!.id, persons[1]!.id],
        }),
      )
      for (const title of titles)
        await serveAt(getDb(), await addTestSection(getDb(), minutes, { title }), persons)
      const signOff = await inTransaction(getDb(), (trx) =>
        recordSignOff(trx, testActor, {
          minutesId: minutes.id,
          sectionNumbers: titles.map((_, i) => i + 1),
          signedOffOn: meetsOn,
          immediate: false,
          signatoryPersonIds: [persons[0]!.id, persons[1]!.id],
        }),
      )
      await inTransaction(getDb(), (trx) =>
        postMinutesNotice(trx, testActor, { signOffId: signOff.id, postedOn: meetsOn }),
      )
      meetings.push(meeting.id)
    }
    const together = await readMinutesRecords(getDb(), [...meetings, 999_999])
    assert.deepEqual([...together.keys()].sort(), [...meetings].sort())
    for (const id of meetings) assert.deepEqual(together.get(id), await readMinutesRecord(getDb(), id))
    assert.deepEqual(
      meetings.map((id) => [together.get(id)?.sections.length, together.get(id)?.notices.length]),
      [
        [2, 1],
        [1, 1],
      ],
    )
  })
})
