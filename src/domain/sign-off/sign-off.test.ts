import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import type { Committee } from '../committee/committee.ts'
import { getMeeting } from '../meeting/meeting.service.ts'
import { appointSignatories, getMinutes } from '../minutes/minutes.service.ts'
import { updateSection } from '../minutes/section.service.ts'
import type { LocalSettingsOverride } from '../organisation/local-settings.ts'
import type { DomainError } from '../shared/errors.ts'
import { listSeals } from './record-seal.repository.ts'
import { verifySeals } from './record-seal.service.ts'
import { listSignOffs } from './sign-off.reads.ts'
import { prepareSignOff, recordSignOff, recordSignOffs, signSections } from './sign-off.service.ts'

describeOnEachDatabase('sign-off', (getDb) => {
  /** Minutes with `sections` §§ and two appointed signatories (the chair and one member). */
  const setUp = async (sections: number, settings: LocalSettingsOverride = {}) => {
    const committee: Committee = await createTestCommittee(getDb(), { settings })
    const [chair, member, other] = await addTestMembers(getDb(), committee, 3)
    const { meeting, minutes } = await createTestMinutes(getDb(), committee)
    const list = []
    for (let i = 0; i < sections; i++) list.push(await addTestSection(getDb(), minutes))
    await inTransaction(getDb(), (trx) =>
      appointSignatories(trx, testActor, {
        minutesId: minutes.id,
        personIds: [chair!.id, member!.id],
      }),
    )
    return { meeting, minutes, sections: list, chair: chair!, member: member!, other: other! }
  }
  const sign = (signOffId: number, personId: number, on = '2022-12-19') =>
    signSections(getDb(), testActor, { signOffId, personId, on })

  it('puts §§ up for sign-off and marks the minutes as awaiting it', async () => {
    const { minutes, sections } = await setUp(3)
    const signOff = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1, 2, 3],
      }),
    )
    assert.deepEqual(
      [signOff.status, signOff.immediate, signOff.signedOffOn, signOff.sectionIds],
      ['pending', false, null, sections.map((s) => s.id)],
    )
    assert.equal((await getMinutes(getDb(), minutes.id)).status, 'awaiting_sign_off')
  })

  it('allows an immediate sign-off only where the committee does', async () => {
    const allowing = await setUp(2)
    const immediate = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, {
        minutesId: allowing.minutes.id,
        sectionNumbers: [2],
        immediate: true,
      }),
    )
    assert.equal(immediate.immediate, true)
    const refusing = await setUp(2, { immediateSignOffAllowed: false })
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        prepareSignOff(trx, testActor, {
          minutesId: refusing.minutes.id,
          sectionNumbers: [2],
          immediate: true,
        }),
      ),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'immediate',
    )
  })

  it('refuses a § in two sign-offs, and a § that is not in the minutes', async () => {
    const { minutes } = await setUp(3)
    await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [2], immediate: true }),
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [1, 2, 3] }),
      ),
      {
        code: 'invalid_state',
      },
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [4] }),
      ),
      (error: DomainError) => error.field === 'sectionNumbers',
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [] }),
      ),
      (error: DomainError) => error.field === 'sectionNumbers',
    )
  })

  it('refuses a sign-off before the signatories are appointed', async () => {
    const committee = await createTestCommittee(getDb())
    const { minutes } = await createTestMinutes(getDb(), committee)
    await addTestSection(getDb(), minutes)
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [1] }),
      ),
      {
        code: 'invalid_state',
      },
    )
  })

  it('signs off the §§ when the last signatory signs, and then the minutes and the meeting', async () => {
    const { meeting, minutes, chair, member } = await setUp(2)
    const signOff = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1, 2],
      }),
    )
    const afterChair = await sign(signOff.id, chair.id, '2022-12-18')
    assert.equal(afterChair.status, 'pending')
    assert.equal((await getMeeting(getDb(), meeting.id)).status, 'minutes_draft')
    const done = await sign(signOff.id, member.id, '2022-12-19')
    assert.deepEqual(
      [done.status, done.signedOffOn, done.signatures.map((s) => s.personId)],
      ['signed_off', '2022-12-19', [chair.id, member.id]],
    )
    assert.equal((await getMinutes(getDb(), minutes.id)).status, 'signed_off')
    assert.equal((await getMeeting(getDb(), meeting.id)).status, 'signed_off')
  })

  it('signs off an immediate § on its own day, and the minutes only when the rest are', async () => {
    const { meeting, minutes, chair, member } = await setUp(3)
    const immediate = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [3],
        immediate: true,
      }),
    )
    await sign(immediate.id, chair.id, '2022-12-14')
    await sign(immediate.id, member.id, '2022-12-14')
    assert.equal((await getMinutes(getDb(), minutes.id)).status, 'awaiting_sign_off')
    assert.equal((await getMeeting(getDb(), meeting.id)).status, 'minutes_draft')
    const rest = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [1, 2] }),
    )
    await sign(rest.id, member.id)
    await sign(rest.id, chair.id)
    const signOffs = await listSignOffs(getDb(), [minutes.id])
    assert.deepEqual(
      signOffs.map((s) => [s.immediate, s.signedOffOn]),
      [
        [true, '2022-12-14'],
        [false, '2022-12-19'],
      ],
    )
    assert.equal((await getMeeting(getDb(), meeting.id)).status, 'signed_off')
  })

  it('lets only appointed signatories sign, each once', async () => {
    const { minutes, chair, other } = await setUp(1)
    const signOff = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [1] }),
    )
    await assert.rejects(sign(signOff.id, other.id), { code: 'invalid_state' })
    await sign(signOff.id, chair.id)
    await assert.rejects(sign(signOff.id, chair.id), { code: 'invalid_state' })
    const [current] = await listSignOffs(getDb(), [minutes.id])
    assert.deepEqual(
      current?.signatures.map((s) => s.personId),
      [chair.id],
    )
  })

  it('refuses a signature on §§ already signed off, and a date that is not one', async () => {
    const { minutes, chair, member } = await setUp(1)
    const signOff = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [1] }),
    )
    await assert.rejects(
      sign(signOff.id, chair.id, '19/12/2022'),
      (error: DomainError) => error.field === 'on',
    )
    await sign(signOff.id, chair.id)
    await sign(signOff.id, member.id)
    await assert.rejects(sign(signOff.id, member.id), { code: 'invalid_state' })
  })

  it('locks a signed-off §, but not one that is only pending', async () => {
    const { minutes, sections, chair, member } = await setUp(2)
    const [first, second] = sections
    const signOff = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1],
        immediate: true,
      }),
    )
    const edited = await inTransaction(getDb(), (trx) =>
      updateSection(trx, testActor, {
        sectionId: first!.id,
        version: first!.version,
        title: 'Rättad',
      }),
    )
    await sign(signOff.id, chair.id)
    await sign(signOff.id, member.id)
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        updateSection(trx, testActor, { sectionId: first!.id, version: edited.version, title: 'För sent' }),
      ),
      { code: 'invalid_state' },
    )
    const other = await inTransaction(getDb(), (trx) =>
      updateSection(trx, testActor, {
        sectionId: second!.id,
        version: second!.version,
        title: 'Öppen',
      }),
    )
    assert.equal(other.title, 'Öppen')
  })

  it('completes a sign-off once when two signatories sign at the same moment', async () => {
    const { meeting, minutes, chair, member } = await setUp(2)
    const signOff = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1, 2],
      }),
    )
    const results = await Promise.all([sign(signOff.id, chair.id), sign(signOff.id, member.id)])
    assert.deepEqual(results.map((r) => r.status).sort(), ['pending', 'signed_off'])
    const [current] = await listSignOffs(getDb(), [minutes.id])
    assert.equal(current?.status, 'signed_off')
    assert.deepEqual(current?.signatures.map((s) => s.personId).sort(), [chair.id, member.id].sort())
    assert.equal((await getMeeting(getDb(), meeting.id)).status, 'signed_off')
  })
})

