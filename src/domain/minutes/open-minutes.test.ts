import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  createTestCommittee,
  createTestMeeting,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import { cancelMeeting, getMeeting } from '../meeting/meeting.service.ts'
import type { DomainError } from '../shared/errors.ts'
import { openMinutes } from './minutes.service.ts'
import { readMinutesRecord } from './minutes-record.ts'

describeOnEachDatabase('openMinutes', (getDb) => {
  it('starts a draft and moves the meeting to minutes_draft', async () => {
    const committee = await createTestCommittee(getDb(), {
      organisationSettings: { minutesKeptAt: 'Stadshuset' },
    })
    const meeting = await createTestMeeting(getDb(), { committee })
    const minutes = await inTransaction(getDb(), (trx) =>
      openMinutes(trx, testActor, {
        meetingId: meeting.id,
        signOffPlannedOn: '2022-12-19',
      }),
    )
    assert.equal(minutes.status, 'draft')
    assert.equal(minutes.keptAt, 'Stadshuset') // from the settings
    assert.equal(minutes.signOffPlannedOn, '2022-12-19')
    assert.equal((await getMeeting(getDb(), meeting.id)).status, 'minutes_draft')
    const events = await listAuditEvents(getDb(), 'meeting', meeting.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['meeting.scheduled', 'meeting.held', 'meeting.minutes_draft'],
    )
  })

  it('refuses a second set of minutes for the same meeting', async () => {
    const committee = await createTestCommittee(getDb())
    const { meeting } = await createTestMinutes(getDb(), committee)
    await assert.rejects(
      inTransaction(getDb(), (trx) => openMinutes(trx, testActor, { meetingId: meeting.id })),
      {
        code: 'invalid_state',
      },
    )
  })

  it('refuses minutes of a cancelled meeting', async () => {
    const meeting = await createTestMeeting(getDb())
    await cancelMeeting(getDb(), testActor, {
      meetingId: meeting.id,
      version: meeting.version,
      reason: 'Inga ärenden',
    })
    await assert.rejects(
      inTransaction(getDb(), (trx) => openMinutes(trx, testActor, { meetingId: meeting.id })),
      {
        code: 'invalid_state',
      },
    )
    assert.equal(await readMinutesRecord(getDb(), meeting.id), undefined)
  })

  it('refuses a sign-off day that is not a date', async () => {
    const meeting = await createTestMeeting(getDb())
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        openMinutes(trx, testActor, { meetingId: meeting.id, signOffPlannedOn: '19 dec' }),
      ),
      (error: DomainError) => error.field === 'signOffPlannedOn',
    )
  })
})
