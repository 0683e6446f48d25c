import assert from 'node:assert/strict'
import { it } from 'node:test'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import { systemActor } from '../shared/actor.ts'
import type { DomainError } from '../shared/errors.ts'
import { effectiveSettings } from './local-settings.ts'
import { createOrganisation, updateOrganisationSettings } from './organisation.service.ts'

const actor = systemActor('test')

describeOnEachDatabase('createOrganisation', (getDb) => {
  it('stores the organisation with its settings and writes the audit log', async () => {
    const organisation = await createOrganisation(getDb(), actor, {
      name: 'Stockholms stad',
      kind: 'kommun',
      settings: { signatoryCount: 2, sectionNumbering: { scheme: 'per_year', prefix: 'SN' } },
    })
    assert.equal(organisation.slug, 'stockholms-stad')
    assert.deepEqual(organisation.settings.sectionNumbering, { scheme: 'per_year', prefix: 'SN' })
    const events = await listAuditEvents(getDb(), 'organisation', organisation.id)
    assert.deepEqual(
      events.map((e) => [e.action, e.actor]),
      [['organisation.created', 'system:test']],
    )
  })

  it('refuses a second organisation of the same name', async () => {
    await createOrganisation(getDb(), actor, { name: 'Region Gotland', kind: 'region' })
    await assert.rejects(createOrganisation(getDb(), actor, { name: 'Region Gotland', kind: 'region' }), {
      code: 'invalid_input',
    })
  })

  it('refuses invalid settings and names the setting', async () => {
    await assert.rejects(
      createOrganisation(getDb(), actor, {
        name: 'Solna stad',
        kind: 'kommun',
        settings: { signatoryCount: 0 },
      }),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'signatoryCount',
    )
  })

  it('changes settings and keeps the before and after in the audit log', async () => {
    const organisation = await createOrganisation(getDb(), actor, { name: 'Umeå kommun', kind: 'kommun' })
    const changed = await updateOrganisationSettings(getDb(), actor, organisation.id, {
      noticePeriodDays: 10,
    })
    assert.equal(effectiveSettings(changed.settings, {}).noticePeriodDays, 10)
    const events = await listAuditEvents(getDb(), 'organisation', organisation.id)
    assert.deepEqual(events.at(-1)?.after, { noticePeriodDays: 10 })
  })
})
