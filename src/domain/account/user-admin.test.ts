import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  createTestCommittee,
  createTestOrganisation,
  createTestPerson,
  testActor,
  unique,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import type { Actor } from '../shared/actor.ts'
import { authenticate, createUser, grantRole, revokeRole } from './account.service.ts'
import { readSession, startSession } from './session.service.ts'
import {
  disableAccount,
  enableAccount,
  getAccountOfOrganisation,
  grantAccountRole,
  linkPerson,
  listAccountsOfOrganisation,
  openAccount,
  resetPassword,
  revokeAccountRole,
} from './user-admin.service.ts'

const password = 'ett-långt-lösenord-2026'

describeOnEachDatabase('keeping the organisation’s accounts', (getDb) => {
  /** A new organisation with one administrator, who is the actor of the tests. */
  async function organisationWithAdministrator() {
    const organisation = await createTestOrganisation(getDb())
    const admin = await createUser(getDb(), testActor, {
      email: `admin${unique()}@example.se`,
      name: 'Adam Administratör',
      password,
    })
    const grant = await grantRole(getDb(), testActor, {
      userId: admin.id,
      role: 'administrator',
      organisationId: organisation.id,
    })
    const actor: Actor = { kind: 'user', userId: admin.id, name: admin.name }
    return { organisation, admin, grant, actor }
  }
  const email = () => `konto${unique()}@example.se`
  const actions = async (userId: number) =>
    (await listAuditEvents(getDb(), 'user_account', userId)).map((e) => e.action)

  it('opens an account with a role, a person and a one-time password that signs in', async () => {
    const { organisation, actor } = await organisationWithAdministrator()
    const committee = await createTestCommittee(getDb(), { organisationId: organisation.id })
    const person = await createTestPerson(getDb(), organisation.id)
    const { user, password: oneTime } = await openAccount(getDb(), actor, {
      organisationId: organisation.id,
      email: email(),
      name: 'Sara Sekreterare',
      role: 'secretary',
      committeeId: committee.id,
      personId: person.id,
    })
    assert.ok(oneTime.length >= 20)
    const row = await getDb()
      .selectFrom('user_account')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    assert.doesNotMatch(row.password_hash, new RegExp(oneTime))
    assert.equal(
      (await authenticate(getDb(), { email: user.email, password: oneTime, ip: '10.1.0.1' })).id,
      user.id,
    )
    const account = await getAccountOfOrganisation(getDb(), organisation.id, user.id)
    assert.deepEqual(
      account.grants.map((g) => [g.role, g.committeeId]),
      [['secretary', committee.id]],
    )
    assert.equal(account.personId, person.id)
    assert.deepEqual(await actions(user.id), [
      'user.created',
      'user.password_change_required',
      'user.role_granted',
    ])
    assert.doesNotMatch(
      JSON.stringify(await listAuditEvents(getDb(), 'user_account', user.id)),
      new RegExp(oneTime),
    )
  })

  it('lists an account opened without role or person, and not in another organisation', async () => {
    const { organisation, actor } = await organisationWithAdministrator()
    const other = await organisationWithAdministrator()
    const { user } = await openAccount(getDb(), actor, {
      organisationId: organisation.id,
      email: email(),
      name: 'Utan Roll',
    })
    const names = (await listAccountsOfOrganisation(getDb(), organisation.id)).map((a) => a.name)
    assert.deepEqual(names, ['Adam Administratör', 'Utan Roll'])
    assert.ok(
      !(await listAccountsOfOrganisation(getDb(), other.organisation.id)).some((a) => a.id === user.id),
    )
    await assert.rejects(getAccountOfOrganisation(getDb(), other.organisation.id, user.id), {
      code: 'not_found',
    })
    await assert.rejects(
      grantAccountRole(getDb(), other.actor, {
        organisationId: other.organisation.id,
        userId: user.id,
        role: 'secretary',
        committeeId: null,
      }),
      { code: 'not_found' },
    )
  })

  it('refuses the use cases to someone who does not administer the organisation', async () => {
    const { organisation } = await organisationWithAdministrator()
    const other = await organisationWithAdministrator()
    await assert.rejects(
      openAccount(getDb(), other.actor, { organisationId: organisation.id, email: email(), name: 'X' }),
      { code: 'forbidden' },
    )
  })

  it('refuses to take the administrator role from the last enabled administrator', async () => {
    const { organisation, admin, grant, actor } = await organisationWithAdministrator()
    await assert.rejects(
      revokeAccountRole(getDb(), actor, {
        organisationId: organisation.id,
        userId: admin.id,
        grantId: grant.id,
      }),
      { reason: 'last_administrator' },
    )
    await assert.rejects(revokeRole(getDb(), testActor, grant.id), { reason: 'last_administrator' })
    // A second administrator who is disabled does not count.
    const { user: second } = await openAccount(getDb(), actor, {
      organisationId: organisation.id,
      email: email(),
      name: 'Andra Admin',
      role: 'administrator',
    })
    await disableAccount(getDb(), actor, { organisationId: organisation.id, userId: second.id })
    await assert.rejects(
      revokeAccountRole(getDb(), actor, {
        organisationId: organisation.id,
        userId: admin.id,
        grantId: grant.id,
      }),
      { reason: 'last_administrator' },
    )
    await enableAccount(getDb(), actor, { organisationId: organisation.id, userId: second.id })
    await revokeAccountRole(getDb(), actor, {
      organisationId: organisation.id,
      userId: admin.id,
      grantId: grant.id,
    })
    assert.deepEqual((await getAccountOfOrganisation(getDb(), organisation.id, admin.id)).grants, [])
    assert.equal((await actions(admin.id)).at(-1), 'user.role_revoked')
  })

  it('refuses to let administrators disable or reset their own account', async () => {
    const { organisation, admin, actor } = await organisationWithAdministrator()
    await assert.rejects(
      disableAccount(getDb(), actor, { organisationId: organisation.id, userId: admin.id }),
      {
        reason: 'own_account',
      },
    )
    await assert.rejects(
      resetPassword(getDb(), actor, { organisationId: organisation.id, userId: admin.id }),
      {
        reason: 'own_account',
      },
    )
    assert.equal((await getAccountOfOrganisation(getDb(), organisation.id, admin.id)).disabled, false)
  })

  it('ends every session of a disabled account at once and refuses its sign-in until enabled', async () => {
    const { organisation, actor } = await organisationWithAdministrator()
    const { user, password: oneTime } = await openAccount(getDb(), actor, {
      organisationId: organisation.id,
      email: email(),
      name: 'Rut Registrator',
      role: 'registrar',
    })
    const first = await startSession(getDb(), user)
    const second = await startSession(getDb(), user)
    await disableAccount(getDb(), actor, { organisationId: organisation.id, userId: user.id })
    assert.equal(await readSession(getDb(), first.token), undefined)
    assert.equal(await readSession(getDb(), second.token), undefined)
    const rows = await getDb().selectFrom('session').select('id').where('user_id', '=', user.id).execute()
    assert.equal(rows.length, 0)
    await assert.rejects(authenticate(getDb(), { email: user.email, password: oneTime, ip: '10.1.0.2' }), {
      reason: 'wrong_credentials',
    })
    await enableAccount(getDb(), actor, { organisationId: organisation.id, userId: user.id })
    assert.equal(
      (await authenticate(getDb(), { email: user.email, password: oneTime, ip: '10.1.0.2' })).id,
      user.id,
    )
    const events = await listAuditEvents(getDb(), 'user_account', user.id)
    const disabled = events.find((e) => e.action === 'user.disabled')
    assert.deepEqual(disabled?.after, { disabled: true, sessionsEnded: 2 })
    assert.equal(disabled?.actor, `user:${actor.kind === 'user' ? actor.userId : 0}`)
    assert.equal(disabled?.organisationId, organisation.id)
    assert.ok(events.some((e) => e.action === 'user.enabled'))
  })

  it('gives a new one-time password that ends the sessions and makes the old one useless', async () => {
    const { organisation, actor } = await organisationWithAdministrator()
    const { user, password: old } = await openAccount(getDb(), actor, {
      organisationId: organisation.id,
      email: email(),
      name: 'Glömsk Användare',
    })
    const session = await startSession(getDb(), user)
    const fresh = await resetPassword(getDb(), actor, { organisationId: organisation.id, userId: user.id })
    assert.notEqual(fresh, old)
    assert.equal(await readSession(getDb(), session.token), undefined)
    await assert.rejects(authenticate(getDb(), { email: user.email, password: old, ip: '10.1.0.3' }), {
      reason: 'wrong_credentials',
    })
    assert.equal(
      (await authenticate(getDb(), { email: user.email, password: fresh, ip: '10.1.0.3' })).id,
      user.id,
    )
    const events = await listAuditEvents(getDb(), 'user_account', user.id)
    const reset = events.find((e) => e.action === 'user.password_reset')
    assert.equal((reset?.after as { sessionsEnded?: number } | undefined)?.sessionsEnded, 1)
    assert.doesNotMatch(JSON.stringify(events), new RegExp(fresh))
  })

  it('links a person of the organisation to one account only, and unlinks', async () => {
    const { organisation, actor } = await organisationWithAdministrator()
    const other = await createTestOrganisation(getDb())
    const person = await createTestPerson(getDb(), organisation.id)
    const stranger = await createTestPerson(getDb(), other.id)
    const { user } = await openAccount(getDb(), actor, {
      organisationId: organisation.id,
      email: email(),
      name: 'A',
    })
    const { user: second } = await openAccount(getDb(), actor, {
      organisationId: organisation.id,
      email: email(),
      name: 'B',
    })
    await linkPerson(getDb(), actor, {
      organisationId: organisation.id,
      userId: user.id,
      personId: person.id,
    })
    assert.equal((await getAccountOfOrganisation(getDb(), organisation.id, user.id)).personId, person.id)
    await assert.rejects(
      linkPerson(getDb(), actor, { organisationId: organisation.id, userId: second.id, personId: person.id }),
      { reason: 'person_taken' },
    )
    await assert.rejects(
      linkPerson(getDb(), actor, {
        organisationId: organisation.id,
        userId: second.id,
        personId: stranger.id,
      }),
      { code: 'invalid_input', field: 'personId' },
    )
    await linkPerson(getDb(), actor, { organisationId: organisation.id, userId: user.id, personId: null })
    assert.equal((await getAccountOfOrganisation(getDb(), organisation.id, user.id)).personId, null)
    assert.deepEqual((await actions(user.id)).slice(-2), ['user.person_linked', 'user.person_unlinked'])
  })

  it('refuses to disable or reset an account that also works for an organisation the actor does not keep', async () => {
    const { organisation, actor } = await organisationWithAdministrator()
    const other = await organisationWithAdministrator()
    await grantRole(getDb(), testActor, {
      userId: other.admin.id,
      role: 'registrar',
      organisationId: organisation.id,
    })
    await assert.rejects(
      disableAccount(getDb(), actor, { organisationId: organisation.id, userId: other.admin.id }),
      {
        code: 'forbidden',
        reason: 'other_organisation',
      },
    )
    await assert.rejects(
      resetPassword(getDb(), actor, { organisationId: organisation.id, userId: other.admin.id }),
      {
        reason: 'other_organisation',
      },
    )
  })

  it('remembers when the user last signed in', async () => {
    const { organisation, admin } = await organisationWithAdministrator()
    await startSession(getDb(), admin, new Date('2026-03-02T08:00:00Z'))
    const account = await getAccountOfOrganisation(getDb(), organisation.id, admin.id)
    assert.equal(new Date(account.lastSignedInAt ?? '').toISOString(), '2026-03-02T08:00:00.000Z')
  })
})