describeOnEachDatabase('recordSignOff', (getDb) => {
  it('records a sign-off as the imported protocol states it', async () => {
    const committee = await createTestCommittee(getDb())
    const [chair, member] = await addTestMembers(getDb(), committee, 2)
    const { meeting, minutes } = await createTestMinutes(getDb(), committee, { meetsOn: '2022-12-14' })
    for (let i = 0; i < 19; i++) await addTestSection(getDb(), minutes)
    const signatories = [chair!.id, member!.id]
    const immediate = await inTransaction(getDb(), (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [18, 19],
        signedOffOn: '2022-12-14',
        immediate: true,
        signatoryPersonIds: signatories,
      }),
    )
    assert.deepEqual(
      [immediate.status, immediate.signedOffOn, immediate.sectionIds.length],
      ['signed_off', '2022-12-14', 2],
    )
    assert.equal((await getMeeting(getDb(), meeting.id)).status, 'minutes_draft')
    const rest = await inTransaction(getDb(), (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: Array.from({ length: 17 }, (_, i) => i + 1),
        signedOffOn: '2022-12-19',
        immediate: false,
        signatoryPersonIds: [...signatories, chair!.id],
      }),
    )
    assert.deepEqual(
      rest.signatures.map((s) => [s.personId, s.signedAt.slice(0, 10)]),
      signatories.map((id) => [id, '2022-12-19']),
    )
    assert.equal((await getMinutes(getDb(), minutes.id)).status, 'signed_off')
    assert.equal((await getMeeting(getDb(), meeting.id)).status, 'signed_off')
  })

  it('records sign-offs at once as one after the other: sealed in order, a § in two refused, the minutes signed off', async () => {
    const committee = await createTestCommittee(getDb())
    const [chair] = await addTestMembers(getDb(), committee, 1)
    const { meeting, minutes } = await createTestMinutes(getDb(), committee, { meetsOn: '2022-12-14' })
    for (let i = 0; i < 3; i++) await addTestSection(getDb(), minutes)
    const signOff = (sectionNumbers: number[], signedOffOn: string) => ({
      sectionNumbers,
      signedOffOn,
      immediate: signedOffOn === '2022-12-14',
      signatoryPersonIds: [chair!.id],
    })
    const refused: Array<[number, string]> = []
    const recorded = await inTransaction(getDb(), (trx) =>
      recordSignOffs(
        trx,
        testActor,
        {
          minutesId: minutes.id,
          signOffs: [
            signOff([3], '2022-12-14'),
            signOff([2, 3], '2022-12-16'),
            signOff([1, 2], '2022-12-19'),
          ],
        },
        { onRefused: (index, error) => refused.push([index, error.reason]) },
      ),
    )
    assert.deepEqual(refused, [[1, 'sections_in_sign_off']])
    assert.deepEqual(
      recorded.map((r) => r && [r.signedOffOn, r.sectionIds.length, r.status]),
      [['2022-12-14', 1, 'signed_off'], undefined, ['2022-12-19', 2, 'signed_off']],
    )
    // Each sealed as if recorded alone: the second chained to the first, both as the verifier reads them.
    const seals = await listSeals(getDb(), [minutes.id])
    assert.deepEqual(
      seals.map((s) => [s.signOffId, s.position]),
      [
        [recorded[0]?.id, 1],
        [recorded[2]?.id, 2],
      ],
    )
    assert.equal(seals[1]?.previousHash, seals[0]?.hash)
    assert.deepEqual(
      recorded.map((r) => r?.sealHash),
      [seals[0]?.hash, undefined, seals[1]?.hash],
    )
    assert.deepEqual((await verifySeals(getDb())).findings, [])
    assert.equal((await getMeeting(getDb(), meeting.id)).status, 'signed_off')
  })

  it('refuses a sign-off date that is not a date, and a § signed off already', async () => {
    const committee = await createTestCommittee(getDb())
    const [chair] = await addTestMembers(getDb(), committee, 1)
    const { minutes } = await createTestMinutes(getDb(), committee)
    await addTestSection(getDb(), minutes)
    const input = {
      minutesId: minutes.id,
      sectionNumbers: [1],
      immediate: false,
      signatoryPersonIds: [chair!.id],
    }
    await assert.rejects(
      inTransaction(getDb(), (trx) => recordSignOff(trx, testActor, { ...input, signedOffOn: '2022-12-32' })),
      (error: DomainError) => error.field === 'signedOffOn',
    )
    await inTransaction(getDb(), (trx) =>
      recordSignOff(trx, testActor, { ...input, signedOffOn: '2022-12-19' }),
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) => recordSignOff(trx, testActor, { ...input, signedOffOn: '2022-12-20' })),
      {
        code: 'invalid_state',
      },
    )
  })
})
