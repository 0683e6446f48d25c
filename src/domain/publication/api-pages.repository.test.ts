import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  createTestCommittee,
  createTestMeeting,
  createTestMinutes,
  createTestPerson,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { recordAttendance } from '../minutes/minutes.service.ts'
import { type MeetingKey, pageOfMeetings, pageOfPublicPersons } from './api-pages.repository.ts'

describeOnEachDatabase('the API lists, a page at a time by keyset', (getDb) => {
  it('pages meetings newest first, each once, also across several meetings on one day', async () => {
    const committee = await createTestCommittee(getDb())
    const days = ['2024-01-10', '2024-02-14', '2024-02-14', '2024-02-14', '2024-03-13', '2023-12-06']
    for (const meetsOn of days) await createTestMeeting(getDb(), { committee, meetsOn })
    const seen: { meetsOn: string; id: number }[] = []
    let after: MeetingKey | undefined
    let pages = 0
    do {
      const page = await pageOfMeetings(getDb(), { committeeId: committee.id }, { after, limit: 2 })
      assert.ok(page.rows.length <= 2)
      seen.push(...page.rows.map((m) => ({ meetsOn: m.meetsOn, id: m.id })))
      after = page.next
      pages++
    } while (after && pages < 10)
    assert.equal(pages, 3)
    assert.equal(new Set(seen.map((m) => m.id)).size, days.length, 'every meeting once')
    assert.deepEqual(
      seen.map((m) => m.meetsOn),
      [...days].sort().reverse(),
    )
    const within = await pageOfMeetings(
      getDb(),
      { committeeId: committee.id, from: '2024-02-01', to: '2024-02-29' },
      { after: undefined, limit: 10 },
    )
    assert.deepEqual(
      within.rows.map((m) => m.meetsOn),
      ['2024-02-14', '2024-02-14', '2024-02-14'],
    )
    assert.equal(within.next, undefined)
  })

  it('lists the persons who hold a seat or attended signed-off minutes, not the rest of the register', async () => {
    const committee = await createTestCommittee(getDb())
    const [seated] = await addTestMembers(getDb(), committee, 1)
    const unseated = await createTestPerson(getDb(), committee.organisationId, 'Bara I Registret')
    // Attended a meeting whose minutes are still a draft: not named by any public record yet.
    const { meeting } = await createTestMinutes(getDb(), committee, { meetsOn: '2024-05-08' })
    const attendedDraft = await createTestPerson(getDb(), committee.organisationId, 'Närvarande Vid Utkast')
    await recordAttendance(getDb(), testActor, {
      meetingId: meeting.id,
      personId: attendedDraft.id,
      role: 'other',
      present: true,
    })
    const ids: number[] = []
    let after: number | undefined
    do {
      const page = await pageOfPublicPersons(getDb(), { after, limit: 3 })
      ids.push(...page.rows.map((p) => p.id))
      after = page.next
    } while (after !== undefined)
    assert.ok(seated && ids.includes(seated.id))
    assert.ok(!ids.includes(unseated.id))
    assert.ok(!ids.includes(attendedDraft.id))
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    )
  })
})
