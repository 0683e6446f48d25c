import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMeeting,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { findOrAddParty } from '../person/person.service.ts'
import type { DomainError } from '../shared/errors.ts'
import { recordVote } from '../vote/vote.service.ts'
import { readMinutesRecord } from './minutes-record.ts'
import { applyRollCall, recordRollCall } from './roll-call.service.ts'
import { addSection } from './section.service.ts'
import { recordMotion, recordMotions } from './section-record.service.ts'

// M6 (KL 7:10–19, 6:17): officials, experts and substitutes who do not serve may speak at the
// meeting, but only those serving at the § make motions and vote.

describeOnEachDatabase('M6: others present may speak but never decide', (getDb) => {
  async function meeting() {
    const db = getDb()
    const committee = await createTestCommittee(db, { seats: 3 })
    const [a, b, c] = await addTestMembers(db, committee, 3)
    const [idle] = await addTestMembers(db, committee, 1, { role: 'substitute' })
    const held = await createTestMeeting(db, { committee })
    const minutes = await recordRollCall(db, testActor, {
      meetingId: held.id,
      lines: [
        { personId: a!.id, role: 'member', present: true },
        { personId: b!.id, role: 'member', present: true },
        { personId: c!.id, role: 'member', present: true },
        { personId: idle!.id, role: 'substitute', present: true },
      ],
      others: [{ name: 'Mona Thorin', title: 'Förvaltningschef' }],
    })
    const section = await addSection(db, testActor, { minutesId: minutes.id, title: 'Budget' })
    await inTransaction(db, (trx) =>
      applyRollCall(trx, testActor, { meetingId: held.id, minutesId: minutes.id }),
    )
    const record = await readMinutesRecord(db, held.id)
    const official = record!.attendance.find((x) => x.role === 'official')!
    return { db, section, meetingId: held.id, member: a!, idle: idle!, officialId: official.personId }
  }

  const proposers = [
    {
      who: 'a serving member',
      pick: (m: Awaited<ReturnType<typeof meeting>>) => m.member.id,
      accepted: true,
    },
    {
      who: 'a substitute who does not serve',
      pick: (m: Awaited<ReturnType<typeof meeting>>) => m.idle.id,
      accepted: false,
    },
    { who: 'an official', pick: (m: Awaited<ReturnType<typeof meeting>>) => m.officialId, accepted: false },
  ]
  for (const { who, pick, accepted } of proposers) {
    it(`${accepted ? 'records' : 'refuses'} a motion by ${who}`, async () => {
      const m = await meeting()
      const motion = inTransaction(m.db, (trx) =>
        recordMotion(trx, testActor, {
          sectionId: m.section.id,
          kind: 'approve',
          text: 'Bifall till förslaget',
          authors: [{ personId: pick(m) }],
        }),
      )
      if (accepted) assert.equal((await motion).authors[0]?.personId, m.member.id)
      else await assert.rejects(motion, /only a member serving at the § may make a motion/)
    })
  }

  it('keeps a motion as an imported protocol printed it', async () => {
    const m = await meeting()
    const motion = await inTransaction(m.db, (trx) =>
      recordMotion(trx, testActor, {
        sectionId: m.section.id,
        text: 'Bifall',
        authors: [{ personId: m.officialId }],
        asPublished: true,
      }),
    )
    assert.equal(motion.authors[0]?.personId, m.officialId)
  })

  it('records motions at once under the rules of one: a refused one is told, or replaced in its place', async () => {
    const m = await meeting()
    const by = (personId: number, text: string) => ({
      sectionId: m.section.id,
      text,
      authors: [{ personId }],
    })
    const motions = [by(m.member.id, 'Bifall'), by(m.officialId, 'Avslag'), by(m.member.id, 'Återremiss')]
    // Without onRefused the first refusal is thrown and nothing is written.
    await assert.rejects(
      inTransaction(m.db, (trx) => recordMotions(trx, testActor, { motions })),
      /only a member serving at the § may make a motion/,
    )
    assert.deepEqual((await readMinutesRecord(m.db, m.meetingId))?.sections[0]?.motions ?? [], [])
    const refused: number[] = []
    const recorded = await inTransaction(m.db, (trx) =>
      recordMotions(
        trx,
        testActor,
        { motions },
        {
          onRefused: (index, _error, input) => {
            refused.push(index)
            return input.asPublished ? undefined : { ...input, asPublished: true }
          },
        },
      ),
    )
    assert.deepEqual(refused, [1])
    // The replacement takes the refused one's place: positions and ids in the order given.
    assert.deepEqual(
      recorded.map((r) => [r?.text, r?.position]),
      [
        ['Bifall', 1],
        ['Avslag', 2],
        ['Återremiss', 3],
      ],
    )
    assert.ok(
      (recorded[0]?.id ?? 0) < (recorded[1]?.id ?? 0) && (recorded[1]?.id ?? 0) < (recorded[2]?.id ?? 0),
    )
    const left = await inTransaction(m.db, (trx) =>
      recordMotions(
        trx,
        testActor,
        { motions: [by(m.idle.id, 'Bordläggning'), by(m.member.id, 'Bifall')] },
        {
          onRefused: () => undefined,
        },
      ),
    )
    assert.deepEqual(
      left.map((r) => r?.position),
      [undefined, 4],
    )
  })

  it('refuses a ballot of an official or of a substitute who does not serve', async () => {
    const m = await meeting()
    for (const personId of [m.officialId, m.idle.id]) {
      await assert.rejects(
        inTransaction(m.db, (trx) =>
          recordVote(trx, testActor, {
            sectionId: m.section.id,
            kind: 'open',
            question: 'Bifall?',
            ballots: [{ personId, choice: 'yes' }],
          }),
        ),
        /only members serving at the § may vote/,
      )
    }
  })
})

describeOnEachDatabase('recordMotion', (getDb) => {
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
})
