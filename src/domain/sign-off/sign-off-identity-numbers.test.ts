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
import { appointSignatories } from '../minutes/minutes.service.ts'
import { publicMinutesRecord, readMinutesRecord } from '../minutes/minutes-record.ts'
import { updateSection } from '../minutes/section.service.ts'
import { recordDissent } from '../minutes/section-record.service.ts'
import { SignedOffRecordError } from '../minutes/signed-off-record.ts'
import type { SectionFinding } from '../publication/minutes-identity-number-scan.ts'
import { PersonalIdentityNumbersFoundError } from '../publication/personal-identity-number-scan.ts'
import { signAndAnnounce } from './sign-and-announce.service.ts'
import { listSignOffs } from './sign-off.reads.ts'
import { prepareSignOff, recordSignOff, signSections } from './sign-off.service.ts'

const pnr = '811218-9876'

describeOnEachDatabase('sign-off and personal identity numbers (P3)', (getDb) => {
  /** Minutes with § 1 clean, § 2 with a personnummer in a decision point (and a dissent), § 3 confidential with one. */
  const setUp = async (withDissent = true) => {
    const committee = await createTestCommittee(getDb())
    const [chair, member] = await addTestMembers(getDb(), committee, 3)
    const { meeting, minutes } = await createTestMinutes(getDb(), committee)
    const clean = await addTestSection(getDb(), minutes, {
      title: 'Budget 2023',
      decision: ['Budgeten antas.'],
    })
    const leaking = await addTestSection(getDb(), minutes, {
      title: 'Ansökan om bistånd',
      decision: ['Nämnden beviljar ansökan.', `Sökande ${pnr} beviljas bistånd.`],
    })
    await serveAt(getDb(), leaking, [chair!, member!])
    if (withDissent)
      await inTransaction(getDb(), (trx) =>
        recordDissent(trx, testActor, {
          sectionId: leaking.id,
          text: `Vi reserverar oss.\nSökanden\n${pnr} borde ha fått avslag.`,
          authors: [{ personId: member!.id }],
        }),
      )
    const secret = await addTestSection(getDb(), minutes, {
      title: `Placering av barn ${pnr}`,
      summary: `Uppgifter om ${pnr}`,
      confidential: true,
    })
    await inTransaction(getDb(), (trx) =>
      appointSignatories(trx, testActor, {
        minutesId: minutes.id,
        personIds: [chair!.id, member!.id],
      }),
    )
    return { meeting, minutes, clean, leaking, secret, chair: chair!, member: member! }
  }
  const sign = (signOffId: number, personId: number) =>
    signSections(getDb(), testActor, { signOffId, personId, on: '2022-12-19' })

  it('refuses the first signature with every place named, the number never echoed, and records nothing', async () => {
    const { minutes, chair } = await setUp()
    const signOff = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1, 2],
      }),
    )
    await assert.rejects(
      sign(signOff.id, chair.id),
      (error: PersonalIdentityNumbersFoundError<SectionFinding>) => {
        assert.ok(error instanceof PersonalIdentityNumbersFoundError)
        assert.equal(error.code, 'invalid_state')
        assert.deepEqual(
          error.findings.map((f) => [f.place, f.sectionNumber]),
          [
            ['§ 2, beslut punkt 2, rad 1', 2],
            ['§ 2, reservation 1, rad 3', 2],
          ],
        )
        assert.doesNotMatch(error.message, /9876|811218/)
        return true
      },
    )
    const [after] = await listSignOffs(getDb(), [minutes.id])
    assert.deepEqual([after?.status, after?.signatures.length], ['pending', 0])
  })

  it('refuses through signAndAnnounce too, and once one has signed the number cannot come back', async () => {
    const { minutes, leaking, chair, member } = await setUp(false)
    const signOff = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1, 2],
      }),
    )
    const signAndAnnounceAs = (personId: number) =>
      signAndAnnounce(getDb(), testActor, { signOffId: signOff.id, personId, on: '2022-12-19' })
    await assert.rejects(
      signAndAnnounceAs(chair.id),
      (error: PersonalIdentityNumbersFoundError<SectionFinding>) =>
        error instanceof PersonalIdentityNumbersFoundError &&
        error.findings.map((f) => f.place).join('; ') === '§ 2, beslut punkt 2, rad 1',
    )
    assert.equal((await listSignOffs(getDb(), [minutes.id]))[0]?.signatures.length, 0)
    // Fixed and signed by one: from then on the § is what is being signed (KL 5:69), and the
    // number cannot be put back before the other signs.
    const fixed = await inTransaction(getDb(), (trx) =>
      updateSection(trx, testActor, {
        sectionId: leaking.id,
        version: leaking.version,
        decision: ['Nämnden beviljar ansökan.'],
      }),
    )
    await sign(signOff.id, chair.id)
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        updateSection(trx, testActor, {
          sectionId: leaking.id,
          version: fixed.version,
          summary: `Sökande ${pnr}`,
        }),
      ),
      (error: Error) => error instanceof SignedOffRecordError && error.signing === true,
    )
    const { signOff: done } = await signAndAnnounceAs(member.id)
    assert.equal(done.status, 'signed_off')
    const record = await readMinutesRecord(getDb(), minutes.meetingId)
    assert.ok(record)
    assert.doesNotMatch(JSON.stringify(publicMinutesRecord(record).sections), /9876/)
  })

  it('does not block on a confidential §: the public sees only its number', async () => {
    const { meeting, minutes, chair, member } = await setUp()
    const signOff = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1, 3],
      }),
    )
    await sign(signOff.id, chair.id)
    const { signOff: done, notice } = await signAndAnnounce(getDb(), testActor, {
      signOffId: signOff.id,
      personId: member.id,
      on: '2022-12-19',
    })
    assert.equal(done.status, 'signed_off')
    assert.ok(notice)
    const record = await readMinutesRecord(getDb(), meeting.id)
    assert.ok(record)
    assert.doesNotMatch(JSON.stringify(publicMinutesRecord(record).sections), /9876/)
  })

  it('imports a signed-off protocol with a personnummer, and masks it in the public record', async () => {
    const { meeting, minutes, chair, member } = await setUp()
    const recorded = await inTransaction(getDb(), (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1, 2, 3],
        signedOffOn: '2022-12-19',
        immediate: false,
        signatoryPersonIds: [chair.id, member.id],
      }),
    )
    assert.equal(recorded.status, 'signed_off')
    const record = await readMinutesRecord(getDb(), meeting.id)
    assert.ok(record)
    const shown = publicMinutesRecord(record).sections.find((s) => s.section.number === 2)
    assert.deepEqual(shown?.section.decision, [
      'Nämnden beviljar ansökan.',
      'Sökande [personnummer borttaget] beviljas bistånd.',
    ])
    assert.equal(
      shown?.dissents[0]?.text,
      'Vi reserverar oss.\nSökanden\n[personnummer borttaget] borde ha fått avslag.',
    )
    // The workspace keeps the text as recorded: only what is published is masked.
    assert.match(record.sections[1]?.section.decision[1] ?? '', /811218-9876/)
  })
})
