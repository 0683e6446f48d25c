import assert from 'node:assert/strict'
import { it } from 'node:test'
import { createTestOrganisation, testActor, unique } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import type { DomainError } from '../shared/errors.ts'
import { findPersonBySlug, findPersonEmail, listParties, listPersonEmails } from './person.reads.ts'
import { addPerson, findOrAddParty, findOrAddPerson, setPersonEmail } from './person.service.ts'

describeOnEachDatabase('addPerson', (getDb) => {
  it('stores the person with a slug from the name and writes the audit log', async () => {
    const organisation = await createTestOrganisation(getDb())
    const person = await inTransaction(getDb(), (trx) =>
      addPerson(trx, testActor, {
        organisationId: organisation.id,
        name: '  Åsa   Öberg ',
        title: ' nämndsekreterare ',
      }),
    )
    assert.equal(person.name, 'Åsa Öberg')
    assert.equal(person.slug, 'asa-oberg')
    assert.equal(person.title, 'nämndsekreterare')
    assert.equal((await findPersonBySlug(getDb(), 'asa-oberg'))?.id, person.id)
    const events = await listAuditEvents(getDb(), 'person', person.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['person.added'],
    )
  })

  it('gives namesakes numbered slugs, in this organisation and in others', async () => {
    const organisation = await createTestOrganisation(getDb())
    const other = await createTestOrganisation(getDb())
    const name = 'Anders Göransson'
    const slugs = [
      (
        await inTransaction(getDb(), (trx) =>
          addPerson(trx, testActor, { organisationId: organisation.id, name }),
        )
      ).slug,
      (
        await inTransaction(getDb(), (trx) =>
          addPerson(trx, testActor, { organisationId: organisation.id, name }),
        )
      ).slug,
      (await inTransaction(getDb(), (trx) => addPerson(trx, testActor, { organisationId: other.id, name })))
        .slug,
    ]
    assert.deepEqual(slugs, ['anders-goransson', 'anders-goransson-2', 'anders-goransson-3'])
  })

  it('refuses an empty name', async () => {
    const organisation = await createTestOrganisation(getDb())
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        addPerson(trx, testActor, { organisationId: organisation.id, name: '   ' }),
      ),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'name',
    )
  })
})

describeOnEachDatabase('findOrAddPerson', (getDb) => {
  it('finds the person of that name instead of adding a namesake', async () => {
    const organisation = await createTestOrganisation(getDb())
    const name = `Karin Lind ${unique()}`
    const first = await inTransaction(getDb(), (trx) =>
      findOrAddPerson(trx, testActor, { organisationId: organisation.id, name }),
    )
    const again = await inTransaction(getDb(), (trx) =>
      findOrAddPerson(trx, testActor, {
        organisationId: organisation.id,
        name: ` ${name} `,
      }),
    )
    assert.equal(again.id, first.id)
  })

  it('treats runs of spaces as one, as addPerson stores the name', async () => {
    const organisation = await createTestOrganisation(getDb())
    const first = await inTransaction(getDb(), (trx) =>
      findOrAddPerson(trx, testActor, {
        organisationId: organisation.id,
        name: 'Per  Holm',
      }),
    )
    const again = await inTransaction(getDb(), (trx) =>
      findOrAddPerson(trx, testActor, {
        organisationId: organisation.id,
        name: 'Per Holm',
      }),
    )
    const third = await inTransaction(getDb(), (trx) =>
      findOrAddPerson(trx, testActor, {
        organisationId: organisation.id,
        name: 'Per \n Holm',
      }),
    )
    assert.equal(first.name, 'Per Holm')
    assert.deepEqual([again.id, third.id], [first.id, first.id])
  })

  it('adds a person of the same name in another organisation', async () => {
    const name = `Eva Berg ${unique()}`
    const firstOrganisation = await createTestOrganisation(getDb())
    const first = await inTransaction(getDb(), (trx) =>
      findOrAddPerson(trx, testActor, {
        organisationId: firstOrganisation.id,
        name,
      }),
    )
    const secondOrganisation = await createTestOrganisation(getDb())
    const second = await inTransaction(getDb(), (trx) =>
      findOrAddPerson(trx, testActor, {
        organisationId: secondOrganisation.id,
        name,
      }),
    )
    assert.notEqual(second.id, first.id)
  })
})

