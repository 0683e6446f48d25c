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
import { listAuditEvents } from '../audit/audit.service.ts'
import type { LocalSettingsOverride } from '../organisation/local-settings.ts'
import { recordSignOff } from '../sign-off/sign-off.service.ts'
import { recordVote } from '../vote/vote.service.ts'
import { closeMeeting } from './minutes.service.ts'
import { readMinutesRecord } from './minutes-record.ts'
import { addDissentReason, recordDissent } from './section-record.service.ts'

// M4 (KL 4:27): a dissent is announced before the meeting ends; its written reason may follow until
// sign-off, and no later than the committee's own deadline for written dissents where it sets one.

describeOnEachDatabase('M4: a dissent is announced before the meeting ends (KL 4:27)', (getDb) => {
  async function meeting(settings: LocalSettingsOverride = {}) {
    const committee = await createTestCommittee(getDb(), { seats: 3, settings })
    const members = await addTestMembers(getDb(), committee, 3)
    const { meeting, minutes } = await createTestMinutes(getDb(), committee)
    const section = await addTestSection(getDb(), minutes)
    await serveAt(getDb(), section, members)
    return { meeting, minutes, section, member: members[0]! }
  }

  const cases = [
    { closed: false, announcedBeforeClose: false, accepted: true, why: 'while the meeting goes on' },
    {
      closed: true,
      announcedBeforeClose: true,
      accepted: true,
      why: 'written down later, announced in time',
    },
    { closed: true, announcedBeforeClose: false, accepted: false, why: 'announced after the close' },
  ]
  for (const { closed, announcedBeforeClose, accepted, why } of cases) {
    it(`${accepted ? 'records' : 'refuses'} a dissent ${why}`, async () => {
      const { minutes, section, member } = await meeting()
      if (closed)
        await inTransaction(getDb(), (trx) =>
          closeMeeting(trx, testActor, { minutesId: minutes.id, at: new Date() }),
        )
      const dissent = inTransaction(getDb(), (trx) =>
        recordDissent(trx, testActor, {
          sectionId: section.id,
          authors: [{ personId: member.id }],
          announcedBeforeClose,
        }),
      )
      if (accepted) await dissent
      else await assert.rejects(dissent, /announced before the meeting ended/)
    })
  }

  it('keeps a dissent printed in an imported protocol whatever the closing time', async () => {
    const { minutes, section, member } = await meeting()
    await inTransaction(getDb(), (trx) =>
      closeMeeting(trx, testActor, { minutesId: minutes.id, at: new Date() }),
    )
    const dissent = await inTransaction(getDb(), (trx) =>
      recordDissent(trx, testActor, {
        sectionId: section.id,
        authors: [{ personId: member.id }],
        asPublished: true,
      }),
    )
    assert.equal(dissent.authors[0]?.personId, member.id)
  })

  it('records the closing time, audited, and lets it be corrected', async () => {
    const { meeting: held, minutes } = await meeting()
    const first = await inTransaction(getDb(), (trx) =>
      closeMeeting(trx, testActor, {
        minutesId: minutes.id,
        at: new Date('2022-12-14T17:40:00Z'),
      }),
    )
    const corrected = await inTransaction(getDb(), (trx) =>
      closeMeeting(trx, testActor, {
        minutesId: minutes.id,
        at: new Date('2022-12-14T17:45:00Z'),
      }),
    )
    assert.equal(first.meetingClosedAt, '2022-12-14T17:40:00.000Z')
    assert.equal(corrected.meetingClosedAt, '2022-12-14T17:45:00.000Z')
    assert.equal(
      (await readMinutesRecord(getDb(), held.id))?.minutes.meetingClosedAt,
      corrected.meetingClosedAt,
    )
    const events = (await listAuditEvents(getDb(), 'minutes', minutes.id)).filter(
      (e) => e.action === 'minutes.meeting_closed',
    )
    assert.equal(events.length, 2)
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        closeMeeting(trx, testActor, { minutesId: minutes.id, at: new Date('not a time') }),
      ),
      { code: 'invalid_input' },
    )
  })

  it('takes the written reason after the close, until the § is signed off', async () => {
    const { minutes, section, member, meeting: held } = await meeting()
    const dissent = await inTransaction(getDb(), (trx) =>
      recordDissent(trx, testActor, {
        sectionId: section.id,
        authors: [{ personId: member.id }],
      }),
    )
    await inTransaction(getDb(), (trx) =>
      closeMeeting(trx, testActor, { minutesId: minutes.id, at: new Date() }),
    )
    await inTransaction(getDb(), (trx) =>
      addDissentReason(trx, testActor, {
        dissentId: dissent.id,
        text: ' Till förmån för eget förslag. ',
        on: '2022-12-18',
      }),
    )
    const stored = (await readMinutesRecord(getDb(), held.id))?.sections[0]?.dissents[0]
    assert.equal(stored?.text, 'Till förmån för eget förslag.')
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        addDissentReason(trx, testActor, { dissentId: dissent.id, text: ' ', on: '2022-12-18' }),
      ),
      {
        code: 'invalid_input',
      },
    )

    await inTransaction(getDb(), (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [section.number],
        signedOffOn: '2022-12-19',
        immediate: false,
        signatoryPersonIds: [member.id],
      }),
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        addDissentReason(trx, testActor, { dissentId: dissent.id, text: 'Sent', on: '2022-12-19' }),
      ),
      /signed off/,
    )
  })

  // The meeting is on 2022-12-14; [days the committee allows, day handed in, accepted].
  const deadlines: Array<[number, string, boolean]> = [
    [2, '2022-12-15', true],
    [2, '2022-12-16', true],
    [2, '2022-12-17', false],
    [0, '2022-12-27', true],
  ]
  for (const [days, on, accepted] of deadlines) {
    it(`${accepted ? 'takes' : 'refuses'} a written reason on ${on} where the committee allows ${days || 'until sign-off'}${days ? ' days' : ''}`, async () => {
      const { section, member } = await meeting({ writtenDissentDays: days })
      const dissent = await inTransaction(getDb(), (trx) =>
        recordDissent(trx, testActor, {
          sectionId: section.id,
          authors: [{ personId: member.id }],
        }),
      )
      const added = inTransaction(getDb(), (trx) =>
        addDissentReason(trx, testActor, { dissentId: dissent.id, text: 'Skäl', on }),
      )
      if (accepted) assert.equal((await added).text, 'Skäl')
      else await assert.rejects(added, /was due by 2022-12-16/)
    })
  }
})

