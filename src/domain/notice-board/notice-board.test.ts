import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMeeting,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import { appointSignatories } from '../minutes/minutes.service.ts'
import { readMinutesRecord } from '../minutes/minutes-record.ts'
import type { DomainError } from '../shared/errors.ts'
import { prepareSignOff, recordSignOff } from '../sign-off/sign-off.service.ts'
import { listNoticesDownBy, listNoticesUpOn } from './notice-board.reads.ts'
import { postMeetingNotice, postMinutesNotice, sectionRange } from './notice-board.service.ts'

describe('sectionRange', () => {
  const cases: Array<[number[], string]> = [
    [[18], '§ 18'],
    [Array.from({ length: 17 }, (_, i) => i + 1), '§§ 1–17'],
    [[1, 2, 3, 5], '§§ 1–3, 5'],
    [[5, 3, 1, 2, 2], '§§ 1–3, 5'],
    [[18, 19], '§§ 18–19'],
    [[1, 3, 5], '§§ 1, 3, 5'],
  ]
  for (const [numbers, expected] of cases) {
    it(`prints ${JSON.stringify(numbers)} as "${expected}"`, () =>
      assert.equal(sectionRange(numbers), expected))
  }
})

describeOnEachDatabase('postMinutesNotice', (getDb) => {
  /** Minutes of a meeting on 2022-12-14 with 19 §§, §§ 1–17 signed off on 2022-12-19 and §§ 18–19 on 2022-12-14. */
  const signedOff = async () => {
    const c = await createTestCommittee(getDb())
    const [chair, member] = await addTestMembers(getDb(), c, 2)
    const { meeting, minutes } = await createTestMinutes(getDb(), c, {
      meetsOn: '2022-12-14',
      keptAt: 'Stadshuset',
    })
    for (let i = 0; i < 19; i++) await addTestSection(getDb(), minutes)
    const signOff = (sectionNumbers: number[], signedOffOn: string) =>
      inTransaction(getDb(), (trx) =>
        recordSignOff(trx, testActor, {
          minutesId: minutes.id,
          sectionNumbers,
          signedOffOn,
          immediate: signedOffOn === '2022-12-14',
          signatoryPersonIds: [chair!.id, member!.id],
        }),
      )
    const immediate = await signOff([18, 19], '2022-12-14')
    const rest = await signOff(
      Array.from({ length: 17 }, (_, i) => i + 1),
      '2022-12-19',
    )
    return { committee: c, meeting, minutes, immediate, rest }
  }

  it('posts the notice with the last appeal day three weeks on and the day it comes down', async () => {
    const { committee, meeting, rest } = await signedOff()
    const notice = await inTransaction(getDb(), (trx) =>
      postMinutesNotice(trx, testActor, { signOffId: rest.id, postedOn: '2022-12-19' }),
    )
    assert.deepEqual(
      [notice.kind, notice.postedOn, notice.lastAppealDay, notice.removedOn, notice.keptAt, notice.signOffId],
      ['minutes', '2022-12-19', '2023-01-09', '2023-01-10', 'Stadshuset', rest.id],
    )
    assert.equal(notice.title, `${committee.name}, protokoll från sammanträdet 2022-12-14, §§ 1–17`)
    assert.deepEqual(
      (await readMinutesRecord(getDb(), meeting.id))?.notices.map((n) => n.id),
      [notice.id],
    )
    const events = await listAuditEvents(getDb(), 'notice', notice.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['notice.posted'],
    )
  })

  // Three weeks from the posting day, moved to the next working day past a holiday (lag 1930:173).
  for (const [postedOn, lastAppealDay] of [
    ['2022-12-14', '2023-01-04'],
    ['2022-12-16', '2023-01-09'], // 2023-01-06 is trettondedag jul, then a weekend
  ] as const) {
    it(`gives ${lastAppealDay} as the last appeal day for a notice posted ${postedOn}`, async () => {
      const { immediate } = await signedOff()
      const notice = await inTransaction(getDb(), (trx) =>
        postMinutesNotice(trx, testActor, {
          signOffId: immediate.id,
          postedOn,
          asPublished: true,
        }),
      )
      assert.equal(notice.lastAppealDay, lastAppealDay)
    })
  }

  it('names the §§ of an immediate sign-off, and an other place where the minutes are kept', async () => {
    const { committee, immediate } = await signedOff()
    const notice = await inTransaction(getDb(), (trx) =>
      postMinutesNotice(trx, testActor, {
        signOffId: immediate.id,
        postedOn: '2022-12-15',
        keptAt: ' Socialförvaltningen ',
      }),
    )
    assert.equal(notice.title, `${committee.name}, protokoll från sammanträdet 2022-12-14, §§ 18–19`)
    assert.equal(notice.keptAt, 'Socialförvaltningen')
  })

  it('is idempotent per sign-off', async () => {
    const { rest } = await signedOff()
    const first = await inTransaction(getDb(), (trx) =>
      postMinutesNotice(trx, testActor, { signOffId: rest.id, postedOn: '2022-12-19' }),
    )
    const again = await inTransaction(getDb(), (trx) =>
      postMinutesNotice(trx, testActor, { signOffId: rest.id, postedOn: '2022-12-20' }),
    )
    assert.deepEqual(again, first)
    assert.equal((await listAuditEvents(getDb(), 'notice', first.id)).length, 1)
  })

  it('refuses a notice of §§ not yet signed off', async () => {
    const committee = await createTestCommittee(getDb())
    const [chair, member] = await addTestMembers(getDb(), committee, 2)
    const { minutes } = await createTestMinutes(getDb(), committee)
    await addTestSection(getDb(), minutes)
    await inTransaction(getDb(), (trx) =>
      appointSignatories(trx, testActor, {
        minutesId: minutes.id,
        personIds: [chair!.id, member!.id],
      }),
    )
    const pending = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [1] }),
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        postMinutesNotice(trx, testActor, { signOffId: pending.id, postedOn: '2022-12-19' }),
      ),
      {
        code: 'invalid_state',
      },
    )
  })

  for (const { postedOn, asPublished, accepted } of [
    { postedOn: '2022-12-19', asPublished: false, accepted: true }, // the day of the sign-off
    { postedOn: '2022-12-21', asPublished: false, accepted: true }, // the second day after (KL 8:12)
    { postedOn: '2022-12-22', asPublished: false, accepted: false },
    { postedOn: '2022-12-22', asPublished: true, accepted: true }, // an imported protocol keeps its dates
    { postedOn: '2022-12-18', asPublished: true, accepted: false }, // never before the sign-off
  ]) {
    it(`${accepted ? 'accepts' : 'refuses'} a notice posted ${postedOn} of minutes signed off 2022-12-19${asPublished ? ', as published' : ''}`, async () => {
      const { rest } = await signedOff()
      const post = inTransaction(getDb(), (trx) =>
        postMinutesNotice(trx, testActor, { signOffId: rest.id, postedOn, asPublished }),
      )
      if (accepted) assert.equal((await post).postedOn, postedOn)
      else
        await assert.rejects(
          post,
          (error: DomainError) => error.code === 'invalid_input' && error.field === 'postedOn',
        )
    })
  }

  it('refuses a posting day that is not a date, and an unknown sign-off', async () => {
    const { rest } = await signedOff()
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        postMinutesNotice(trx, testActor, { signOffId: rest.id, postedOn: '2022-12-32' }),
      ),
      (error: DomainError) => error.field === 'postedOn',
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        postMinutesNotice(trx, testActor, { signOffId: 999_999, postedOn: '2022-12-19' }),
      ),
      (error: DomainError) => error.field === 'signOffId',
    )
  })
})

