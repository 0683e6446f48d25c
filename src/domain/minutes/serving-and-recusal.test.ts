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
import { readMinutesRecord } from './minutes-record.ts'
import { recordRecusal, recordServing, recordServingFromRollCall, sectionQuorum } from './section.service.ts'

describeOnEachDatabase('serving, jäv and quorum', (getDb) => {
  const setUp = async (seats: number, members: number) => {
    const committee = await createTestCommittee(getDb(), { seats })
    const persons = await addTestMembers(getDb(), committee, members)
    const { minutes } = await createTestMinutes(getDb(), committee)
    const section = await addTestSection(getDb(), minutes)
    return { persons, section }
  }

  it('is quorate with 7 of 13 serving, and not when one of them has jäv', async () => {
    const { persons, section } = await setUp(13, 7)
    await serveAt(getDb(), section, persons)
    assert.deepEqual(await sectionQuorum(getDb(), section.id), { present: 7, required: 7, quorate: true })
    await inTransaction(getDb(), (trx) =>
      recordRecusal(trx, testActor, {
        sectionId: section.id,
        personId: persons[0]!.id,
        reason: 'Styrelseledamot i bolaget',
      }),
    )
    assert.deepEqual(await sectionQuorum(getDb(), section.id), { present: 6, required: 7, quorate: false })
  })

  it('counts a serving substitute in the member’s seat', async () => {
    const committee = await createTestCommittee(getDb(), { seats: 3 })
    const [a, , absent] = await addTestMembers(getDb(), committee, 3)
    const [substitute] = await addTestMembers(getDb(), committee, 1, { role: 'substitute' })
    const { minutes } = await createTestMinutes(getDb(), committee)
    const section = await addTestSection(getDb(), minutes)
    await serveAt(getDb(), section, [a!])
    assert.equal((await sectionQuorum(getDb(), section.id))?.quorate, false)
    await inTransaction(getDb(), (trx) =>
      recordServing(trx, testActor, {
        sectionId: section.id,
        personId: substitute!.id,
        servingForPersonId: absent!.id,
      }),
    )
    assert.deepEqual(await sectionQuorum(getDb(), section.id), { present: 2, required: 2, quorate: true })
  })

  it('has no quorum figure for a committee without a number of seats', async () => {
    const committee = await createTestCommittee(getDb())
    const { minutes } = await createTestMinutes(getDb(), committee)
    assert.equal(await sectionQuorum(getDb(), (await addTestSection(getDb(), minutes)).id), undefined)
  })

  it('removes the service of a member who declares jäv, for that § only', async () => {
    const committee = await createTestCommittee(getDb(), { seats: 3 })
    const persons = await addTestMembers(getDb(), committee, 3)
    const { meeting, minutes } = await createTestMinutes(getDb(), committee)
    const first = await addTestSection(getDb(), minutes)
    const second = await addTestSection(getDb(), minutes)
    await serveAt(getDb(), first, persons)
    await serveAt(getDb(), second, persons)
    await inTransaction(getDb(), (trx) =>
      recordRecusal(trx, testActor, { sectionId: first.id, personId: persons[1]!.id }),
    )
    const record = await readMinutesRecord(getDb(), meeting.id)
    const serving = (i: number) => record?.sections[i]?.services.map((s) => s.personId)
    assert.deepEqual(serving(0), [persons[0]!.id, persons[2]!.id])
    assert.deepEqual(
      serving(1),
      persons.map((p) => p.id),
    )
    assert.deepEqual(
      record?.sections[0]?.recusals.map((r) => r.personId),
      [persons[1]!.id],
    )
  })

  it('refuses service by a member with jäv', async () => {
    const { persons, section } = await setUp(3, 1)
    await inTransaction(getDb(), (trx) =>
      recordRecusal(trx, testActor, { sectionId: section.id, personId: persons[0]!.id }),
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        recordServing(trx, testActor, { sectionId: section.id, personId: persons[0]!.id }),
      ),
      {
        code: 'invalid_state',
      },
    )
  })

  it('records a service once however often it is given, and one substitute per absent member', async () => {
    const committee = await createTestCommittee(getDb(), { seats: 3 })
    const [member] = await addTestMembers(getDb(), committee, 1)
    const [first, second] = await addTestMembers(getDb(), committee, 2, { role: 'substitute' })
    const { minutes } = await createTestMinutes(getDb(), committee)
    const section = await addTestSection(getDb(), minutes)
    const serveFor = (personId: number) =>
      inTransaction(getDb(), (trx) =>
        recordServing(trx, testActor, { sectionId: section.id, personId, servingForPersonId: member!.id }),
      )
    await serveFor(first!.id)
    await serveFor(first!.id)
    await assert.rejects(serveFor(second!.id), { code: 'invalid_state' })
    assert.equal((await sectionQuorum(getDb(), section.id))?.present, 1)
  })
  // Who served is keyed by § and person (0042); the order they were recorded in is kept beside it.
  it('lists who served at a § in the order they were recorded, one by one or from the roll call', async () => {
    const committee = await createTestCommittee(getDb(), { seats: 5 })
    const [a, b, c, d, e] = await addTestMembers(getDb(), committee, 5)
    const { meeting, minutes } = await createTestMinutes(getDb(), committee)
    const section = await addTestSection(getDb(), minutes)
    await serveAt(getDb(), section, [c!, a!, d!])
    await inTransaction(getDb(), (trx) =>
      recordRecusal(trx, testActor, { sectionId: section.id, personId: c!.id }),
    )
    await serveAt(getDb(), section, [b!])
    await inTransaction(getDb(), (trx) =>
      recordServingFromRollCall(trx, testActor, {
        minutesId: minutes.id,
        entries: [{ personId: e!.id }, { personId: a!.id }, { personId: c!.id }],
      }),
    )
    const record = await readMinutesRecord(getDb(), meeting.id)
    assert.deepEqual(
      record?.sections[0]?.services.map((s) => s.personId),
      [a!.id, d!.id, b!.id, e!.id],
      'a and d as recorded, b after them though c left a place, then e from the roll call (a serves already, c has jäv)',
    )
  })
})
