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
import { recordRecusal, recordServing } from '../minutes/section.service.ts'
import { findOrAddParty } from '../person/person.service.ts'
import type { Person } from '../person/person.ts'
import type { DomainError } from '../shared/errors.ts'
import type { BallotChoice } from './tally.ts'
import { listVotes } from './vote.reads.ts'
import { type RecordVoteInput, recordVote } from './vote.service.ts'

describeOnEachDatabase('recordVote', (getDb) => {
  /** A § of a committee of `seats`, with `serving` members serving at it and one member who does not. */
  const setUp = async (seats: number, serving = seats) => {
    const committee = await createTestCommittee(getDb(), { seats })
    const persons = await addTestMembers(getDb(), committee, serving + 1)
    const members = persons.slice(0, serving)
    const { minutes } = await createTestMinutes(getDb(), committee)
    const section = await addTestSection(getDb(), minutes)
    await serveAt(getDb(), section, members)
    return { committee, section, members, absent: persons[serving]! }
  }
  const ballots = (members: Person[], ...choices: BallotChoice[]) =>
    choices.map((choice, i) => ({ personId: members[i]!.id, choice }))
  const vote = (sectionId: number, input: Partial<RecordVoteInput>) =>
    inTransaction(getDb(), (trx) =>
      recordVote(trx, testActor, { sectionId, kind: 'open', question: 'Bifall mot avslag', ...input }),
    )

  it('stores the tally with every ballot and the party it was cast for', async () => {
    const committee = await createTestCommittee(getDb(), { seats: 3 })
    const s = await inTransaction(getDb(), (trx) =>
      findOrAddParty(trx, testActor, {
        organisationId: committee.organisationId,
        abbreviation: 'S',
      }),
    )
    const m = await inTransaction(getDb(), (trx) =>
      findOrAddParty(trx, testActor, {
        organisationId: committee.organisationId,
        abbreviation: 'M',
      }),
    )
    const members = await addTestMembers(getDb(), committee, 3)
    const { minutes } = await createTestMinutes(getDb(), committee)
    const section = await addTestSection(getDb(), minutes)
    const parties = [s.id, s.id, m.id]
    for (const [i, person] of members.entries()) {
      await inTransaction(getDb(), (trx) =>
        recordServing(trx, testActor, {
          sectionId: section.id,
          personId: person.id,
          partyId: parties[i]!,
        }),
      )
    }
    const recorded = await vote(section.id, {
      yesMeans: ' bifall ',
      noMeans: 'avslag',
      ballots: ballots(members, 'yes', 'yes', 'no'),
      result: 'Nämnden bifaller förslaget',
    })
    assert.deepEqual(
      [recorded.yes, recorded.no, recorded.abstain, recorded.outcome, recorded.decidedBy, recorded.yesMeans],
      [2, 1, 0, 'yes', 'majority', 'bifall'],
    )
    const [stored] = await listVotes(getDb(), [section.id])
    assert.deepEqual(stored, recorded)
    assert.deepEqual(
      stored?.ballots.map((b) => [b.personId, b.partyId, b.choice]),
      [
        [members[0]!.id, s.id, 'yes'],
        [members[1]!.id, s.id, 'yes'],
        [members[2]!.id, m.id, 'no'],
      ],
    )
    const events = await listAuditEvents(getDb(), 'section', section.id)
    assert.equal(events.at(-1)?.action, 'section.vote_recorded')
  })

  it('numbers the votes of a § in order', async () => {
    const { section, members } = await setUp(3)
    const first = await vote(section.id, { ballots: ballots(members, 'yes', 'yes', 'no') })
    const second = await vote(section.id, {
      question: 'Huvudvotering',
      ballots: ballots(members, 'no', 'no', 'yes'),
    })
    assert.deepEqual([first.position, second.position, second.outcome], [1, 2, 'no'])
  })

  it('gives the chair the casting vote on a tie', async () => {
    const { section, members } = await setUp(5, 4)
    const chair = members[3]!
    const recorded = await vote(section.id, {
      ballots: ballots(members, 'yes', 'yes', 'no', 'no'),
      chairPersonId: chair.id,
    })
    assert.deepEqual([recorded.outcome, recorded.decidedBy], ['no', 'casting_vote'])
  })

  it('refuses a tie in an open vote where the chair did not vote', async () => {
    const { section, members } = await setUp(5, 4)
    await assert.rejects(
      vote(section.id, { ballots: ballots(members, 'yes', 'yes', 'no', 'no') }),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'chairVote',
    )
  })

  it('decides a tied election by lot, not by the chair', async () => {
    const { section, members } = await setUp(5, 4)
    let draws = 0
    const recorded = await vote(section.id, {
      kind: 'election',
      question: 'Val av ordförande',
      ballots: ballots(members, 'yes', 'yes', 'no', 'no'),
      chairPersonId: members[0]!.id,
      drawLot: () => {
        draws++
        return 'no'
      },
    })
    assert.deepEqual([recorded.outcome, recorded.decidedBy, draws], ['no', 'lot', 1])
  })

  it('records only the counts of a secret election', async () => {
    const { section } = await setUp(5)
    const recorded = await vote(section.id, {
      kind: 'election',
      question: 'Val av revisor',
      counts: { yes: 3, no: 1, abstain: 1 },
    })
    assert.deepEqual(
      [recorded.yes, recorded.no, recorded.abstain, recorded.outcome, recorded.decidedBy, recorded.ballots],
      [3, 1, 1, 'yes', 'majority', []],
    )
    assert.deepEqual((await listVotes(getDb(), [section.id]))[0]?.ballots, [])
  })

  it('decides a tied secret election by the lot drawn', async () => {
    const { section } = await setUp(5)
    const recorded = await vote(section.id, {
      kind: 'election',
      counts: { yes: 2, no: 2, abstain: 1 },
      drawLot: () => 'no',
    })
    assert.deepEqual([recorded.outcome, recorded.decidedBy], ['no', 'lot'])
  })

  it('refuses a tied secret election with no lot drawn', async () => {
    const { section } = await setUp(5)
    await assert.rejects(
      vote(section.id, { kind: 'election', counts: { yes: 2, no: 2, abstain: 1 } }),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'drawLot',
    )
    assert.deepEqual(await listVotes(getDb(), [section.id]), [])
  })

  it('refuses a vote without quorum', async () => {
    const { section, members } = await setUp(13, 6)
    await assert.rejects(
      vote(section.id, { ballots: ballots(members, 'yes', 'yes', 'yes', 'yes', 'no', 'no') }),
      {
        code: 'invalid_state',
      },
    )
    await assert.rejects(vote(section.id, { counts: { yes: 4, no: 2, abstain: 0 } }), {
      code: 'invalid_state',
    })
  })

  it('refuses a ballot of a member who does not serve at the §', async () => {
    const { section, members, absent } = await setUp(3)
    await assert.rejects(
      vote(section.id, {
        ballots: [...ballots(members, 'yes', 'yes'), { personId: absent.id, choice: 'no' }],
      }),
      { code: 'invalid_state' },
    )
  })

  it('refuses two ballots of one member', async () => {
    const { section, members } = await setUp(3)
    await assert.rejects(
      vote(section.id, {
        ballots: [...ballots(members, 'yes', 'no', 'no'), { personId: members[0]!.id, choice: 'yes' }],
      }),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'ballots',
    )
  })

  it('refuses a ballot of a member with jäv', async () => {
    const { section, members, absent } = await setUp(3)
    // A 3-seat § with three serving keeps quorum when a fourth person is recused.
    await inTransaction(getDb(), (trx) =>
      recordRecusal(trx, testActor, { sectionId: section.id, personId: absent.id }),
    )
    await assert.rejects(
      vote(section.id, {
        ballots: [...ballots(members, 'yes', 'yes', 'no'), { personId: absent.id, choice: 'no' }],
      }),
      (error: DomainError) => error.code === 'invalid_state' && /jäv/.test(error.message),
    )
  })

  it('refuses a vote without ballots or counts, or without a question', async () => {
    const { section, members } = await setUp(3)
    await assert.rejects(vote(section.id, {}), (error: DomainError) => error.field === 'ballots')
    await assert.rejects(
      vote(section.id, { question: ' ', ballots: ballots(members, 'yes') }),
      (error: DomainError) => error.field === 'question',
    )
    await assert.rejects(
      vote(section.id, { counts: { yes: -1, no: 2, abstain: 0 } }),
      (error: DomainError) => error.field === 'counts',
    )
  })

  // [ballots given (of 3 serving), jäv of the third, accepted]
  const atTheMeeting: Array<[BallotChoice[], boolean, boolean, string]> = [
    [['yes', 'yes', 'abstain'], false, true, 'every serving member, one abstaining'],
    [['yes', 'no'], false, false, 'one serving member without a ballot'],
    [['yes', 'yes'], true, true, 'all but the member with jäv'],
  ]
  for (const [choices, recused, accepted, why] of atTheMeeting) {
    it(`M2: ${accepted ? 'records' : 'refuses'} an open vote at the meeting with ${why} (KL 5:67 p. 5)`, async () => {
      const { section, members } = await setUp(3)
      if (recused)
        await inTransaction(getDb(), (trx) =>
          recordRecusal(trx, testActor, { sectionId: section.id, personId: members[2]!.id }),
        )
      const recorded = vote(section.id, { ballots: ballots(members, ...choices), atTheMeeting: true })
      if (accepted) assert.equal((await recorded).ballots.length, choices.length)
      else await assert.rejects(recorded, /every serving member’s ballot is needed/)
    })
  }

  it('M2: refuses the counts only of an open vote at the meeting, but keeps them from an imported protocol', async () => {
    const { section } = await setUp(3)
    await assert.rejects(
      vote(section.id, { counts: { yes: 2, no: 1, abstain: 0 }, atTheMeeting: true }),
      /records how each member voted/,
    )
    assert.equal((await vote(section.id, { counts: { yes: 2, no: 1, abstain: 0 } })).yes, 2)
  })
})