describeOnEachDatabase('postMeetingNotice', (getDb) => {
  it('announces the meeting until the day after it', async () => {
    const committee = await createTestCommittee(getDb(), { name: 'Byggnadsnämnden' })
    const meeting = await createTestMeeting(getDb(), {
      committee,
      meetsOn: '2023-02-08',
      startTime: '09:00',
      location: 'Stadshuset',
    })
    const notice = await inTransaction(getDb(), (trx) =>
      postMeetingNotice(trx, testActor, {
        meetingId: meeting.id,
        postedOn: '2023-01-30',
      }),
    )
    assert.deepEqual(
      [notice.kind, notice.meetingId, notice.title, notice.postedOn, notice.removedOn, notice.lastAppealDay],
      [
        'meeting',
        meeting.id,
        'Byggnadsnämnden sammanträder 2023-02-08 kl. 09:00, Stadshuset',
        '2023-01-30',
        '2023-02-09',
        null,
      ],
    )
    const again = await inTransaction(getDb(), (trx) =>
      postMeetingNotice(trx, testActor, {
        meetingId: meeting.id,
        postedOn: '2023-02-01',
      }),
    )
    assert.equal(again.id, notice.id)
  })

  it('refuses to announce a meeting after it was held', async () => {
    const meeting = await createTestMeeting(getDb(), { meetsOn: '2023-02-08' })
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        postMeetingNotice(trx, testActor, { meetingId: meeting.id, postedOn: '2023-02-09' }),
      ),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'postedOn',
    )
  })
})

describeOnEachDatabase('listNoticesUpOn and listNoticesDownBy', (getDb) => {
  it('lists the notices up on a day, newest first, and those that have come down', async () => {
    const committee = await createTestCommittee(getDb())
    const early = await createTestMeeting(getDb(), { committee, meetsOn: '2023-01-10' })
    const late = await createTestMeeting(getDb(), { committee, meetsOn: '2023-01-20' })
    const a = await inTransaction(getDb(), (trx) =>
      postMeetingNotice(trx, testActor, { meetingId: early.id, postedOn: '2023-01-02' }),
    ) // up 01-02 – 01-10
    const b = await inTransaction(getDb(), (trx) =>
      postMeetingNotice(trx, testActor, { meetingId: late.id, postedOn: '2023-01-09' }),
    ) // up 01-09 – 01-20
    const otherMeeting = await createTestMeeting(getDb(), { meetsOn: '2023-01-10' })
    const other = await inTransaction(getDb(), (trx) =>
      postMeetingNotice(trx, testActor, {
        meetingId: otherMeeting.id,
        postedOn: '2023-01-03',
      }),
    )
    const upOn = async (day: string) =>
      (await listNoticesUpOn(getDb(), day, committee.organisationId)).map((n) => n.id)
    assert.deepEqual(await upOn('2023-01-01'), [])
    assert.deepEqual(await upOn('2023-01-02'), [a.id])
    assert.deepEqual(await upOn('2023-01-10'), [b.id, a.id]) // the meeting day itself
    assert.deepEqual(await upOn('2023-01-11'), [b.id]) // a comes down the day after the meeting
    assert.deepEqual(await upOn('2023-01-21'), [])
    assert.ok((await listNoticesUpOn(getDb(), '2023-01-05')).some((n) => n.id === other.id))

    const ours = new Set([a.id, b.id])
    const downBy = async (day: string) =>
      (await listNoticesDownBy(getDb(), day, 100)).map((n) => n.id).filter((id) => ours.has(id))
    assert.deepEqual(await downBy('2023-01-10'), [])
    assert.deepEqual(await downBy('2023-01-11'), [a.id])
    assert.deepEqual(await downBy('2023-01-21'), [b.id, a.id])
  })
})
