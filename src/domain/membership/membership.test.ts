import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  createTestCommittee,
  createTestOrganisation,
  createTestPerson,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import type { DomainError } from '../shared/errors.ts'
import { addMembership, addTerm, endMembership, findTermOn, listMemberships } from './membership.service.ts'

describeOnEachDatabase('addTerm', (getDb) => {
  it('registers a term and finds it by a day within it', async () => {
    const organisation = await createTestOrganisation(getDb())
    const term = await inTransaction(getDb(), (trx) =>
      addTerm(trx, testActor, {
        organisationId: organisation.id,
        name: '2023–2026',
        startsOn: '2023-01-01',
        endsOn: '2026-12-31',
      }),
    )
    assert.equal((await findTermOn(getDb(), organisation.id, '2024-06-01'))?.id, term.id)
    assert.equal(await findTermOn(getDb(), organisation.id, '2022-12-31'), undefined)
    const events = await listAuditEvents(getDb(), 'term', term.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['term.added'],
    )
  })

  for (const { name, input, field } of [
    {
      name: 'a term that ends before it starts',
      input: { startsOn: '2023-01-01', endsOn: '2022-12-31' },
      field: 'endsOn',
    },
    {
      name: 'a start that is not a date',
      input: { startsOn: '2023-02-29', endsOn: '2026-12-31' },
      field: 'startsOn',
    },
    {
      name: 'an end that is not a date',
      input: { startsOn: '2023-01-01', endsOn: '31/12/2026' },
      field: 'endsOn',
    },
  ]) {
    it(`refuses ${name}`, async () => {
      const organisation = await createTestOrganisation(getDb())
      await assert.rejects(
        inTransaction(getDb(), (trx) =>
          addTerm(trx, testActor, { organisationId: organisation.id, name: '2023–2026', ...input }),
        ),
        (error: DomainError) => error.code === 'invalid_input' && error.field === field,
      )
    })
  }

  it('refuses a second term of the same name', async () => {
    const organisation = await createTestOrganisation(getDb())
    const term = {
      organisationId: organisation.id,
      name: '2019–2022',
      startsOn: '2019-01-01',
      endsOn: '2022-12-31',
    }
    await inTransaction(getDb(), (trx) => addTerm(trx, testActor, term))
    await assert.rejects(
      inTransaction(getDb(), (trx) => addTerm(trx, testActor, term)),
      (error: DomainError) => error.field === 'name',
    )
  })
})

describeOnEachDatabase('addMembership', (getDb) => {
  it('gives a person a seat and writes the audit log', async () => {
    const committee = await createTestCommittee(getDb())
    const person = await createTestPerson(getDb(), committee.organisationId)
    const membership = await inTransaction(getDb(), (trx) =>
      addMembership(trx, testActor, {
        committeeId: committee.id,
        personId: person.id,
        role: 'substitute',
        substituteOrder: 2,
        startsOn: '2023-01-01',
        endsOn: '2026-12-31',
      }),
    )
    assert.equal(membership.role, 'substitute')
    assert.equal(membership.substituteOrder, 2)
    assert.equal(membership.endsOn, '2026-12-31')
    const events = await listAuditEvents(getDb(), 'membership', membership.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['membership.added'],
    )
  })

  it('keeps a substitute order only for substitutes', async () => {
    const committee = await createTestCommittee(getDb())
    const person = await createTestPerson(getDb(), committee.organisationId)
    const membership = await inTransaction(getDb(), (trx) =>
      addMembership(trx, testActor, {
        committeeId: committee.id,
        personId: person.id,
        role: 'member',
        substituteOrder: 3,
        startsOn: '2023-01-01',
      }),
    )
    assert.equal(membership.substituteOrder, null)
  })

  // The person holds a seat from 2023-01-01 to 2023-12-31; can they get another one?
  for (const { name, startsOn, endsOn, allowed } of [
    { name: 'on the same first day', startsOn: '2023-01-01', endsOn: undefined, allowed: false },
    { name: 'starting within the seat', startsOn: '2023-06-01', endsOn: undefined, allowed: false },
    { name: 'on its last day', startsOn: '2023-12-31', endsOn: undefined, allowed: false },
    {
      name: 'starting before and running into it',
      startsOn: '2022-06-01',
      endsOn: undefined,
      allowed: false,
    },
    { name: 'ending on its first day', startsOn: '2022-06-01', endsOn: '2023-01-01', allowed: false },
    { name: 'from the day after it ends', startsOn: '2024-01-01', endsOn: undefined, allowed: true },
    { name: 'ending the day before it starts', startsOn: '2022-01-01', endsOn: '2022-12-31', allowed: true },
  ]) {
    it(`${allowed ? 'allows' : 'refuses'} a second seat ${name}`, async () => {
      const committee = await createTestCommittee(getDb())
      const person = await createTestPerson(getDb(), committee.organisationId)
      const seat = { committeeId: committee.id, personId: person.id }
      await inTransaction(getDb(), (trx) =>
        addMembership(trx, testActor, {
          ...seat,
          role: 'member',
          startsOn: '2023-01-01',
          endsOn: '2023-12-31',
        }),
      )
      const second = inTransaction(getDb(), (trx) =>
        addMembership(trx, testActor, { ...seat, role: 'substitute', startsOn, endsOn }),
      )
      if (allowed) assert.equal((await second).startsOn, startsOn)
      else await assert.rejects(second, { code: 'invalid_state' })
    })
  }

  it('allows the same person seats on two committees at once', async () => {
    const first = await createTestCommittee(getDb())
    const second = await createTestCommittee(getDb(), { organisationId: first.organisationId })
    const person = await createTestPerson(getDb(), first.organisationId)
    for (const committee of [first, second]) {
      await inTransaction(getDb(), (trx) =>
        addMembership(trx, testActor, {
          committeeId: committee.id,
          personId: person.id,
          role: 'member',
          startsOn: '2023-01-01',
        }),
      )
    }
    assert.equal((await listMemberships(getDb(), second.id)).length, 1)
  })

  it('refuses a person of another organisation', async () => {
    const committee = await createTestCommittee(getDb())
    const stranger = await createTestPerson(getDb(), (await createTestOrganisation(getDb())).id)
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        addMembership(trx, testActor, {
          committeeId: committee.id,
          personId: stranger.id,
          role: 'member',
          startsOn: '2023-01-01',
        }),
      ),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'personId',
    )
  })

  it('refuses a membership that ends before it starts', async () => {
    const committee = await createTestCommittee(getDb())
    const person = await createTestPerson(getDb(), committee.organisationId)
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        addMembership(trx, testActor, {
          committeeId: committee.id,
          personId: person.id,
          role: 'member',
          startsOn: '2023-01-01',
          endsOn: '2022-12-31',
        }),
      ),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'endsOn',
    )
  })
})

