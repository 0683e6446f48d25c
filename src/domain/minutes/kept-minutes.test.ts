import assert from 'node:assert/strict'
import { it } from 'node:test'
import type { KyselyPlugin } from 'kysely'
import {
  addTestMembers,
  createTestCommittee,
  createTestMeeting,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { scheduleMeeting } from '../meeting/meeting.service.ts'
import type { Person } from '../person/person.ts'
import { prepareSignOff, signSections } from '../sign-off/sign-off.service.ts'
import { getMinutes, getSection, listSectionRows, listSignatoryIds } from './minutes.repository.ts'
import { appointSignatories, findMinutesOfMeeting, openMinutes } from './minutes.service.ts'
import { type RollCallLine, recordRollCall } from './roll-call.service.ts'
import { addSection, recordServing, recordServingFromRollCall, updateSection } from './section.service.ts'
import { listServices } from './section-record.repository.ts'
import { recordMotion } from './section-record.service.ts'
import { SignedOffRecordError } from './signed-off-record.ts'

// Minutes a transaction opened are kept as it wrote them, with their §§ and the fact that none is
// signed off (issue 15: an imported protocol read them about seven times each). What it writes
// later must be what it reads, and a sign-off it writes must lock the §§ as before.

/** A plugin that counts the statements sent while `counting` is set. */
function statementCounter() {
  const counter = { counting: false, statements: 0, plugin: undefined as unknown as KyselyPlugin }
  counter.plugin = {
    transformQuery: ({ node }) => {
      if (counter.counting) counter.statements++
      return node
    },
    transformResult: async ({ result }) => result,
  }
  return counter
}

describeOnEachDatabase('minutes opened in a transaction', (getDb) => {
  async function setUp() {
    const db = getDb()
    const committee = await createTestCommittee(db, { seats: 3 })
    const people = (await addTestMembers(db, committee, 3)) as [Person, Person, Person]
    const meeting = await createTestMeeting(db, { committee })
    const lines: RollCallLine[] = people.map((p, i) => ({
      personId: p.id,
      role: i === 0 ? 'chair' : 'member',
      present: true,
    }))
    return { db, people, meeting, lines }
  }

  it('are read as written, without a statement, and as a read after the commit finds them', async () => {
    const { db, meeting, lines } = await setUp()
    const counter = statementCounter()
    const inside = await inTransaction(db.withPlugin(counter.plugin), async (trx) => {
      const minutes = await recordRollCall(trx, testActor, { meetingId: meeting.id, lines })
      const first = await addSection(trx, testActor, { minutesId: minutes.id, title: 'Första' })
      await addSection(trx, testActor, { minutesId: minutes.id, title: 'Andra', decision: ['Bifall'] })
      await updateSection(trx, testActor, { sectionId: first.id, version: first.version, title: 'Ettan' })
      counter.counting = true
      const read = {
        minutes: await getMinutes(trx, minutes.id),
        sections: await listSectionRows(trx, [minutes.id]),
        first: await getSection(trx, first.id),
      }
      counter.counting = false
      assert.equal(counter.statements, 0)
      return read
    })
    assert.ok(inside)
    const after = {
      minutes: await getMinutes(db, inside.minutes.id),
      sections: await listSectionRows(db, [inside.minutes.id]),
      first: await getSection(db, inside.first.id),
    }
    assert.deepEqual(inside, after)
    assert.deepEqual(
      after.sections.map((s) => [s.title, s.version]),
      [
        ['Ettan', 2],
        ['Andra', 1],
      ],
    )
  })

  it('lock a § the transaction signs off: a later edit in it is refused', async () => {
    const { db, people, meeting, lines } = await setUp()
    const [a, b, c] = people
    await assert.rejects(
      inTransaction(db, async (trx) => {
        const minutes = await recordRollCall(trx, testActor, { meetingId: meeting.id, lines })
        const section = await addSection(trx, testActor, {
          minutesId: minutes.id,
          title: 'Första',
          decision: ['Bifall'],
        })
        await appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [a.id, b.id] })
        const signOff = await prepareSignOff(trx, testActor, {
          minutesId: minutes.id,
          sectionNumbers: [section.number],
        })
        // Before any signature the § is open.
        await recordMotion(trx, testActor, {
          sectionId: section.id,
          text: 'Bifall',
          authors: [{ personId: c.id }],
        })
        for (const signatory of [a, b])
          await signSections(trx, testActor, {
            signOffId: signOff.id,
            personId: signatory.id,
            on: '2022-12-19',
          })
        await recordMotion(trx, testActor, {
          sectionId: section.id,
          text: 'Avslag',
          authors: [{ personId: c.id }],
        })
      }),
      (error) => error instanceof SignedOffRecordError && !error.signing,
    )
  })

  it('of a meeting the transaction created are found without a statement, and none before they are opened', async () => {
    const { db, meeting: earlier } = await setUp()
    const counter = statementCounter()
    const found = await inTransaction(db.withPlugin(counter.plugin), async (trx) => {
      const meeting = await scheduleMeeting(trx, testActor, {
        committeeId: earlier.committeeId,
        meetsOn: '2031-03-04',
      })
      counter.counting = true
      const before = await findMinutesOfMeeting(trx, meeting.id)
      counter.counting = false
      const opened = await openMinutes(trx, testActor, { meetingId: meeting.id })
      counter.counting = true
      const after = await findMinutesOfMeeting(trx, meeting.id)
      counter.counting = false
      assert.equal(counter.statements, 0)
      // A meeting the transaction did not create is asked about.
      counter.counting = true
      assert.equal(await findMinutesOfMeeting(trx, earlier.id), undefined)
      counter.counting = false
      assert.equal(counter.statements, 1)
      return { before, opened, after }
    })
    assert.equal(found.before, undefined)
    assert.deepEqual(found.after, found.opened)
    assert.deepEqual(await findMinutesOfMeeting(db, found.opened.meetingId), found.opened)
  })

  it('keep the signatories the transaction appointed, and replace them as appointed again', async () => {
    const { db, people, meeting, lines } = await setUp()
    const [a, b, c] = people
    const counter = statementCounter()
    const minutesId = await inTransaction(db.withPlugin(counter.plugin), async (trx) => {
      const minutes = await recordRollCall(trx, testActor, { meetingId: meeting.id, lines })
      await appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [a.id, b.id] })
      await appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [a.id, c.id] })
      counter.counting = true
      assert.deepEqual(await listSignatoryIds(trx, minutes.id), [a.id, c.id])
      counter.counting = false
      assert.equal(counter.statements, 0)
      return minutes.id
    })
    assert.deepEqual(await listSignatoryIds(db, minutesId), [a.id, c.id])
  })

  it('record who served at their §§ in order, the first from place 1 without asking, a later one after them', async () => {
    const { db, people, meeting, lines } = await setUp()
    const [a, b, c] = people
    const counter = statementCounter()
    const inside = await inTransaction(db.withPlugin(counter.plugin), async (trx) => {
      const minutes = await recordRollCall(trx, testActor, { meetingId: meeting.id, lines })
      const first = await addSection(trx, testActor, { minutesId: minutes.id, title: 'Första' })
      const second = await addSection(trx, testActor, { minutesId: minutes.id, title: 'Andra' })
      counter.counting = true
      assert.deepEqual(await listServices(trx, [first.id, second.id]), [])
      counter.counting = false
      assert.equal(counter.statements, 0)
      await recordServingFromRollCall(trx, testActor, {
        minutesId: minutes.id,
        entries: [{ personId: b.id }, { personId: a.id, sectionNumbers: [second.number] }],
      })
      await recordServing(trx, testActor, { sectionId: second.id, personId: c.id })
      return { ids: [first.id, second.id], services: await listServices(trx, [first.id, second.id]) }
    })
    const order = (services: Awaited<ReturnType<typeof listServices>>) =>
      services.map((s) => [s.sectionId, s.personId])
    assert.deepEqual(order(inside.services), [
      [inside.ids[0], b.id],
      [inside.ids[1], b.id],
      [inside.ids[1], a.id],
      [inside.ids[1], c.id],
    ])
    assert.deepEqual(await listServices(db, inside.ids), inside.services)
    const positions = await db
      .selectFrom('section_service')
      .select(['section_id', 'position'])
      .where('section_id', 'in', inside.ids)
      .orderBy('section_id')
      .orderBy('position')
      .execute()
    assert.deepEqual(
      positions.map((p) => p.position),
      [1, 1, 2, 3],
    )
  })
})
