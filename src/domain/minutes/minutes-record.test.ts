import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMeeting,
  createTestMinutes,
  createTestPerson,
  serveAt,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import { cancelMeeting, getMeeting } from '../meeting/meeting.service.ts'
import { postMinutesNotice } from '../notice-board/notice-board.service.ts'
import type { LocalSettingsOverride } from '../organisation/local-settings.ts'
import { findOrAddParty } from '../person/person.service.ts'
import type { DomainError } from '../shared/errors.ts'
import { recordSignOff } from '../sign-off/sign-off.service.ts'
import { recordVote } from '../vote/vote.service.ts'
import {
  appointSignatories,
  openMinutes,
  type RecordAttendanceInput,
  recordAttendance,
} from './minutes.service.ts'
import { publicMinutesRecord, readMinutesRecord, readMinutesRecords } from './minutes-record.ts'
import { addSection, recordRecusal, recordServing, sectionQuorum } from './section.service.ts'
import { recordDissent, recordMotion, recordStatement } from './section-record.service.ts'

describeOnEachDatabase('openMinutes', (getDb) => {
  it('starts a draft and moves the meeting to minutes_draft', async () => {
    const committee = await createTestCommittee(getDb(), {
      organisationSettings: { minutesKeptAt: 'Stadshuset' },
    })
    const meeting = await createTestMeeting(getDb(), { committee })
    const minutes = await inTransaction(getDb(), (trx) =>
      openMinutes(trx, testActor, {
        meetingId: meeting.id,
        signOffPlannedOn: '2022-12-19',
      }),
    )
    assert.equal(minutes.status, 'draft')
    assert.equal(minutes.keptAt, 'Stadshuset') // from the settings
    assert.equal(minutes.signOffPlannedOn, '2022-12-19')
    assert.equal((await getMeeting(getDb(), meeting.id)).status, 'minutes_draft')
    const events = await listAuditEvents(getDb(), 'meeting', meeting.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['meeting.scheduled', 'meeting.held', 'meeting.minutes_draft'],
    )
  })

  it('refuses a second set of minutes for the same meeting', async () => {
    const committee = await createTestCommittee(getDb())
    const { meeting } = await createTestMinutes(getDb(), committee)
    await assert.rejects(
      inTransaction(getDb(), (trx) => openMinutes(trx, testActor, { meetingId: meeting.id })),
      {
        code: 'invalid_state',
      },
    )
  })

  it('refuses minutes of a cancelled meeting', async () => {
    const meeting = await createTestMeeting(getDb())
    await cancelMeeting(getDb(), testActor, {
      meetingId: meeting.id,
      version: meeting.version,
      reason: 'Inga ärenden',
    })
    await assert.rejects(
      inTransaction(getDb(), (trx) => openMinutes(trx, testActor, { meetingId: meeting.id })),
      {
        code: 'invalid_state',
      },
    )
    assert.equal(await readMinutesRecord(getDb(), meeting.id), undefined)
  })

  it('refuses a sign-off day that is not a date', async () => {
    const meeting = await createTestMeeting(getDb())
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        openMinutes(trx, testActor, { meetingId: meeting.id, signOffPlannedOn: '19 dec' }),
      ),
      (error: DomainError) => error.field === 'signOffPlannedOn',
    )
  })
})

