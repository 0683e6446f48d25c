import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMeeting,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { addAgendaItem } from '../../domain/agenda/agenda.service.ts'
import type { AgendaItem } from '../../domain/agenda/agenda-item.ts'
import type { Committee } from '../../domain/committee/committee.ts'
import { changeMeetingStatus } from '../../domain/meeting/meeting.service.ts'
import type { Meeting } from '../../domain/meeting/meeting.ts'
import { appointSignatories, openMinutes } from '../../domain/minutes/minutes.service.ts'
import type { Minutes } from '../../domain/minutes/minutes.ts'
import { recordSignOff } from '../../domain/sign-off/sign-off.service.ts'
import { createApp } from '../app.ts'

const publicUrl = 'https://paragraf.example'
const api = `${publicUrl}/oparl/v1`

type Json = Record<string, unknown>
type MeetingJson = Json & {
  id: string
  modified: string
  agendaItem: Array<Json & { id: string; modified: string }>
}

// A client syncs with modified_since (2-05, "Aktualisierungsmechanismus"): whatever changes what the
// API shows for a meeting must bring the meeting back, with a later `modified`.
describeOnEachDatabase('OParl sync with modified_since', (getDb) => {
  let app: FastifyInstance
  let committee: Committee
  let meeting: Meeting
  let untouched: Meeting
  let item: AgendaItem
  let minutes: Minutes
  let signatories: number[]
  before(async () => {
    const db = getDb()
    committee = await createTestCommittee(db)
    signatories = (await addTestMembers(db, committee, 2)).map((p) => p.id)
    untouched = await createTestMeeting(db, { committee, meetsOn: '2024-02-01' })
    await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, { meetingId: untouched.id, number: '1', title: 'Budget' }),
    )
    untouched = await inTransaction(db, (trx) =>
      changeMeetingStatus(trx, testActor, untouched, 'notice_published'),
    )
    meeting = await createTestMeeting(db, { committee, meetsOn: '2024-03-01' })
    item = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, number: '1', title: 'Taxor' }),
    )
    meeting = await inTransaction(db, (trx) =>
      changeMeetingStatus(trx, testActor, meeting, 'notice_published'),
    )
    minutes = await inTransaction(db, (trx) => openMinutes(trx, testActor, { meetingId: meeting.id }))
    await inTransaction(db, (trx) =>
      appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: signatories }),
    )
    await addTestSection(db, minutes, { agendaItemId: item.id, title: 'Taxor', decision: ['Taxorna höjs.'] })
    // A second § still to sign: signing § 1 alone leaves the meeting row (its status) as it is.
    const later = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '2',
        title: 'Avgifter',
      }),
    )
    await addTestSection(db, minutes, { agendaItemId: later.id, title: 'Avgifter' })
    app = await createApp({ db, logLevel: 'silent', publicUrl })
  })
  after(() => app.close())

  const getJson = async (url: string) => {
    const response = await app.inject(url.replace(publicUrl, ''))
    assert.equal(response.statusCode, 200, url)
    return JSON.parse(response.body) as Json
  }
  const meetingsSince = async (since: string) => {
    const body = await getJson(
      `${api}/body/${committee.organisationId}/meeting?modified_since=${encodeURIComponent(since)}`,
    )
    return body.data as MeetingJson[]
  }
  /** A client's last sync: the clock between two writes, clear of both. */
  const syncTime = async () => {
    await sleep(15)
    const at = new Date().toISOString()
    await sleep(15)
    return at
  }

  it('brings a meeting and its agenda item back when a § is signed off after the last sync', async () => {
    const before = (await getJson(`${api}/meeting/${meeting.id}`)) as MeetingJson
    assert.equal(before.agendaItem[0]?.result, undefined, 'nothing is signed off yet')
    const lastSync = await syncTime()
    assert.deepEqual(await meetingsSince(lastSync), [], 'nothing changed since the sync')
    const meetingRow = () =>
      getDb()
        .selectFrom('meeting')
        .select('updated_at')
        .where('id', '=', meeting.id)
        .executeTakeFirstOrThrow()
    const rowBefore = await meetingRow()

    await inTransaction(getDb(), (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1],
        signedOffOn: '2024-03-05',
        immediate: false,
        signatoryPersonIds: signatories,
      }),
    )

    assert.deepEqual(await meetingRow(), rowBefore, 'the meeting row itself did not change')
    const changed = await meetingsSince(lastSync)
    assert.deepEqual(
      changed.map((m) => m.id),
      [`${api}/meeting/${meeting.id}`],
      'the signed-off meeting is back, the untouched one is not',
    )
    const [again] = changed
    assert.ok(again)
    assert.ok(again.modified > lastSync, `${again.modified} is after ${lastSync}`)
    assert.ok(again.modified > before.modified)
    const agendaItem = again.agendaItem.find((i) => i.id === `${api}/agenda-item/${item.id}`)
    assert.ok(agendaItem)
    assert.equal(agendaItem.result, 'Beslutat')
    assert.ok(agendaItem.modified > lastSync, 'the agenda item shows the later time too')
    // The object read alone agrees with the list (the filter and `modified` are one value).
    const single = (await getJson(`${api}/meeting/${meeting.id}`)) as MeetingJson
    assert.equal(single.modified, again.modified)
    const untouchedNow = (await getJson(`${api}/meeting/${untouched.id}`)) as MeetingJson
    assert.ok(untouchedNow.modified < lastSync)
    const { data: until } = await getJson(
      `${api}/body/${committee.organisationId}/meeting?modified_until=${encodeURIComponent(lastSync)}`,
    )
    assert.deepEqual(
      (until as MeetingJson[]).map((m) => m.id),
      [`${api}/meeting/${untouched.id}`],
      'modified_until reads the same value',
    )
  })

  it('brings a meeting back when an agenda item is added after the notice', async () => {
    const lastSync = await syncTime()
    assert.deepEqual(await meetingsSince(lastSync), [])
    const added = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: untouched.id,
        number: '2',
        title: 'Extra ärende',
      }),
    )
    const changed = await meetingsSince(lastSync)
    assert.deepEqual(
      changed.map((m) => m.id),
      [`${api}/meeting/${untouched.id}`],
    )
    assert.ok(changed[0]?.agendaItem.some((i) => i.id === `${api}/agenda-item/${added.id}`))
    assert.ok((changed[0]?.modified ?? '') > lastSync)
  })
})
