import assert from 'node:assert/strict'
import { it } from 'node:test'
import { addVotedMeeting } from '../../../test/support/portal-data.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { listNoticesOfMeetings } from './notice-board.reads.ts'

describeOnEachDatabase('listNoticesOfMeetings', (getDb) => {
  it("gives each meeting's own notices and those of its minutes, by posting day, and no other meeting's", async () => {
    const db = getDb()
    const meetingOf = async (slug: string) => {
      const meeting = await db
        .selectFrom('meeting')
        .select(['id', 'committee_id'])
        .where('slug', '=', slug)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      const committee = await db
        .selectFrom('committee')
        .select('organisation_id')
        .where('id', '=', meeting.committee_id)
        .executeTakeFirstOrThrow()
      return { id: meeting.id, organisationId: committee.organisation_id }
    }
    // Each voted meeting has its minutes' notice (posted 2023-03-20); the first gets its own notice too.
    const first = await meetingOf((await addVotedMeeting(db)).meetingSlug)
    const second = await meetingOf((await addVotedMeeting(db)).meetingSlug)
    await db
      .insertInto('notice')
      .values({
        organisation_id: first.organisationId,
        kind: 'meeting',
        meeting_id: first.id,
        title: 'Kallelse',
        posted_on: '2023-03-08',
        removed_on: '2023-03-16',
      })
      .execute()
    const notices = async (ids: number[]) =>
      (await listNoticesOfMeetings(db, ids)).map((n) => [n.kind, n.postedOn, n.meetingId ?? n.signOffId])
    const [firstNotices, secondNotices] = [await notices([first.id]), await notices([second.id])]
    assert.deepEqual(
      firstNotices.map(([kind, postedOn]) => [kind, postedOn]),
      [
        ['meeting', '2023-03-08'],
        ['minutes', '2023-03-20'],
      ],
    )
    assert.deepEqual(
      secondNotices.map(([kind]) => kind),
      ['minutes'],
    )
    assert.notDeepEqual(firstNotices[1], secondNotices[0])
    // The two minutes' notices went up the same day: then by when they were posted (their ids).
    assert.deepEqual(await notices([second.id, first.id]), [...firstNotices, ...secondNotices])
  })
})