describeOnEachDatabase('appointSignatories', (getDb) => {
  for (const { signatoryCount, appointed, accepted } of [
    { signatoryCount: 2, appointed: 2, accepted: true },
    { signatoryCount: 2, appointed: 1, accepted: false },
    { signatoryCount: 2, appointed: 3, accepted: false },
    { signatoryCount: 3, appointed: 3, accepted: true },
    { signatoryCount: 1, appointed: 1, accepted: true },
  ]) {
    it(`${accepted ? 'appoints' : 'refuses'} ${appointed} signatories where the committee has ${signatoryCount}`, async () => {
      const committee = await createTestCommittee(getDb(), { settings: { signatoryCount } })
      const persons = await addTestMembers(getDb(), committee, appointed)
      const { meeting, minutes } = await createTestMinutes(getDb(), committee)
      const appoint = inTransaction(getDb(), (trx) =>
        appointSignatories(trx, testActor, {
          minutesId: minutes.id,
          personIds: persons.map((p) => p.id),
        }),
      )
      if (accepted) {
        await appoint
        assert.deepEqual(
          (await readMinutesRecord(getDb(), meeting.id))?.signatoryIds,
          persons.map((p) => p.id),
        )
      } else {
        await assert.rejects(
          appoint,
          (error: DomainError) => error.code === 'invalid_input' && error.field === 'personIds',
        )
      }
    })
  }

  it('counts a person named twice once', async () => {
    const committee = await createTestCommittee(getDb())
    const [chair] = await addTestMembers(getDb(), committee, 1)
    const { minutes } = await createTestMinutes(getDb(), committee)
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [chair!.id, chair!.id] }),
      ),
      { code: 'invalid_input' },
    )
  })

  it('replaces an earlier appointment', async () => {
    const committee = await createTestCommittee(getDb())
    const [a, b, c] = await addTestMembers(getDb(), committee, 3)
    const { meeting, minutes } = await createTestMinutes(getDb(), committee)
    await inTransaction(getDb(), (trx) =>
      appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [a!.id, b!.id] }),
    )
    await inTransaction(getDb(), (trx) =>
      appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [a!.id, c!.id] }),
    )
    assert.deepEqual((await readMinutesRecord(getDb(), meeting.id))?.signatoryIds, [a!.id, c!.id])
  })

  // The meeting is on 2022-12-14, so the minutes are signed off by 2022-12-28 (KL 5:69).
  for (const [plannedOn, accepted] of [
    ['2022-12-14', true],
    ['2022-12-28', true],
    ['2022-12-29', false],
    ['2022-12-13', false],
    ['28 december', false],
  ] as const) {
    it(`A1: ${accepted ? 'agrees' : 'refuses'} a sign-off on ${plannedOn}, with its place`, async () => {
      const committee = await createTestCommittee(getDb())
      const persons = await addTestMembers(getDb(), committee, 2)
      const { meeting, minutes } = await createTestMinutes(getDb(), committee)
      const appoint = inTransaction(getDb(), (trx) =>
        appointSignatories(trx, testActor, {
          minutesId: minutes.id,
          personIds: persons.map((p) => p.id),
          signOffPlace: ' Kansliet, rum 3 ',
          signOffPlannedOn: plannedOn,
        }),
      )
      if (!accepted) {
        await assert.rejects(appoint, (error: DomainError) => error.field === 'signOffPlannedOn')
        return
      }
      await appoint
      const stored = (await readMinutesRecord(getDb(), meeting.id))?.minutes
      assert.equal(stored?.signOffPlace, 'Kansliet, rum 3')
      assert.equal(stored?.signOffPlannedOn, plannedOn)
    })
  }
})

