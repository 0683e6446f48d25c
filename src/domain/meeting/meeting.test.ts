import assert from 'node:assert/strict'
import { it } from 'node:test'
import { createTestCommittee, createTestMeeting, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import type { DomainError } from '../shared/errors.ts'
import { cancelMeeting, changeMeetingStatus, getMeeting, scheduleMeeting } from './meeting.service.ts'
import type { Meeting, MeetingStatus } from './meeting.ts'

describeOnEachDatabase('scheduleMeeting', (getDb) => {
  it('puts the meeting in the calendar at mote-YYYY-MM-DD, planned', async () => {
    const committee = await createTestCommittee(getDb())
    const meeting = await inTransaction(getDb(), (trx) =>
      scheduleMeeting(trx, testActor, {
        committeeId: committee.id,
        meetsOn: '2022-12-14',
        startTime: '13:30',
        endTime: '16:00',
        location: ' Rådhuset ',
      }),
    )
    assert.equal(meeting.slug, 'mote-2022-12-14')
    assert.equal(meeting.status, 'planned')
    assert.equal(meeting.location, 'Rådhuset')
    assert.equal(meeting.noticePublishedAt, null)
    const events = await listAuditEvents(getDb(), 'meeting', meeting.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['meeting.scheduled'],
    )
  })

  it('gives a second meeting on the same day -2, and the same day of another committee none', async () => {
    const committee = await createTestCommittee(getDb())
    const first = await createTestMeeting(getDb(), { committee, meetsOn: '2023-03-01' })
    const second = await createTestMeeting(getDb(), { committee, meetsOn: '2023-03-01' })
    const third = await createTestMeeting(getDb(), { committee, meetsOn: '2023-03-01' })
    const elsewhere = await createTestMeeting(getDb(), { meetsOn: '2023-03-01' })
    assert.deepEqual(
      [first.slug, second.slug, third.slug, elsewhere.slug],
      ['mote-2023-03-01', 'mote-2023-03-01-2', 'mote-2023-03-01-3', 'mote-2023-03-01'],
    )
  })

  for (const { name, input, field, message } of [
    {
      name: 'a date that does not exist',
      input: { meetsOn: '2023-02-29' },
      field: 'meetsOn',
      message: /date/,
    },
    { name: 'a date in another format', input: { meetsOn: '14/12/2022' }, field: 'meetsOn', message: /date/ },
    {
      name: 'a start time past midnight',
      input: { startTime: '24:00' },
      field: 'startTime',
      message: /startTime/,
    },
    {
      name: 'a start time without minutes',
      input: { startTime: '9' },
      field: 'startTime',
      message: /startTime/,
    },
    {
      name: 'an end time with seconds',
      input: { endTime: '16:00:00' },
      field: 'endTime',
      message: /endTime/,
    },
    {
      name: 'an end before the start',
      input: { startTime: '13:00', endTime: '12:59' },
      field: 'endTime',
      message: /ends/,
    },
  ]) {
    it(`refuses ${name} and names the field`, async () => {
      const committee = await createTestCommittee(getDb())
      await assert.rejects(
        inTransaction(getDb(), (trx) =>
          scheduleMeeting(trx, testActor, { committeeId: committee.id, meetsOn: '2022-12-14', ...input }),
        ),
        (error: DomainError) =>
          error.code === 'invalid_input' && error.field === field && message.test(error.message),
      )
    })
  }

  it('refuses an unknown committee', async () => {
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        scheduleMeeting(trx, testActor, { committeeId: 999_999, meetsOn: '2022-12-14' }),
      ),
      {
        code: 'not_found',
      },
    )
  })
})

