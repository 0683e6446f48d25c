import assert from 'node:assert/strict'
import { it } from 'node:test'
import type { KyselyPlugin } from 'kysely'
import { addTestMembers, createTestCommittee, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { getAgenda } from '../agenda/agenda.reads.ts'
import { lastAgendaPosition } from '../agenda/agenda.repository.ts'
import { addAgendaItem } from '../agenda/agenda.service.ts'
import { listAttendance } from '../minutes/attendance.repository.ts'
import { recordRollCall } from '../minutes/roll-call.service.ts'
import { scheduleMeeting } from './meeting.service.ts'

// A meeting a transaction created is seen by no other before the commit: its agenda and roll call
// are what the transaction wrote, and none before it writes them (issue 15: an import asked).

describeOnEachDatabase('a meeting created in the transaction', (getDb) => {
  it('has an empty agenda and roll call without a statement until they are written, then as written', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    const [member] = await addTestMembers(db, committee, 1)
    assert.ok(member)
    let statements = 0
    let counting = false
    const counter: KyselyPlugin = {
      transformQuery({ node }) {
        if (counting) statements++
        return node
      },
      async transformResult({ result }) {
        return result
      },
    }
    const inside = await inTransaction(db.withPlugin(counter), async (trx) => {
      const meeting = await scheduleMeeting(trx, testActor, {
        committeeId: committee.id,
        meetsOn: '2031-05-06',
      })
      counting = true
      assert.deepEqual(await getAgenda(trx, meeting.id), [])
      assert.equal(await lastAgendaPosition(trx, meeting.id), 0)
      assert.deepEqual(await listAttendance(trx, [meeting.id]), [])
      counting = false
      assert.equal(statements, 0)
      await addAgendaItem(trx, testActor, { meetingId: meeting.id, title: 'Budget' })
      await recordRollCall(trx, testActor, {
        meetingId: meeting.id,
        lines: [{ personId: member.id, role: 'chair', present: true }],
      })
      return {
        meeting,
        agenda: await getAgenda(trx, meeting.id),
        last: await lastAgendaPosition(trx, meeting.id),
        attendance: await listAttendance(trx, [meeting.id]),
      }
    })
    assert.deepEqual(
      inside.agenda.map((entry) => entry.item.title),
      ['Budget'],
    )
    assert.equal(inside.last, 1)
    assert.deepEqual(
      inside.attendance.map((line) => line.personId),
      [member.id],
    )
    assert.deepEqual(await getAgenda(db, inside.meeting.id), inside.agenda)
    assert.deepEqual(await listAttendance(db, [inside.meeting.id]), inside.attendance)
  })
})