describeOnEachDatabase('recordAttendance', (getDb) => {
  const setUp = async (settings: LocalSettingsOverride = {}) => {
    const committee = await createTestCommittee(getDb(), { settings })
    const [member] = await addTestMembers(getDb(), committee, 1)
    const [substitute] = await addTestMembers(getDb(), committee, 1, { role: 'substitute' })
    const meeting = await createTestMeeting(getDb(), { committee })
    return { meeting, member: member!, substitute: substitute! }
  }

  it('records a substitute serving for an absent member', async () => {
    const { meeting, member, substitute } = await setUp()
    await recordAttendance(getDb(), testActor, {
      meetingId: meeting.id,
      personId: member.id,
      role: 'member',
      present: false,
    })
    const line = await recordAttendance(getDb(), testActor, {
      meetingId: meeting.id,
      personId: substitute.id,
      role: 'substitute',
      present: true,
      servingForPersonId: member.id,
    })
    assert.equal(line.servingForPersonId, member.id)
    const events = await listAuditEvents(getDb(), 'meeting', meeting.id)
    assert.equal(events.at(-1)?.action, 'meeting.attendance_recorded')
  })

  it('keeps one line per person: a second entry replaces the first', async () => {
    const { meeting, member } = await setUp()
    await createTestMinutes(getDb(), await createTestCommittee(getDb())) // another meeting's roll call is unrelated
    await recordAttendance(getDb(), testActor, {
      meetingId: meeting.id,
      personId: member.id,
      role: 'member',
      present: true,
    })
    await recordAttendance(getDb(), testActor, {
      meetingId: meeting.id,
      personId: member.id,
      role: 'member',
      present: true,
      leftAfterSection: 5,
    })
    await inTransaction(getDb(), (trx) => openMinutes(trx, testActor, { meetingId: meeting.id }))
    const record = await readMinutesRecord(getDb(), meeting.id)
    assert.deepEqual(
      record?.attendance.map((a) => [a.personId, a.leftAfterSection]),
      [[member.id, 5]],
    )
  })

  type Case = {
    name: string
    input: (p: Awaited<ReturnType<typeof setUp>>) => Partial<RecordAttendanceInput>
    field: string
  }
  const refused: Case[] = [
    {
      name: 'a member who serves for someone',
      input: ({ member, substitute }) => ({
        personId: member.id,
        role: 'member',
        servingForPersonId: substitute.id,
      }),
      field: 'servingForPersonId',
    },
    {
      name: 'a serving substitute who is not present',
      input: ({ member, substitute }) => ({
        personId: substitute.id,
        present: false,
        servingForPersonId: member.id,
      }),
      field: 'present',
    },
    {
      name: 'a substitute serving for themselves',
      input: ({ substitute }) => ({ personId: substitute.id, servingForPersonId: substitute.id }),
      field: 'servingForPersonId',
    },
    {
      name: 'taking part at a distance where the committee does not allow it',
      input: ({ member }) => ({ personId: member.id, role: 'member', remote: true }),
      field: 'remote',
    },
  ]
  for (const c of refused) {
    it(`refuses ${c.name}`, async () => {
      const persons = await setUp()
      await assert.rejects(
        recordAttendance(getDb(), testActor, {
          meetingId: persons.meeting.id,
          personId: persons.substitute.id,
          role: 'substitute',
          present: true,
          ...c.input(persons),
        }),
        (error: DomainError) => error.code === 'invalid_input' && error.field === c.field,
      )
    })
  }

  it('records distance participation where the committee allows it', async () => {
    const { meeting, member } = await setUp({ distanceParticipation: true })
    const line = await recordAttendance(getDb(), testActor, {
      meetingId: meeting.id,
      personId: member.id,
      role: 'member',
      present: true,
      remote: true,
    })
    assert.equal(line.remote, true)
  })
})

