import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { addMembership } from '../membership/membership.service.ts'
import { recordRecusal, recordServing } from '../minutes/section.service.ts'
import { addPerson, findOrAddParty } from '../person/person.service.ts'
import type { DomainError } from '../shared/errors.ts'
import { ballotsByGroup, type Voter } from './ballots-by-group.ts'
import type { BallotChoice } from './tally.ts'
import { listVotes } from './vote.reads.ts'
import { recordVote } from './vote.service.ts'
import { recordVoteByGroup } from './vote-by-group.service.ts'

// "Alla ja utom …" and votes by party group (issue 12, item 5): the ballots are worked out for
// every voter, the exception first, then the group, then everyone, and stored one per voter.

const S = 1
const M = 2
const voters: Voter[] = [
  { personId: 10, partyId: S },
  { personId: 11, partyId: S },
  { personId: 20, partyId: M },
  { personId: 21, partyId: M },
  { personId: 30, partyId: null },
]
const choices = (ballots: Array<{ personId: number; choice: BallotChoice }>) =>
  Object.fromEntries(ballots.map((b) => [b.personId, b.choice]))

describe('ballotsByGroup', () => {
  it('gives every voter their exception, else their group’s vote, else everyone’s', () => {
    const ballots = ballotsByGroup(voters, [], {
      everyone: 'yes',
      groups: new Map([[M, 'no']]),
      exceptions: new Map<number, BallotChoice>([
        [11, 'abstain'],
        [21, 'yes'],
      ]),
    })
    assert.deepEqual(choices(ballots), { 10: 'yes', 11: 'abstain', 20: 'no', 21: 'yes', 30: 'yes' })
  })

  it('refuses a group left without a vote, naming the group, and a member of no party without one', () => {
    assert.throws(
      () => ballotsByGroup(voters, [], { groups: new Map([[S, 'yes']]) }),
      (error: DomainError) => error.field === `group-${M}`,
    )
    assert.throws(
      () =>
        ballotsByGroup(voters, [], {
          groups: new Map<number, BallotChoice>([
            [S, 'yes'],
            [M, 'no'],
          ]),
        }),
      (error: DomainError) => error.field === 'exception-30',
    )
  })

  it('refuses a ballot for someone who does not vote at the §, or who has jäv (KL 4:24, 6:28)', () => {
    assert.throws(
      () => ballotsByGroup(voters, [], { everyone: 'yes', exceptions: new Map([[99, 'no']]) }),
      /only members serving at the § may vote/,
    )
    assert.throws(
      () => ballotsByGroup(voters.slice(1), [10], { everyone: 'yes', exceptions: new Map([[10, 'no']]) }),
      /jäv may not vote/,
    )
    assert.throws(
      () => ballotsByGroup(voters, [], { everyone: 'maybe' as BallotChoice }),
      /a ballot is ja, nej or avstår/,
    )
  })
})

describeOnEachDatabase('recordVoteByGroup', (getDb) => {
  /** A § of a committee of seven: four S (the first is the chair), three M, all serving. */
  const setUp = async () => {
    const db = getDb()
    const committee = await createTestCommittee(db, { seats: 7 })
    const { minutes } = await createTestMinutes(db, committee)
    const section = await addTestSection(db, minutes)
    const people: Array<{ id: number; partyId: number }> = []
    for (const [i, party] of ['S', 'S', 'S', 'S', 'M', 'M', 'M'].entries()) {
      const person = await inTransaction(db, (trx) =>
        addPerson(trx, testActor, {
          organisationId: committee.organisationId,
          name: `Ledamot ${i + 1}`,
        }),
      )
      const { id: partyId } = await inTransaction(db, (trx) =>
        findOrAddParty(trx, testActor, {
          organisationId: committee.organisationId,
          abbreviation: party,
        }),
      )
      await inTransaction(db, (trx) =>
        addMembership(trx, testActor, {
          committeeId: committee.id,
          personId: person.id,
          partyId,
          role: i === 0 ? 'chair' : 'member',
          startsOn: '2022-01-01',
        }),
      )
      await inTransaction(db, (trx) =>
        recordServing(trx, testActor, { sectionId: section.id, personId: person.id, partyId }),
      )
      people.push({ id: person.id, partyId })
    }
    return { section, people, s: people[0]!.partyId, m: people[4]!.partyId }
  }

  it('stores one ballot per voter with the party they served for, as entered', async () => {
    const { section, people, s, m } = await setUp()
    const vote = await inTransaction(getDb(), (trx) =>
      recordVoteByGroup(trx, testActor, {
        sectionId: section.id,
        question: 'Bifall till motionen',
        groups: new Map<number, BallotChoice>([
          [s, 'yes'],
          [m, 'no'],
        ]),
        exceptions: new Map([[people[3]!.id, 'no']]),
      }),
    )
    const [stored] = await listVotes(getDb(), [section.id])
    assert.deepEqual(stored, vote)
    assert.deepEqual(
      stored!.ballots.map((b) => [b.personId, b.partyId, b.choice]),
      people.map((p, i) => [p.id, p.partyId, i < 3 ? 'yes' : 'no']),
    )
    assert.deepEqual([stored!.kind, stored!.yes, stored!.no, stored!.outcome], ['open', 3, 4, 'no'])
  })

  it('leaves out the member with jäv, and a tie goes to the chair’s vote (KL 5:56, 6:28)', async () => {
    const { section, people, s, m } = await setUp()
    await inTransaction(getDb(), (trx) =>
      recordRecusal(trx, testActor, { sectionId: section.id, personId: people[1]!.id }),
    )
    const vote = await inTransaction(getDb(), (trx) =>
      recordVoteByGroup(trx, testActor, {
        sectionId: section.id,
        question: 'Återremiss',
        groups: new Map<number, BallotChoice>([
          [s, 'yes'],
          [m, 'no'],
        ]),
        chairPersonId: people[0]!.id,
      }),
    )
    assert.equal(vote.ballots.length, 6)
    assert.ok(!vote.ballots.some((b) => b.personId === people[1]!.id))
    assert.deepEqual([vote.yes, vote.no, vote.outcome, vote.decidedBy], [3, 3, 'yes', 'casting_vote'])
  })

  it('refuses a secret election with more ballots counted than voters, but not an imported protocol', async () => {
    const { section } = await setUp()
    const election = (yes: number, atTheMeeting: boolean) =>
      inTransaction(getDb(), (trx) =>
        recordVote(trx, testActor, {
          sectionId: section.id,
          kind: 'election',
          question: 'Val av ombud',
          counts: { yes, no: 2, abstain: 1 },
          atTheMeeting,
        }),
      )
    await assert.rejects(election(5, true), (error: DomainError) => error.field === 'counts')
    assert.equal((await election(4, true)).yes, 4)
    // An imported protocol is recorded as printed; the workspace checks only what it takes itself.
    assert.equal((await election(5, false)).yes, 5)
  })
})