describeOnEachDatabase('changeMeetingStatus', (getDb) => {
  // The path to each status from 'planned', through allowed steps.
  const pathTo: Record<MeetingStatus, MeetingStatus[]> = {
    planned: [],
    notice_published: ['notice_published'],
    held: ['held'],
    minutes_draft: ['held', 'minutes_draft'],
    signed_off: ['held', 'minutes_draft', 'signed_off'],
    published: ['held', 'minutes_draft', 'signed_off', 'published'],
    cancelled: ['cancelled'],
  }
  const meetingIn = async (status: MeetingStatus): Promise<Meeting> => {
    let meeting = await createTestMeeting(getDb())
    for (const step of pathTo[status])
      meeting = await inTransaction(getDb(), (trx) => changeMeetingStatus(trx, testActor, meeting, step))
    return meeting
  }

  const steps: Array<[MeetingStatus, MeetingStatus, boolean]> = [
    ['planned', 'notice_published', true],
    ['planned', 'held', true],
    ['planned', 'cancelled', true],
    ['planned', 'minutes_draft', false],
    ['planned', 'signed_off', false],
    ['notice_published', 'held', true],
    ['notice_published', 'cancelled', true],
    ['notice_published', 'planned', false],
    ['held', 'minutes_draft', true],
    ['held', 'cancelled', false],
    ['held', 'notice_published', false],
    ['minutes_draft', 'signed_off', true],
    ['minutes_draft', 'held', false],
    ['signed_off', 'published', true],
    ['signed_off', 'minutes_draft', false],
    ['published', 'signed_off', false],
    ['cancelled', 'planned', false],
    ['cancelled', 'held', false],
  ]
  for (const [from, to, allowed] of steps) {
    it(`${allowed ? 'moves' : 'refuses to move'} a meeting from ${from} to ${to}`, async () => {
      const meeting = await meetingIn(from)
      assert.equal(meeting.status, from)
      const change = inTransaction(getDb(), (trx) => changeMeetingStatus(trx, testActor, meeting, to))
      if (allowed) {
        const after = await change
        assert.equal(after.status, to)
        assert.equal(after.version, meeting.version + 1)
        assert.equal((await getMeeting(getDb(), meeting.id)).status, to)
      } else {
        await assert.rejects(change, { code: 'invalid_state' })
        assert.equal((await getMeeting(getDb(), meeting.id)).status, from)
      }
    })
  }

  it('stamps the time the notice was published and writes the step in the audit log', async () => {
    const meeting = await createTestMeeting(getDb())
    const before = Date.now()
    const after = await inTransaction(getDb(), (trx) =>
      changeMeetingStatus(trx, testActor, meeting, 'notice_published'),
    )
    assert.ok(after.noticePublishedAt && Date.parse(after.noticePublishedAt) >= before - 1000)
    const events = await listAuditEvents(getDb(), 'meeting', meeting.id)
    assert.equal(events.at(-1)?.action, 'meeting.notice_published')
    assert.deepEqual(events.at(-1)?.before, { status: 'planned' })
  })

  it('refuses a change made on a stale version', async () => {
    const meeting = await createTestMeeting(getDb())
    await inTransaction(getDb(), (trx) => changeMeetingStatus(trx, testActor, meeting, 'notice_published'))
    await assert.rejects(
      inTransaction(getDb(), (trx) => changeMeetingStatus(trx, testActor, meeting, 'held')),
      { code: 'conflict' },
    )
  })
})

describeOnEachDatabase('cancelMeeting', (getDb) => {
  it('cancels with the reason and keeps it in the audit log', async () => {
    const meeting = await createTestMeeting(getDb())
    const cancelled = await cancelMeeting(getDb(), testActor, {
      meetingId: meeting.id,
      version: meeting.version,
      reason: ' Inga ärenden ',
    })
    assert.equal(cancelled.status, 'cancelled')
    assert.equal(cancelled.cancellationReason, 'Inga ärenden')
    const events = await listAuditEvents(getDb(), 'meeting', meeting.id)
    assert.deepEqual(events.at(-1)?.after, { status: 'cancelled', reason: 'Inga ärenden' })
  })

  it('refuses a stale version with code conflict and leaves the meeting as it was', async () => {
    const meeting = await createTestMeeting(getDb())
    await inTransaction(getDb(), (trx) => changeMeetingStatus(trx, testActor, meeting, 'notice_published'))
    await assert.rejects(
      cancelMeeting(getDb(), testActor, {
        meetingId: meeting.id,
        version: meeting.version,
        reason: 'Sjukdom',
      }),
      { code: 'conflict' },
    )
    const current = await getMeeting(getDb(), meeting.id)
    assert.equal(current.status, 'notice_published')
    assert.equal(current.cancellationReason, null)
  })

  it('refuses to cancel without a reason', async () => {
    const meeting = await createTestMeeting(getDb())
    await assert.rejects(
      cancelMeeting(getDb(), testActor, { meetingId: meeting.id, version: meeting.version, reason: '  ' }),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'reason',
    )
  })

  it('refuses to cancel a meeting that has been held', async () => {
    const created = await createTestMeeting(getDb())
    const meeting = await inTransaction(getDb(), (trx) =>
      changeMeetingStatus(trx, testActor, created, 'held'),
    )
    await assert.rejects(
      cancelMeeting(getDb(), testActor, {
        meetingId: meeting.id,
        version: meeting.version,
        reason: 'För sent',
      }),
      { code: 'invalid_state' },
    )
  })
})