describeOnEachDatabase('addSection', (getDb) => {
  it('numbers §§ from 1 at each meeting by default', async () => {
    const committee = await createTestCommittee(getDb())
    const first = await createTestMinutes(getDb(), committee)
    const labels = [
      (await addTestSection(getDb(), first.minutes)).label,
      (await addTestSection(getDb(), first.minutes)).label,
    ]
    const second = await createTestMinutes(getDb(), committee, { meetsOn: '2022-12-20' })
    labels.push((await addTestSection(getDb(), second.minutes)).label)
    assert.deepEqual(labels, ['§ 1', '§ 2', '§ 1'])
  })

  const schemes: Array<{ name: string; settings: LocalSettingsOverride; labels: string[] }> = [
    {
      name: 'with a prefix',
      settings: { sectionNumbering: { scheme: 'per_meeting', prefix: 'KS' } },
      labels: ['KS § 1', 'KS § 2', 'KS § 1'],
    },
    {
      name: 'with the year',
      settings: { sectionNumbering: { scheme: 'per_meeting', yearSuffix: true } },
      labels: ['§ 1/22', '§ 2/22', '§ 1/22'],
    },
    {
      name: 'through the year',
      settings: { sectionNumbering: { scheme: 'per_year' } },
      labels: ['§ 1', '§ 2', '§ 3'],
    },
    {
      name: 'through the year with a prefix',
      settings: { sectionNumbering: { scheme: 'per_year', prefix: 'Sn' } },
      labels: ['Sn § 1', 'Sn § 2', 'Sn § 3'],
    },
  ]
  for (const scheme of schemes) {
    it(`labels §§ ${scheme.name}: ${scheme.labels.join(', ')}`, async () => {
      const committee = await createTestCommittee(getDb(), { settings: scheme.settings })
      const first = await createTestMinutes(getDb(), committee, { meetsOn: '2022-11-09' })
      const second = await createTestMinutes(getDb(), committee, { meetsOn: '2022-12-14' })
      const labels = [
        (await addTestSection(getDb(), first.minutes)).label,
        (await addTestSection(getDb(), first.minutes)).label,
        (await addTestSection(getDb(), second.minutes)).label,
      ]
      assert.deepEqual(labels, scheme.labels)
    })
  }

  it('starts again at § 1 in a new year under per-year numbering', async () => {
    const committee = await createTestCommittee(getDb(), {
      settings: { sectionNumbering: { scheme: 'per_year' } },
    })
    const december = await createTestMinutes(getDb(), committee, { meetsOn: '2022-12-14' })
    await addTestSection(getDb(), december.minutes)
    await addTestSection(getDb(), december.minutes)
    const january = await createTestMinutes(getDb(), committee, { meetsOn: '2023-01-18' })
    assert.equal((await addTestSection(getDb(), january.minutes)).label, '§ 1')
  })

  it('takes a given number (an imported protocol) and refuses it twice', async () => {
    const committee = await createTestCommittee(getDb())
    const { minutes } = await createTestMinutes(getDb(), committee)
    const section = await addSection(getDb(), testActor, {
      minutesId: minutes.id,
      number: 18,
      title: ' Val ',
    })
    assert.deepEqual([section.number, section.label, section.title], [18, '§ 18', 'Val'])
    assert.equal((await addTestSection(getDb(), minutes)).number, 19)
    await assert.rejects(
      addSection(getDb(), testActor, { minutesId: minutes.id, number: 18, title: 'Igen' }),
      (error: DomainError) => error.field === 'number',
    )
  })

  it('allows immediate sign-off of a § only where the committee does', async () => {
    const allowing = await createTestCommittee(getDb())
    const { minutes } = await createTestMinutes(getDb(), allowing)
    assert.equal((await addTestSection(getDb(), minutes, { immediateSignOff: true })).immediateSignOff, true)
    const refusing = await createTestCommittee(getDb(), { settings: { immediateSignOffAllowed: false } })
    const other = await createTestMinutes(getDb(), refusing)
    await assert.rejects(
      addTestSection(getDb(), other.minutes, { immediateSignOff: true }),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'immediateSignOff',
    )
  })

  it('refuses a § without a title', async () => {
    const { minutes } = await createTestMinutes(getDb(), await createTestCommittee(getDb()))
    await assert.rejects(
      addTestSection(getDb(), minutes, { title: ' ' }),
      (error: DomainError) => error.field === 'title',
    )
  })
})

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
})

