import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInDemoAccount } from '../../../../test/support/admin-users.ts'
import { testActor } from '../../../../test/support/factories.ts'
import { signInAtProvider, startOidcTestProvider } from '../../../../test/support/oidc-browser.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import type { LoginOidcSettings } from '../../../config.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { grantRole } from '../../../domain/account/account.service.ts'
import { setAdministratorsNeedTotp } from '../../../domain/account/second-factor.service.ts'
import { disableAccount, openAccount } from '../../../domain/account/user-admin.service.ts'
import { systemActor } from '../../../domain/shared/actor.ts'
import { createApp } from '../../app.ts'
import { signInPaths } from './sign-in.paths.ts'

// Staff sign in through the organisation's identity provider, end to end against a real OpenID
// Connect provider (the oidc-provider package) started as its own process on 127.0.0.1: the test
// is the browser, following the redirects with fetch and signing in at the provider's login form.

const publicUrl = 'http://localhost:3000'
const redirectUri = `${publicUrl}${signInPaths.identityProviderAnswer()}`

let provider: ChildProcess
let issuer: string
before(async () => {
  ;({ issuer, process: provider } = await startOidcTestProvider(redirectUri))
})
after(() => {
  provider.kill('SIGTERM')
})

describeOnEachDatabase('signing in through the organisation’s identity provider', (getDb) => {
  let app: FastifyInstance
  let organisationId: number
  const settings = (): LoginOidcSettings => ({
    issuer,
    clientId: 'paragraf',
    clientSecret: 'testhemlighet',
    providerName: 'Stockholms stads konto',
    organisation: 'stockholms-stad',
  })

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', publicUrl, loginOidc: settings() })
    organisationId = (
      await getDb()
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'stockholms-stad')
        .executeTakeFirstOrThrow()
    ).id
  })
  after(() => app.close())

  /** From the login page, through the provider as `login`, back to Paragraf: its answer. */
  async function viaProvider(client: AdminClient, login: string, returnTo?: string) {
    const start = await client.get(signInPaths.identityProvider(returnTo))
    assert.equal(start.statusCode, 303)
    const authorization = new URL(start.headers.location!)
    assert.equal(authorization.origin, issuer)
    assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256')
    assert.ok(authorization.searchParams.get('state') && authorization.searchParams.get('nonce'))
    assert.match(authorization.searchParams.get('scope') ?? '', /\bemail\b/)
    const back = await signInAtProvider(start.headers.location!, login, redirectUri)
    return { answer: await client.get(`${back.pathname}${back.search}`), back }
  }

  const accountOf = (email: string) =>
    getDb().selectFrom('user_account').selectAll().where('email', '=', email).executeTakeFirst()

  const auditOf = async (userId: number) =>
    (
      await getDb()
        .selectFrom('audit_event')
        .select(['action', 'after', 'organisation_id'])
        .where('object_type', '=', 'user_account')
        .where('object_id', '=', userId)
        .orderBy('id')
        .execute()
    ).map((r) => ({
      action: r.action,
      after: JSON.parse(r.after ?? 'null'),
      organisationId: r.organisation_id,
    }))

  it('offers the provider on the login page only when one is configured', async () => {
    const page = await new AdminClient(app).get('/admin/logga-in?till=%2Fadmin%2Flosenord')
    assert.match(text(page.body), /Logga in med Stockholms stads konto/)
    assert.match(page.body, /href="\/admin\/logga-in\/oidc\?till=%2Fadmin%2Flosenord"/)
    const plain = await createApp({ db: getDb(), logLevel: 'silent' })
    try {
      assert.doesNotMatch(text((await new AdminClient(plain).get('/admin/logga-in')).body), /Logga in med/)
    } finally {
      await plain.close()
    }
  })

  it('signs an existing account in by its verified e-mail address, whatever its case', async () => {
    const client = new AdminClient(app)
    const { answer } = await viaProvider(client, 'Sekreterare@Example.se', '/admin/losenord')
    assert.equal(answer.statusCode, 303)
    assert.equal(answer.headers.location, '/admin/losenord')
    const page = await client.get('/admin')
    assert.equal(page.statusCode, 200)
    assert.match(text(page.body), /Inloggad som Demo Sekreterare \(sekreterare@example\.se\)/)
    const user = await accountOf('sekreterare@example.se')
    const signIn = (await auditOf(user!.id)).find((a) => a.action === 'user.signed_in_with_identity_provider')
    assert.deepEqual(signIn?.after, { issuer, subject: 'Sekreterare@Example.se' })
  })

  it('opens an account without roles at the first sign-in and tells the user to wait for an administrator', async () => {
    const client = new AdminClient(app)
    const { answer } = await viaProvider(client, 'nyanstalld@example.se')
    assert.equal(answer.statusCode, 200)
    assert.match(text(answer.body), /Ditt konto väntar på en roll/)
    assert.match(text(answer.body), /Du måste vänta tills en administratör har gett dig en roll/)
    assert.ok(!client.cookies.has('paragraf_session'), 'no session for an account with nothing to open')
    assert.equal((await client.get('/admin')).statusCode, 303)

    const created = await accountOf('nyanstalld@example.se')
    assert.ok(created)
    assert.equal(created.name, 'Testperson nyanstalld')
    assert.equal(created.organisation_id, organisationId)
    assert.equal(Boolean(created.must_change_password), false)
    const grants = await getDb()
      .selectFrom('role_grant')
      .select('id')
      .where('user_id', '=', created.id)
      .execute()
    assert.equal(grants.length, 0)
    const audit = await auditOf(created.id)
    const opened = audit.find((a) => a.action === 'user.created_by_identity_provider')
    assert.deepEqual(opened?.after, {
      email: 'nyanstalld@example.se',
      issuer,
      subject: 'nyanstalld@example.se',
      roles: [],
    })
    assert.equal(opened?.organisationId, organisationId)
    // The administrator finds the account in the organisation's list, without a role.
    const admin = await signedInDemoAccount(app, 'administrator')
    const list = text((await admin.get('/admin/organisationer/stockholms-stad/anvandare')).body)
    assert.match(list, /Testperson nyanstalld nyanstalld@example\.se Ingen roll/)

    // Once given a role, the same sign-in opens the workspace; no second account is opened.
    await grantRole(getDb(), testActor, {
      userId: created.id,
      role: 'registrar',
      organisationId,
      committeeId: null,
    })
    const again = new AdminClient(app)
    const { answer: second } = await viaProvider(again, 'nyanstalld@example.se')
    assert.equal(second.headers.location, '/admin')
    assert.equal((await again.get('/admin')).statusCode, 200)
    const all = await getDb()
      .selectFrom('user_account')
      .select('id')
      .where('email', '=', 'nyanstalld@example.se')
      .execute()
    assert.equal(all.length, 1)
  })

  it('refuses an unverified e-mail address, a disabled account and an answer replayed', async () => {
    const client = new AdminClient(app)
    const { answer } = await viaProvider(client, 'overifierad:sekreterare@example.se')
    assert.equal(answer.statusCode, 403)
    assert.match(text(answer.body), /ingen bekräftad e-postadress/)
    assert.ok(!client.cookies.has('paragraf_session'))

    const { answer: first, back } = await viaProvider(client, 'sekreterare@example.se')
    assert.equal(first.statusCode, 303)
    const replay = await new AdminClient(app).get(`${back.pathname}${back.search}`)
    assert.equal(replay.statusCode, 400)
    assert.match(text(replay.body), /tog för lång tid eller påbörjades inte här/)

    const { user } = await openAccount(getDb(), systemActor('test'), {
      organisationId,
      email: 'avslutad@example.se',
      name: 'Avi Avslutad',
      role: 'registrar',
    })
    await disableAccount(getDb(), systemActor('test'), { organisationId, userId: user.id })
    const { answer: disabled } = await viaProvider(new AdminClient(app), 'avslutad@example.se')
    assert.equal(disabled.statusCode, 403)
    assert.match(text(disabled.body), /inaktiverat/)
  })

  it('voids a handed-out password the user never needed once they sign in through the provider', async () => {
    const { user, password } = await openAccount(getDb(), systemActor('test'), {
      organisationId,
      email: 'idp-anvandare@example.se',
      name: 'Ida Leverantör',
      role: 'registrar',
    })
    const client = new AdminClient(app)
    const { answer } = await viaProvider(client, 'idp-anvandare@example.se')
    assert.equal(answer.headers.location, '/admin')
    assert.equal((await client.get('/admin')).statusCode, 200, 'not held on the change form')
    assert.equal(Boolean((await accountOf('idp-anvandare@example.se'))?.must_change_password), false)
    assert.ok((await auditOf(user.id)).some((a) => a.action === 'user.handed_out_password_voided'))
    assert.equal((await new AdminClient(app).signIn('idp-anvandare@example.se', password)).statusCode, 401)
  })

  it('asks TOTP of an administrator who signs in with a password, not of one signed in through the provider', async () => {
    // The organisation requires TOTP of its administrators; the demo administrator has none.
    await setAdministratorsNeedTotp(getDb(), systemActor('test'), organisationId, true)
    try {
      const admin = await accountOf('admin@example.se')
      const methods = async () =>
        (
          await getDb()
            .selectFrom('session')
            .select('method')
            .where('user_id', '=', admin!.id)
            .orderBy('created_at')
            .execute()
        ).map((r) => r.method)
      await getDb().deleteFrom('session').where('user_id', '=', admin!.id).execute()

      const withPassword = new AdminClient(app)
      assert.equal((await withPassword.signIn('admin@example.se', 'demo-admin-2026')).statusCode, 303)
      assert.equal((await withPassword.get('/admin')).headers.location, '/admin/tvastegsverifiering')
      assert.deepEqual(await methods(), ['password'])

      const throughProvider = new AdminClient(app)
      const { answer } = await viaProvider(throughProvider, 'admin@example.se')
      assert.equal(answer.statusCode, 303)
      const start = await throughProvider.get('/admin')
      assert.equal(start.statusCode, 200, 'the provider’s own second factor applies')
      assert.match(text(start.body), /Inloggad som/)
      assert.deepEqual((await methods()).sort(), ['oidc', 'password'])
      // The password session is still held, whatever the other session did.
      assert.equal((await withPassword.get('/admin')).headers.location, '/admin/tvastegsverifiering')
    } finally {
      await setAdministratorsNeedTotp(getDb(), systemActor('test'), organisationId, false)
    }
  })
})
