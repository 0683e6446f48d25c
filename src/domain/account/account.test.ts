import assert from 'node:assert/strict'
import { it } from 'node:test'
import { createTestCommittee, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import {
  authenticate,
  changePassword,
  createUser,
  grantRole,
  type LoginRefusedError,
  logoutEverywhere,
  revokeRole,
} from './account.service.ts'
import { recordLoginAttempt } from './login-attempt.repository.ts'
import { countSessionsOfUser, readSession, startSession } from './session.service.ts'

const password = 'rätt-lösenord-123'
const at = (iso: string) => new Date(iso)

describeOnEachDatabase('accounts', (getDb) => {
  let n = 0
  const newUser = () =>
    createUser(getDb(), testActor, { email: ` Clerk${++n}@Example.se `, name: 'Karin Clerk', password })

  it('stores the e-mail in lower case, the password as argon2id, and audits without the hash', async () => {
    const user = await newUser()
    assert.equal(user.email, `clerk${n}@example.se`)
    const row = await getDb()
      .selectFrom('user_account')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    assert.match(row.password_hash, /^\$argon2id\$/)
    const events = await listAuditEvents(getDb(), 'user_account', user.id)
    assert.deepEqual(
      events.map((e) => e.action),
      ['user.created'],
    )
    assert.doesNotMatch(JSON.stringify(events), /argon2/)
    await assert.rejects(
      createUser(getDb(), testActor, { email: user.email.toUpperCase(), name: 'X', password }),
      {
        code: 'invalid_input',
        field: 'email',
      },
    )
    await assert.rejects(
      createUser(getDb(), testActor, { email: 'kort@example.se', name: 'X', password: 'för kort' }),
      {
        field: 'password',
      },
    )
  })

  it('authenticates with the right password, whatever the case of the e-mail', async () => {
    const user = await newUser()
    const found = await authenticate(getDb(), { email: user.email.toUpperCase(), password, ip: '10.0.0.1' })
    assert.equal(found.id, user.id)
    await assert.rejects(authenticate(getDb(), { email: user.email, password: 'fel', ip: '10.0.0.1' }), {
      reason: 'wrong_credentials',
    })
    await assert.rejects(authenticate(getDb(), { email: 'ingen@example.se', password, ip: '10.0.0.1' }), {
      reason: 'wrong_credentials',
    })
  })

  it('lets the owner in from another address while a guesser fails five times (no lock-out as a weapon)', async () => {
    const user = await newUser()
    for (const second of ['00', '05', '10', '20', '40']) {
      await authenticate(
        getDb(),
        { email: user.email, password: 'fel', ip: '10.0.0.66' },
        at(`2026-03-02T09:00:${second}Z`),
      ).catch(() => undefined)
    }
    const found = await authenticate(
      getDb(),
      { email: user.email, password, ip: '10.9.9.9' },
      at('2026-03-02T09:01:00Z'),
    )
    assert.equal(found.id, user.id)
  })

  it('slows one account from one address: three failures free, then 1 s, 2 s, 4 s … and says when to retry', async () => {
    const user = await newUser()
    const ip = '10.0.0.2'
    const attempt = (time: string, pass = 'fel') =>
      authenticate(getDb(), { email: user.email, password: pass, ip }, at(`2026-03-02T09:${time}Z`))
    for (const time of ['00:00', '00:01', '00:02'])
      await assert.rejects(attempt(time), { reason: 'wrong_credentials' })
    // The third failure (at 00:02) calls for 1 s: the right password at the same second waits too.
    await assert.rejects(
      attempt('00:02', password),
      (error: LoginRefusedError) =>
        error.reason === 'throttled' && error.retryAt?.toISOString() === '2026-03-02T09:00:03.000Z',
    )
    await assert.rejects(attempt('00:03'), { reason: 'wrong_credentials' })
    await assert.rejects(
      attempt('00:04'),
      (error: LoginRefusedError) => error.retryAt?.toISOString() === '2026-03-02T09:00:05.000Z',
    )
    await assert.rejects(attempt('00:05'), { reason: 'wrong_credentials' })
    await assert.rejects(
      attempt('00:08'),
      (error: LoginRefusedError) => error.retryAt?.toISOString() === '2026-03-02T09:00:09.000Z',
    )
    // Once the wait is over, the right password works, and the count starts again.
    assert.equal((await attempt('00:09', password)).id, user.id)
    await assert.rejects(attempt('00:10'), { reason: 'wrong_credentials' })
  })

  it('refuses an address after 50 failures across accounts, except for an account that signed in from it lately', async () => {
    const regular = await newUser()
    const other = await newUser()
    const ip = '10.0.0.3'
    assert.equal(
      (await authenticate(getDb(), { email: regular.email, password, ip }, at('2026-03-03T09:30:00Z'))).id,
      regular.id,
    )
    for (let i = 0; i < 50; i++) {
      const time = `2026-03-03T10:00:${String(i).padStart(2, '0')}.000Z`
      await inTransaction(getDb(), (trx) =>
        recordLoginAttempt(trx, { email: `x${i}@example.se`, ip, at: time, succeeded: false }),
      )
    }
    await assert.rejects(
      authenticate(getDb(), { email: other.email, password, ip }, at('2026-03-03T10:01:00Z')),
      (error: LoginRefusedError) =>
        error.reason === 'throttled' && error.retryAt?.toISOString() === '2026-03-03T10:15:00.000Z',
    )
    const known = await authenticate(
      getDb(),
      { email: regular.email, password, ip },
      at('2026-03-03T10:01:00Z'),
    )
    assert.equal(known.id, regular.id, 'an account that signed in from the address lately still may')
    const elsewhere = await authenticate(
      getDb(),
      { email: other.email, password, ip: '10.0.0.4' },
      at('2026-03-03T10:01:00Z'),
    )
    assert.equal(elsewhere.id, other.id)
  })

  it('refuses an account after 100 failures across addresses, except from an address it signed in from lately', async () => {
    const user = await newUser()
    assert.equal(
      (
        await authenticate(
          getDb(),
          { email: user.email, password, ip: '10.1.0.1' },
          at('2026-03-04T08:00:00Z'),
        )
      ).id,
      user.id,
    )
    for (let i = 0; i < 99; i++) {
      const time = `2026-03-04T10:0${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}.000Z`
      await inTransaction(getDb(), (trx) =>
        recordLoginAttempt(trx, {
          email: user.email,
          ip: `10.2.${i % 12}.1`,
          at: time,
          succeeded: false,
        }),
      )
    }
    // 99 failures: a new address still gets in with the right password.
    assert.equal(
      (
        await authenticate(
          getDb(),
          { email: user.email, password, ip: '10.3.0.1' },
          at('2026-03-04T10:02:00Z'),
        )
      ).id,
      user.id,
    )
    for (let i = 0; i < 100; i++) {
      const time = `2026-03-04T10:0${3 + Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}.000Z`
      await inTransaction(getDb(), (trx) =>
        recordLoginAttempt(trx, {
          email: user.email,
          ip: `10.2.${i % 12}.1`,
          at: time,
          succeeded: false,
        }),
      )
    }
    await assert.rejects(
      authenticate(getDb(), { email: user.email, password, ip: '10.3.0.2' }, at('2026-03-04T10:06:00Z')),
      { reason: 'throttled' },
    )
    assert.equal(
      (
        await authenticate(
          getDb(),
          { email: user.email, password, ip: '10.1.0.1' },
          at('2026-03-04T10:06:00Z'),
        )
      ).id,
      user.id,
      'the address the owner signed in from lately is not refused',
    )
  })

  it('changes the password after the current one is re-entered, ending the other sessions', async () => {
    const user = await newUser()
    const here = await startSession(getDb(), user)
    await startSession(getDb(), user)
    const session = await readSession(getDb(), here.token)
    const newPassword = 'ett-nytt-långt-lösenord'
    await assert.rejects(
      changePassword(getDb(), testActor, { userId: user.id, currentPassword: 'fel', newPassword }),
      { field: 'currentPassword' },
    )
    await assert.rejects(
      changePassword(getDb(), testActor, { userId: user.id, currentPassword: password, newPassword: 'kort' }),
      { field: 'newPassword' },
    )
    await changePassword(getDb(), testActor, {
      userId: user.id,
      currentPassword: password,
      newPassword,
      keepSessionId: session!.sessionId,
    })
    assert.equal(await countSessionsOfUser(getDb(), user.id), 1)
    assert.ok(await readSession(getDb(), here.token))
    await assert.rejects(authenticate(getDb(), { email: user.email, password, ip: '10.0.0.5' }))
    assert.equal(
      (await authenticate(getDb(), { email: user.email, password: newPassword, ip: '10.0.0.5' })).id,
      user.id,
    )
    const actions = (await listAuditEvents(getDb(), 'user_account', user.id)).map((e) => e.action)
    assert.ok(actions.includes('user.password_changed'))
  })

  it('grants and revokes roles, idempotently, and keeps an administrator organisation-wide', async () => {
    const user = await newUser()
    const committee = await createTestCommittee(getDb())
    const input = {
      userId: user.id,
      role: 'secretary',
      organisationId: committee.organisationId,
      committeeId: committee.id,
    }
    const grant = await grantRole(getDb(), testActor, input)
    assert.equal((await grantRole(getDb(), testActor, input)).id, grant.id)
    await assert.rejects(grantRole(getDb(), testActor, { ...input, role: 'administrator' }), {
      field: 'committeeId',
    })
    await assert.rejects(grantRole(getDb(), testActor, { ...input, role: 'kung' }), { field: 'role' })
    await revokeRole(getDb(), testActor, grant.id)
    const actions = (await listAuditEvents(getDb(), 'user_account', user.id)).map((e) => e.action)
    assert.deepEqual(actions.slice(-2), ['user.role_granted', 'user.role_revoked'])
  })
})

describeOnEachDatabase('sessions', (getDb) => {
  let n = 0
  const newUser = () =>
    createUser(getDb(), testActor, { email: `s${++n}@example.se`, name: 'Sam Sekreterare', password })

  it('keeps only the hash of the token and reads the user back with grants', async () => {
    const user = await newUser()
    const { token } = await startSession(getDb(), user)
    const rows = await getDb().selectFrom('session').select('id').where('user_id', '=', user.id).execute()
    assert.equal(rows.length, 1)
    assert.notEqual(rows[0]?.id, token)
    const session = await readSession(getDb(), token)
    assert.equal(session?.id, user.id)
    assert.deepEqual(session?.grants, [])
    assert.equal(await readSession(getDb(), 'no-such-token'), undefined)
  })

  it('slides the expiry with use and ends an idle session', async () => {
    const user = await newUser()
    const { token } = await startSession(getDb(), user, at('2026-03-02T08:00:00Z'))
    // Seven hours later it is still alive and is moved on; nine hours after that it has expired.
    assert.ok(await readSession(getDb(), token, at('2026-03-02T15:00:00Z')))
    assert.ok(await readSession(getDb(), token, at('2026-03-02T22:59:00Z')))
    assert.equal(await readSession(getDb(), token, at('2026-03-03T08:00:00Z')), undefined)
    assert.equal(await countSessionsOfUser(getDb(), user.id), 0)
  })

  it('ends every session of the user at once', async () => {
    const user = await newUser()
    const first = await startSession(getDb(), user)
    const second = await startSession(getDb(), user)
    assert.equal(await logoutEverywhere(getDb(), testActor, user.id), 2)
    assert.equal(await readSession(getDb(), first.token), undefined)
    assert.equal(await readSession(getDb(), second.token), undefined)
    const actions = (await listAuditEvents(getDb(), 'user_account', user.id)).map((e) => e.action)
    assert.equal(actions.at(-1), 'user.signed_out_everywhere')
  })
})