describeOnEachDatabase('motions, dissents and statements', (getDb) => {
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

  it('records a motion with its authors and points', async () => {
    const committee = await createTestCommittee(getDb())
    const [author] = await addTestMembers(getDb(), committee, 1)
    const party = await inTransaction(getDb(), (trx) =>
      findOrAddParty(trx, testActor, {
        organisationId: committee.organisationId,
        abbreviation: 'S',
      }),
    )
    const { meeting, minutes } = await createTestMinutes(getDb(), committee)
    const section = await addTestSection(getDb(), minutes)
    await inTransaction(getDb(), (trx) =>
      recordMotion(trx, testActor, {
        sectionId: section.id,
        kind: 'amend',
        text: ' Ändringsyrkande ',
        points: ['Att taxan sänks', ' '],
        authors: [{ personId: author!.id, partyId: party.id, andOthers: true }],
      }),
    )
    const [motion] = (await readMinutesRecord(getDb(), meeting.id))?.sections[0]?.motions ?? []
    assert.deepEqual(motion && [motion.position, motion.kind, motion.text, motion.points, motion.authors], [
      1,
      'amend',
      'Ändringsyrkande',
      ['Att taxan sänks'],
      [{ personId: author!.id, partyId: party.id, andOthers: true }],
    ])
  })

  it('refuses a motion without text or without authors', async () => {
    const { minutes } = await createTestMinutes(getDb(), await createTestCommittee(getDb()))
    const section = await addTestSection(getDb(), minutes)
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        recordMotion(trx, testActor, { sectionId: section.id, text: ' ', authors: [{ partyId: 1 }] }),
      ),
      (error: DomainError) => error.field === 'text',
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        recordMotion(trx, testActor, { sectionId: section.id, text: 'Bifall', authors: [] }),
      ),
      (error: DomainError) => error.field === 'authors',
    )
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        recordMotion(trx, testActor, { sectionId: section.id, text: 'Bifall', authors: [{}] }),
      ),
      (error: DomainError) => error.field === 'authors',
    )
  })

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

  for (const { kind, settings, accepted, stored } of [
    { kind: 'protokollsanteckning', settings: {}, accepted: true, stored: 'protokollsanteckning' },
    { kind: ' Särskilt uttalande ', settings: {}, accepted: true, stored: 'särskilt uttalande' },
    { kind: 'ersättaryttrande', settings: {}, accepted: true, stored: 'ersättaryttrande' },
    {
      kind: 'ersättaryttrande',
      settings: { substitutesMayStateOpinion: false },
      accepted: false,
      stored: '',
    },
    {
      kind: 'protokollsanteckning',
      settings: { statementKinds: ['särskilt yttrande'] },
      accepted: false,
      stored: '',
    },
    {
      kind: 'särskilt yttrande',
      settings: { statementKinds: ['särskilt yttrande'] },
      accepted: true,
      stored: 'särskilt yttrande',
    },
    { kind: 'reservation', settings: {}, accepted: false, stored: '' },
  ] satisfies Array<{ kind: string; settings: LocalSettingsOverride; accepted: boolean; stored: string }>) {
    it(`${accepted ? 'records' : 'refuses'} a statement of kind '${kind.trim()}' under ${JSON.stringify(settings)}`, async () => {
      const committee = await createTestCommittee(getDb(), { settings })
      const author = await createTestPerson(getDb(), committee.organisationId)
      const { minutes } = await createTestMinutes(getDb(), committee)
      const section = await addTestSection(getDb(), minutes)
      const record = inTransaction(getDb(), (trx) =>
        recordStatement(trx, testActor, {
          sectionId: section.id,
          kind,
          text: 'Vi noterar',
          authors: [{ personId: author.id }],
        }),
      )
      if (accepted) assert.equal((await record).kind, stored)
      else
        await assert.rejects(
          record,
          (error: DomainError) => error.code === 'invalid_input' && error.field === 'kind',
        )
    })
  }
})

