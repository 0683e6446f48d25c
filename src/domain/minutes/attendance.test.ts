import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  createTestCommittee,
  createTestMeeting,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import type { LocalSettingsOverride } from '../organisation/local-settings.ts'
import type { DomainError } from '../shared/errors.ts'
import { openMinutes, type RecordAttendanceInput, recordAttendance } from './minutes.service.ts'
import { readMinutesRecord } from './minutes-record.ts'

describeOnEachDatabase('recordAttendance', (getDb) => {
  const setUp = async (settings: LocalSettingsOverride = {}) => {
    const committee = await createTestCommittee(getDb(), { settings })
    const [member] = await addTestMembers(getDb(), committee, 1)
    const [substitute] = await addTestMembers(getDb(), committee, 1, { role: 'substitute' })
    const meeting = await createTestMeeting(getDb(), { committee })
    return { meeting, member: member!, substitute: substitute! }
  }

  it('records a substitute serving for an absent member', async () => {
    const { meeting, member, substitute } = await setUp()
    await recordAttendance(getDb(), testActor, {
      meetingId: meeting.id,
      personId: member.id,
      role: 'member',
      present: false,
    })
    const line = await recordAttendance(getDb(), testActor, {
      meetingId: meeting.id,
      personId: substitute.id,
      role: 'substitute',
      present: true,
      servingForPersonId: member.id,
    })
    assert.equal(line.servingForPersonId, member.id)
    const events = await listAuditEvents(getDb(), 'meeting', meeting.id)
    assert.equal(events.at(-1)?.action, 'meeting.attendance_recorded')
  })

  it('keeps one line per person: a second entry replaces the first', async () => {
    const { meeting, member } = await setUp()
    await createTestMinutes(getDb(), await createTestCommittee(getDb())) // another meeting's roll call is unrelated
    await recordAttendance(getDb(), testActor, {
      meetingId: meeting.id,
      personId: member.id,
      role: 'member',
      present: true,
    })
    await recordAttendance(getDb(), testActor, {
      meetingId: meeting.id,
      personId: member.id,
      role: 'member',
      present: true,
      leftAfterSection: 5,
    })
    await inTransaction(getDb(), (trx) => openMinutes(trx, testActor, { meetingId: meeting.id }))
    const record = await readMinutesRecord(getDb(), meeting.id)
    assert.deepEqual(
      record?.attendance.map((a) => [a.personId, a.leftAfterSection]),
      [[member.id, 5]],
    )
  })

  type Case = {
    name: string
    input: (p: Awaited<ReturnType<typeof setUp>>) => Partial<RecordAttendanceInput>
    field: string
  }
  const refused: Case[] = [
    {
      name: 'a member who serves for someone',
      input: ({ member, substitute }) => ({
        personId: member.id,
        role: 'member',
        servingForPersonId: substitute.id,
      }),
      field: 'servingForPersonId',
    },
    {
      name: 'a serving substitute who is not present',
      input: ({ member, substitute }) => ({
        personId: substitute.id,
        present: false,
        servingForPersonId: member.id,
      }),
      field: 'present',
    },
    {
      name: 'a substitute serving for themselves',
      input: ({ substitute }) => ({ personId: substitute.id, servingForPersonId: substitute.id }),
      field: 'servingForPersonId',
    },
    {
      name: 'taking part at a distance where the committee does not allow it',
      input: ({ member }) => ({ personId: member.id, role: 'member', remote: true }),
      field: 'remote',
    },
  ]
  for (const c of refused) {
    it(`refuses ${c.name}`, async () => {
      const persons = await setUp()
      await assert.rejects(
        recordAttendance(getDb(), testActor, {
          meetingId: persons.meeting.id,
          personId: persons.substitute.id,
          role: 'substitute',
          present: true,
          ...c.input(persons),
        }),
        (error: DomainError) => error.code === 'invalid_input' && error.field === c.field,
      )
    })
  }

  it('records distance participation where the committee allows it', async () => {
    const { meeting, member } = await setUp({ distanceParticipation: true })
    const line = await recordAttendance(getDb(), testActor, {
      meetingId: meeting.id,
      personId: member.id,
      role: 'member',
      present: true,
      remote: true,
    })
    assert.equal(line.remote, true)
  })
})