describeOnEachDatabase('recordDissent', (getDb) => {
  /** A § of a 3-seat committee where all three serve and a vote went 2–1 for yes. */
  const votedSection = async (settings: LocalSettingsOverride = {}) => {
    const committee = await createTestCommittee(getDb(), { seats: 3, settings })
    const persons = await addTestMembers(getDb(), committee, 3)
    const [outsider] = await addTestMembers(getDb(), committee, 1, { role: 'substitute' })
    const { meeting, minutes } = await createTestMinutes(getDb(), committee)
    const section = await addTestSection(getDb(), minutes)
    await serveAt(getDb(), section, persons)
    const [yes1, yes2, no] = persons as [typeof outsider, typeof outsider, typeof outsider]
    await inTransaction(getDb(), (trx) =>
      recordVote(trx, testActor, {
        sectionId: section.id,
        kind: 'open',
        question: 'Bifall mot avslag',
        ballots: [
          { personId: yes1!.id, choice: 'yes' },
          { personId: yes2!.id, choice: 'yes' },
          { personId: no!.id, choice: 'no' },
        ],
      }),
    )
    return { committee, meeting, section, yes: yes1!, no: no!, outsider: outsider! }
  }

  it('records a dissent by a member who took part and voted against', async () => {
    const { meeting, section, no } = await votedSection()
    await inTransaction(getDb(), (trx) =>
      recordDissent(trx, testActor, {
        sectionId: section.id,
        text: ' Till förmån för eget yrkande ',
        authors: [{ personId: no.id }],
      }),
    )
    const [dissent] = (await readMinutesRecord(getDb(), meeting.id))?.sections[0]?.dissents ?? []
    assert.equal(dissent?.text, 'Till förmån för eget yrkande')
    assert.deepEqual(
      dissent?.authors.map((a) => a.personId),
      [no.id],
    )
  })

  it('refuses a dissent by someone who did not take part in the decision', async () => {
    const { section, outsider } = await votedSection()
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        recordDissent(trx, testActor, { sectionId: section.id, authors: [{ personId: outsider.id }] }),
      ),
      {
        code: 'invalid_state',
      },
    )
  })

  it('refuses a dissent by someone who voted for the decision', async () => {
    const { section, yes, no } = await votedSection()
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        recordDissent(trx, testActor, {
          sectionId: section.id,
          authors: [{ personId: no.id }, { personId: yes.id }],
        }),
      ),
      { code: 'invalid_state' },
    )
  })
})