describeOnEachDatabase('findOrAddParty', (getDb) => {
  it('registers a party once and finds it again', async () => {
    const organisation = await createTestOrganisation(getDb())
    const party = await inTransaction(getDb(), (trx) =>
      findOrAddParty(trx, testActor, {
        organisationId: organisation.id,
        abbreviation: 'F!',
        name: 'Feministiskt initiativ',
      }),
    )
    const again = await inTransaction(getDb(), (trx) =>
      findOrAddParty(trx, testActor, {
        organisationId: organisation.id,
        abbreviation: ' F! ',
      }),
    )
    assert.equal(again.id, party.id)
    assert.equal(again.name, 'Feministiskt initiativ')
    assert.deepEqual(
      (await listParties(getDb(), organisation.id)).map((p) => p.abbreviation),
      ['F!'],
    )
    const events = await listAuditEvents(getDb(), 'party', party.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['party.added'],
    )
  })

  it('keeps the parties of each organisation apart', async () => {
    const oneOrganisation = await createTestOrganisation(getDb())
    const one = await inTransaction(getDb(), (trx) =>
      findOrAddParty(trx, testActor, {
        organisationId: oneOrganisation.id,
        abbreviation: 'S',
      }),
    )
    const twoOrganisation = await createTestOrganisation(getDb())
    const two = await inTransaction(getDb(), (trx) =>
      findOrAddParty(trx, testActor, {
        organisationId: twoOrganisation.id,
        abbreviation: 'S',
      }),
    )
    assert.notEqual(two.id, one.id)
  })

  for (const abbreviation of ['', '   ', 'x'.repeat(21)]) {
    it(`refuses the abbreviation '${abbreviation.length > 5 ? `${abbreviation.length} characters` : abbreviation}'`, async () => {
      const organisation = await createTestOrganisation(getDb())
      await assert.rejects(
        inTransaction(getDb(), (trx) =>
          findOrAddParty(trx, testActor, { organisationId: organisation.id, abbreviation }),
        ),
        (error: DomainError) => error.code === 'invalid_input' && error.field === 'abbreviation',
      )
    })
  }
})

describeOnEachDatabase('setPersonEmail', (getDb) => {
  it('sets, changes and removes the address where the person gets notices, in the audit log', async () => {
    const organisation = await createTestOrganisation(getDb())
    const person = await inTransaction(getDb(), (trx) =>
      addPerson(trx, testActor, { organisationId: organisation.id, name: 'Åsa Öberg' }),
    )
    const other = await inTransaction(getDb(), (trx) =>
      addPerson(trx, testActor, { organisationId: organisation.id, name: 'Per Holm' }),
    )
    const set = (email: string | null) =>
      inTransaction(getDb(), (trx) => setPersonEmail(trx, testActor, { personId: person.id, email }))
    assert.equal(await set(' asa.oberg@kommun.se '), 'asa.oberg@kommun.se')
    assert.equal(await findPersonEmail(getDb(), person.id), 'asa.oberg@kommun.se')
    assert.deepEqual(
      [...(await listPersonEmails(getDb(), [person.id, other.id]))],
      [[person.id, 'asa.oberg@kommun.se']],
    )
    await set('asa.oberg@kommun.se') // unchanged: no audit row
    assert.equal(await set('  '), null)
    assert.equal(await findPersonEmail(getDb(), person.id), null)
    const events = await listAuditEvents(getDb(), 'person', person.id)
    assert.deepEqual(
      events.map((e) => [e.action, e.after]),
      [
        ['person.added', events[0]?.after],
        ['person.email_changed', { email: 'asa.oberg@kommun.se' }],
        ['person.email_changed', { email: null }],
      ],
    )
  })

  for (const email of ['asa', 'asa@kommun', 'åsa öberg@kommun.se', 'a@b@kommun.se', '<asa@kommun.se>']) {
    it(`refuses "${email}" and names the field`, async () => {
      const organisation = await createTestOrganisation(getDb())
      const person = await inTransaction(getDb(), (trx) =>
        addPerson(trx, testActor, { organisationId: organisation.id, name: 'Åsa' }),
      )
      await assert.rejects(
        inTransaction(getDb(), (trx) => setPersonEmail(trx, testActor, { personId: person.id, email })),
        (error: DomainError) => error.code === 'invalid_input' && error.field === 'email',
      )
    })
  }

  it('refuses an unknown person', async () => {
    await assert.rejects(
      inTransaction(getDb(), (trx) =>
        setPersonEmail(trx, testActor, { personId: 999_999, email: 'a@kommun.se' }),
      ),
      {
        code: 'not_found',
      },
    )
  })
})