describeOnEachDatabase('readMinutesRecord and publicMinutesRecord', (getDb) => {
  const secrets = [
    'Bistånd till Kalle Ankas familj',
    'Hemlig sammanfattning',
    'Att beviljas 12 000 kr',
    'Ordföranden ställde hemligt',
    'Hemligt yrkande',
    'Hemlig fråga',
    'Hemlig reservation',
    'Hemlig anteckning',
  ]

  it('reads every § and publishes only the signed-off ones, confidential §§ reduced to their number', async () => {
    const committee = await createTestCommittee(getDb(), { seats: 3 })
    const persons = await addTestMembers(getDb(), committee, 3)
    const [a, b, c] = persons as [(typeof persons)[0], (typeof persons)[0], (typeof persons)[0]]
    const { meeting, minutes } = await createTestMinutes(getDb(), committee, { keptAt: 'Kansliet' })
    const open = await addTestSection(getDb(), minutes, {
      title: 'Taxor 2023',
      decision: ['Taxorna fastställs'],
    })
    const secret = await addTestSection(getDb(), minutes, {
      title: secrets[0]!,
      summary: secrets[1]!,
      decision: [secrets[2]!],
      decisionProcedure: secrets[3]!,
      confidential: true,
    })
    const pending = await addTestSection(getDb(), minutes, { title: 'Ännu ej justerat' })
    for (const section of [open, secret, pending]) await serveAt(getDb(), section, persons)
    await inTransaction(getDb(), (trx) =>
      recordMotion(trx, testActor, {
        sectionId: secret.id,
        text: secrets[4]!,
        authors: [{ personId: a!.id }],
      }),
    )
    await inTransaction(getDb(), (trx) =>
      recordVote(trx, testActor, {
        sectionId: secret.id,
        kind: 'open',
        question: secrets[5]!,
        ballots: [
          { personId: a!.id, choice: 'yes' },
          { personId: b!.id, choice: 'yes' },
          { personId: c!.id, choice: 'no' },
        ],
      }),
    )
    await inTransaction(getDb(), (trx) =>
      recordDissent(trx, testActor, {
        sectionId: secret.id,
        text: secrets[6]!,
        authors: [{ personId: c!.id }],
      }),
    )
    await inTransaction(getDb(), (trx) =>
      recordStatement(trx, testActor, {
        sectionId: secret.id,
        kind: 'protokollsanteckning',
        text: secrets[7]!,
        authors: [{ personId: b!.id }],
      }),
    )
    await inTransaction(getDb(), (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1, 2],
        signedOffOn: '2022-12-19',
        immediate: false,
        signatoryPersonIds: [a!.id, b!.id],
      }),
    )

    const record = await readMinutesRecord(getDb(), meeting.id)
    assert.ok(record)
    assert.equal(record.minutes.keptAt, 'Kansliet')
    assert.deepEqual(
      record.sections.map((s) => [s.section.label, s.signOff?.status]),
      [
        ['§ 1', 'signed_off'],
        ['§ 2', 'signed_off'],
        ['§ 3', undefined],
      ],
    )
    const full = JSON.stringify(record)
    for (const text of secrets) assert.ok(full.includes(text), `the full record keeps "${text}"`)
    assert.equal(record.sections[1]?.votes[0]?.ballots.length, 3)

    const published = publicMinutesRecord(record)
    assert.deepEqual(
      published.sections.map((s) => [s.section.label, s.section.title]),
      [
        ['§ 1', 'Taxor 2023'],
        ['§ 2', 'Ärende som omfattas av sekretess'],
      ],
    )
    assert.deepEqual(published.sections[0]?.section.decision, ['Taxorna fastställs'])
    const text = JSON.stringify(published)
    for (const secretText of secrets)
      assert.ok(!text.includes(secretText), `"${secretText}" must not be published`)
    assert.ok(!text.includes('Ännu ej justerat'))
  })
})

describeOnEachDatabase('readMinutesRecords', (getDb) => {
  it('reads several protocols at once exactly as one by one, each with only its own §§, sign-offs and notices', async () => {
    const committee = await createTestCommittee(getDb(), { seats: 3 })
    const persons = await addTestMembers(getDb(), committee, 3)
    const meetings: number[] = []
    for (const [meetsOn, titles] of [
      ['2022-11-09', ['Budget', 'Taxor']],
      ['2022-12-14', ['Lokaler']],
    ] as const) {
      const { meeting, minutes } = await createTestMinutes(getDb(), committee, { meetsOn })
      await inTransaction(getDb(), (trx) =>
        appointSignatories(trx, testActor, {
          minutesId: minutes.id,
          personIds: [persons[0]!.id, persons[1]!.id],
        }),
      )
      for (const title of titles)
        await serveAt(getDb(), await addTestSection(getDb(), minutes, { title }), persons)
      const signOff = await inTransaction(getDb(), (trx) =>
        recordSignOff(trx, testActor, {
          minutesId: minutes.id,
          sectionNumbers: titles.map((_, i) => i + 1),
          signedOffOn: meetsOn,
          immediate: false,
          signatoryPersonIds: [persons[0]!.id, persons[1]!.id],
        }),
      )
      await inTransaction(getDb(), (trx) =>
        postMinutesNotice(trx, testActor, { signOffId: signOff.id, postedOn: meetsOn }),
      )
      meetings.push(meeting.id)
    }
    const together = await readMinutesRecords(getDb(), [...meetings, 999_999])
    assert.deepEqual([...together.keys()].sort(), [...meetings].sort())
    for (const id of meetings) assert.deepEqual(together.get(id), await readMinutesRecord(getDb(), id))
    assert.deepEqual(
      meetings.map((id) => [together.get(id)?.sections.length, together.get(id)?.notices.length]),
      [
        [2, 1],
        [1, 1],
      ],
    )
  })
})