describeOnEachDatabase('endMembership', (getDb) => {
  it('ends the seat on its last day and keeps before and after in the audit log', async () => {
    const committee = await createTestCommittee(getDb())
    const [person] = await addTestMembers(getDb(), committee, 1, { startsOn: '2023-01-01' })
    const [membership] = await listMemberships(getDb(), committee.id)
    const ended = await endMembership(getDb(), testActor, membership!.id, '2023-06-30')
    assert.equal(ended.endsOn, '2023-06-30')
    assert.deepEqual(
      (await listMemberships(getDb(), committee.id, '2023-06-30')).map((m) => m.personId),
      [person!.id],
    )
    assert.deepEqual(await listMemberships(getDb(), committee.id, '2023-07-01'), [])
    const events = await listAuditEvents(getDb(), 'membership', membership!.id)
    assert.deepEqual(events.at(-1)?.action, 'membership.ended')
    assert.equal((events.at(-1)?.before as { endsOn?: string | null } | undefined)?.endsOn, null)
  })

  it('refuses an end before the start', async () => {
    const committee = await createTestCommittee(getDb())
    await addTestMembers(getDb(), committee, 1, { startsOn: '2023-01-01' })
    const [membership] = await listMemberships(getDb(), committee.id)
    await assert.rejects(endMembership(getDb(), testActor, membership!.id, '2022-12-31'), {
      code: 'invalid_input',
    })
  })
})

describeOnEachDatabase('listMemberships', (getDb) => {
  it('lists the chair, the vice chair, the members, then the substitutes in their order', async () => {
    const committee = await createTestCommittee(getDb())
    const add = async (role: 'chair' | 'vice_chair' | 'member' | 'substitute', substituteOrder?: number) => {
      const person = await createTestPerson(
        getDb(),
        committee.organisationId,
        `${role} ${substituteOrder ?? ''}`,
      )
      await inTransaction(getDb(), (trx) =>
        addMembership(trx, testActor, {
          committeeId: committee.id,
          personId: person.id,
          role,
          startsOn: '2023-01-01',
          ...(substituteOrder ? { substituteOrder } : {}),
        }),
      )
      return person.id
    }
    // Added in a jumbled order on purpose.
    const substitute2 = await add('substitute', 2)
    const member1 = await add('member')
    const chair = await add('chair')
    const substitute1 = await add('substitute', 1)
    const member2 = await add('member')
    const viceChair = await add('vice_chair')
    const memberships = await listMemberships(getDb(), committee.id)
    assert.deepEqual(
      memberships.map((m) => m.personId),
      [chair, viceChair, member1, member2, substitute1, substitute2],
    )
  })

  it('lists by day: only the seats in force then', async () => {
    const committee = await createTestCommittee(getDb())
    const [early] = await addTestMembers(getDb(), committee, 1, { startsOn: '2019-01-01' })
    const [late] = await addTestMembers(getDb(), committee, 1, { startsOn: '2023-01-01' })
    const [membershipOfEarly] = await listMemberships(getDb(), committee.id, '2019-06-01')
    await endMembership(getDb(), testActor, membershipOfEarly!.id, '2022-12-31')
    const on = async (day: string) =>
      (await listMemberships(getDb(), committee.id, day)).map((m) => m.personId)
    assert.deepEqual(await on('2018-12-31'), [])
    assert.deepEqual(await on('2022-12-31'), [early!.id])
    assert.deepEqual(await on('2023-01-01'), [late!.id])
    assert.deepEqual(
      (await listMemberships(getDb(), committee.id)).map((m) => m.personId),
      [early!.id, late!.id],
    )
  })
})
