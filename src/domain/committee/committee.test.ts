import assert from 'node:assert/strict'
import { it } from 'node:test'
import { createTestCommittee, createTestOrganisation, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import { defaultLocalSettings } from '../organisation/local-settings.ts'
import { updateOrganisationSettings } from '../organisation/organisation.service.ts'
import type { DomainError } from '../shared/errors.ts'
import { createCommittee, getCommitteeSettings, updateCommitteeSettings } from './committee.service.ts'

describeOnEachDatabase('createCommittee', (getDb) => {
  it('stores the committee with a slug from its name and writes the audit log', async () => {
    const organisation = await createTestOrganisation(getDb())
    const committee = await createCommittee(getDb(), testActor, {
      organisationId: organisation.id,
      name: ' Kommunstyrelsens arbetsutskott ',
      kind: 'namnd',
      seats: 13,
    })
    assert.equal(committee.name, 'Kommunstyrelsens arbetsutskott')
    assert.equal(committee.slug, 'kommunstyrelsens-arbetsutskott')
    assert.equal(committee.seats, 13)
    const events = await listAuditEvents(getDb(), 'committee', committee.id)
    assert.deepEqual(
      events.map((e) => [e.action, e.actor]),
      [['committee.created', 'system:test']],
    )
  })

  it('gives a committee of the same name in another organisation a slug of its own', async () => {
    const first = await createTestCommittee(getDb(), { name: 'Socialnämnden' })
    const second = await createTestCommittee(getDb(), { name: 'Socialnämnden' })
    assert.equal(first.slug, 'socialnamnden')
    assert.equal(second.slug, 'socialnamnden-2')
  })

  it('sets up an utskott under a parent committee of the same organisation', async () => {
    const parent = await createTestCommittee(getDb())
    const utskott = await createCommittee(getDb(), testActor, {
      organisationId: parent.organisationId,
      parentId: parent.id,
      name: 'Arbetsutskottet',
      kind: 'utskott',
    })
    assert.equal(utskott.parentId, parent.id)
  })

  it('refuses an utskott without a parent', async () => {
    const organisation = await createTestOrganisation(getDb())
    await assert.rejects(
      createCommittee(getDb(), testActor, {
        organisationId: organisation.id,
        name: 'Utskottet',
        kind: 'utskott',
      }),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'parentId',
    )
  })

  it('refuses a parent committee of another organisation', async () => {
    const parent = await createTestCommittee(getDb())
    const other = await createTestOrganisation(getDb())
    await assert.rejects(
      createCommittee(getDb(), testActor, {
        organisationId: other.id,
        parentId: parent.id,
        name: 'Utskottet',
        kind: 'utskott',
      }),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'parentId',
    )
  })

  for (const { seats, accepted } of [
    { seats: 1, accepted: true },
    { seats: 101, accepted: true },
    { seats: 0, accepted: false },
    { seats: 102, accepted: false },
    { seats: 7.5, accepted: false },
    { seats: -3, accepted: false },
  ]) {
    it(`${accepted ? 'accepts' : 'refuses'} ${seats} seats`, async () => {
      const organisation = await createTestOrganisation(getDb())
      const create = createCommittee(getDb(), testActor, {
        organisationId: organisation.id,
        name: 'Nämnden',
        kind: 'namnd',
        seats,
      })
      if (accepted) assert.equal((await create).seats, seats)
      else
        await assert.rejects(
          create,
          (error: DomainError) => error.code === 'invalid_input' && error.field === 'seats',
        )
    })
  }

  it('refuses an unknown organisation', async () => {
    await assert.rejects(
      createCommittee(getDb(), testActor, { organisationId: 999_999, name: 'Nämnden', kind: 'namnd' }),
      { code: 'not_found' },
    )
  })
})

describeOnEachDatabase('committee settings', (getDb) => {
  it('takes the committee over the organisation over the defaults', async () => {
    const committee = await createTestCommittee(getDb(), {
      organisationSettings: { signatoryCount: 3, noticePeriodDays: 10 },
      settings: { signatoryCount: 1 },
    })
    const settings = await getCommitteeSettings(getDb(), committee.id)
    assert.equal(settings.signatoryCount, 1) // the committee's own
    assert.equal(settings.noticePeriodDays, 10) // the organisation's
    assert.equal(settings.writtenDissentDays, defaultLocalSettings.writtenDissentDays) // the default
  })

  it('follows a change of the organisation where the committee has no override', async () => {
    const committee = await createTestCommittee(getDb(), { settings: { signatoryCount: 1 } })
    await updateOrganisationSettings(getDb(), testActor, committee.organisationId, {
      signatoryCount: 4,
      publicMeetings: true,
    })
    const settings = await getCommitteeSettings(getDb(), committee.id)
    assert.equal(settings.signatoryCount, 1)
    assert.equal(settings.publicMeetings, true)
  })

  it('changes the committee settings and keeps the before and after in the audit log', async () => {
    const committee = await createTestCommittee(getDb(), { settings: { signatoryCount: 2 } })
    const changed = await updateCommitteeSettings(getDb(), testActor, committee.id, {
      sectionNumbering: { scheme: 'per_year', prefix: 'KS' },
    })
    assert.deepEqual(changed.settings, { sectionNumbering: { scheme: 'per_year', prefix: 'KS' } })
    assert.deepEqual((await getCommitteeSettings(getDb(), committee.id)).sectionNumbering, {
      scheme: 'per_year',
      prefix: 'KS',
    })
    const events = await listAuditEvents(getDb(), 'committee', committee.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['committee.created', 'committee.settings_changed'],
    )
    assert.deepEqual(events.at(-1)?.before, { signatoryCount: 2 })
    assert.deepEqual(events.at(-1)?.after, { sectionNumbering: { scheme: 'per_year', prefix: 'KS' } })
  })

  it('refuses invalid settings and names the setting', async () => {
    const committee = await createTestCommittee(getDb())
    await assert.rejects(
      updateCommitteeSettings(getDb(), testActor, committee.id, { signatoryCount: 7 }),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'signatoryCount',
    )
    await assert.rejects(
      createTestCommittee(getDb(), { settings: { noticePeriodDays: -1 } }),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'noticePeriodDays',
    )
  })
})
