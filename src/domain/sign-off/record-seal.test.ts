import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import {
  addTestMembers,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { verifyCommand } from '../../cli/verify-command.ts'
import { type Db, inTransaction } from '../../db/database.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { rectifySection } from '../minutes/rectification.service.ts'
import { addSection } from '../minutes/section.service.ts'
import { listSeals } from './record-seal.repository.ts'
import { verifySeals } from './record-seal.service.ts'
import { canonicalJson } from './record-seal.ts'
import { recordSignOff } from './sign-off.service.ts'

// Tamper evidence (issue 11): every sign-off and rectification is sealed, SHA-256 chained in the
// committee's series; `paragraf verify` recomputes the seals and reports a change made in the
// database afterwards, whoever made it.

async function demoSection(db: Db, number: number) {
  return db
    .selectFrom('section')
    .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .selectAll('section')
    .where('meeting.slug', '=', 'mote-2022-12-14')
    .where('section.number', '=', number)
    .executeTakeFirstOrThrow()
}

const problems = async (db: Db) => (await verifySeals(db)).findings.map((f) => f.problem)

describeOnEachDatabase('sealing the signed-off record', (getDb) => {
  it('writes the same bytes for the same content, whatever the order of its keys', () => {
    assert.equal(
      canonicalJson({ b: 1, a: [{ d: null, c: 'å' }] }),
      canonicalJson({ a: [{ c: 'å', d: null }], b: 1 }),
    )
    assert.equal(canonicalJson({ b: 1, a: 2 }), '{"a":2,"b":1}')
  })

  it('writes what JSON.stringify writes of a copy with its keys sorted, as the seals before it did', () => {
    // The serialisation every seal so far was made with: a change in a byte breaks `paragraf verify`.
    const sortKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sortKeys)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value as Record<string, unknown>)
                .filter(([, v]) => v !== undefined)
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([k, v]) => [k, sortKeys(v)]),
            )
          : value
    const values: unknown[] = [
      null,
      0,
      -0,
      1.5,
      Number.NaN,
      'text "quoted" \\ å\u2028\n',
      true,
      [],
      {},
      [undefined, null, () => 1, { a: undefined }],
      { z: 1, a: { y: [1, { c: 3, b: undefined, a: null }], x: 'x' }, B: false, ä: 'å', _: [] },
      { date: new Date('2022-12-14T12:00:00Z'), fn: () => 1, nested: [[{ b: 2, a: 1 }]] },
      { sections: [{ id: 1, label: '§ 1', decision: ['Att', 'Och'], summary: null, motions: [] }] },
    ]
    for (const value of values) assert.equal(canonicalJson(value), JSON.stringify(sortKeys(value)))
  })

  it('seals both sign-offs of the demo protocol in a chain, and verify finds nothing changed', async () => {
    const db = getDb()
    await loadDemoData(db, '2026-11-22')
    const seals = await listSeals(db)
    assert.equal(seals.length, 2) // §§ 18–19 on 2022-12-14, §§ 1–17 on 2022-12-19
    assert.deepEqual(
      seals.map((s) => s.position),
      [1, 2],
    )
    assert.equal(seals[0]!.previousHash, null)
    assert.equal(seals[1]!.previousHash, seals[0]!.hash)
    assert.match(seals[1]!.hash, /^[0-9a-f]{64}$/)
    const lines: string[] = []
    assert.equal(await verifyCommand(db, {}, (line) => lines.push(line)), 0)
    assert.match(lines.join('\n'), /Alla 2 förseglingar stämmer/)
  })

  it('reports a signed-off § changed directly in the database, in Swedish, and exits non-zero', async () => {
    const db = getDb()
    const five = await demoSection(db, 5)
    await db.updateTable('section').set({ title: 'Något annat' }).where('id', '=', five.id).execute()
    const lines: string[] = []
    assert.equal(await verifyCommand(db, {}, (line) => lines.push(line)), 1)
    assert.match(
      lines.join('\n'),
      /Socialnämnden, sammanträdet 2022-12-14: Justeringen 2022-12-19 \(§ 1–§ 17\): det som offentliggjordes har ändrats efter förseglingen/,
    )
    await db.updateTable('section').set({ title: five.title }).where('id', '=', five.id).execute()
    assert.deepEqual(await problems(db), [])
  })

  it('reports who served, attendance or a signature changed, and a seal changed or removed', async () => {
    const db = getDb()
    const eighteen = await demoSection(db, 18)
    const restore: Array<() => Promise<unknown>> = []
    // Who served at § 18, signed off at the meeting.
    const service = await db
      .selectFrom('section_service')
      .selectAll()
      .where('section_id', '=', eighteen.id)
      .executeTakeFirstOrThrow()
    await db
      .deleteFrom('section_service')
      .where('section_id', '=', service.section_id)
      .where('person_id', '=', service.person_id)
      .execute()
    restore.push(() =>
      db
        .insertInto('section_service')
        .values({ ...service, remote: Boolean(service.remote) })
        .execute(),
    )
    assert.match((await problems(db)).join('\n'), /ändrats efter förseglingen/)
    for (const undo of restore.splice(0)) await undo()
    assert.deepEqual(await problems(db), [])

    const absent = await db
      .selectFrom('attendance')
      .selectAll()
      .where('present', '=', sql<boolean>`${false}`)
      .executeTakeFirstOrThrow()
    await db.updateTable('attendance').set({ present: true }).where('id', '=', absent.id).execute()
    assert.equal((await problems(db)).length, 2) // both sign-offs were signed with it
    await db.updateTable('attendance').set({ present: false }).where('id', '=', absent.id).execute()

    const signature = await db.selectFrom('signature').selectAll().executeTakeFirstOrThrow()
    await db
      .updateTable('signature')
      .set({ signed_at: '2023-01-01T12:00:00.000Z' })
      .where('id', '=', signature.id)
      .execute()
    assert.equal((await problems(db)).length, 1)
    await db
      .updateTable('signature')
      .set({ signed_at: signature.signed_at })
      .where('id', '=', signature.id)
      .execute()
    assert.deepEqual(await problems(db), [])

    const [first, second] = await listSeals(db)
    await db
      .updateTable('record_seal')
      .set({ hash: 'f'.repeat(64) })
      .where('id', '=', first!.id)
      .execute()
    assert.match((await problems(db)).join('\n'), /förseglingens kontrollsumma har ändrats[\s\S]*kedjan/)
    await db.updateTable('record_seal').set({ hash: first!.hash }).where('id', '=', first!.id).execute()
    await db.deleteFrom('record_seal').where('id', '=', second!.id).execute()
    assert.match(
      (await problems(db)).join('\n'),
      /Justeringen 2022-12-19 \(§ 1–§ 17\): justeringen saknar försegling/,
    )
    // Minutes signed off before the seals (or a removed seal) are sealed as they are now, on request.
    const lines: string[] = []
    assert.equal(await verifyCommand(db, { sealUnsealed: true }, (line) => lines.push(line)), 0)
    assert.match(lines.join('\n'), /Förseglade 1 justeringar och rättelser/)
    assert.deepEqual(await problems(db), [])
  })

  it('seals a rectification, keeps the sign-off’s seal true, and reports a § changed after it', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db, { seats: 3 })
    const [a, b] = await addTestMembers(db, committee, 2)
    const { minutes } = await createTestMinutes(db, committee)
    const section = await addSection(db, testActor, {
      minutesId: minutes.id,
      title: 'Bidrag',
      decision: ['Ja'],
    })
    const secret = await addSection(db, testActor, {
      minutesId: minutes.id,
      title: 'Placering',
      summary: 'Uppgifter om en enskild',
      confidential: true,
    })
    await inTransaction(db, (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1, 2],
        signedOffOn: '2022-12-19',
        immediate: false,
        signatoryPersonIds: [a!.id, b!.id],
      }),
    )
    await inTransaction(db, (trx) =>
      rectifySection(trx, testActor, {
        sectionId: section.id,
        version: section.version,
        reason: 'Skrivfel',
        rectifiedOn: '2022-12-20',
        text: { title: 'Bidrag 2023' },
      }),
    )
    const ours = (await listSeals(db)).filter((s) => s.committeeId === committee.id)
    assert.deepEqual(
      ours.map((s) => [s.position, s.signOffId !== null, s.rectificationId !== null]),
      [
        [1, true, false],
        [2, false, true],
      ],
    )
    const mine = async () =>
      (await verifySeals(db)).findings.filter((f) => f.committee === committee.name).map((f) => f.problem)
    assert.deepEqual(await mine(), [])
    await db.updateTable('section').set({ title: 'Bidrag 2024' }).where('id', '=', section.id).execute()
    assert.deepEqual(await mine(), ['§ 1 har ändrats efter rättelsen 2022-12-20.'])
    await db.updateTable('section').set({ title: 'Bidrag 2023' }).where('id', '=', section.id).execute()
    // The confidential § is in the sealed digest, not the public one: its change shows all the same.
    await db.updateTable('section').set({ summary: 'Annat' }).where('id', '=', secret.id).execute()
    assert.deepEqual(await mine(), [
      'Justeringen 2022-12-19 (§ 1–§ 2): innehållet (även sekretessbelagt) har ändrats efter förseglingen.',
    ])
  })
})
