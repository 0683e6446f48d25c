import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { AdminClient } from '../../../../test/support/admin-client.ts'
import { createTestOrganisation, testActor } from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { createUser, grantRole } from '../../../domain/account/account.service.ts'
import { totpCodeAt } from '../../../domain/account/totp.ts'
import type { Organisation } from '../../../domain/organisation/organisation.ts'
import { createApp } from '../../app.ts'

// TOTP as a second factor, through the workspace's own forms: enrolling with the secret shown as
// text, signing in with a code, a code used twice refused, wrong codes slowed down as wrong
// passwords are, the organisation's requirement for administrators, and an administrator's reset.

const password = 'ett-långt-lösenord-2026'

const totpSecretKey = randomBytes(32)

describeOnEachDatabase('TOTP as a second factor in the workspace', (getDb) => {
  let app: FastifyInstance
  // Today's clock, 10 s into a TOTP step (the tests move it on): a session begun after the code step
  // is reckoned from the app's clock and checked against the real one, so a fixed morning failed
  // every run after that day's eight hours had passed.
  let clock = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 10_000)
  let organisation: Organisation
  let n = 0
  const tick = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000)
  }

  before(async () => {
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => clock, totpSecretKey })
    organisation = await createTestOrganisation(getDb())
  })
  after(() => app.close())

  async function account(role?: 'administrator' | 'secretary') {
    const email = `tvasteg${++n}@example.se`
    const user = await createUser(getDb(), testActor, { email, name: `Användare ${n}`, password })
    if (role)
      await grantRole(getDb(), testActor, {
        userId: user.id,
        role,
        organisationId: organisation.id,
        committeeId: null,
      })
    return { email, id: user.id }
  }

  const actions = async (userId: number) =>
    (
      await getDb()
        .selectFrom('audit_event')
        .select('action')
        .where('object_type', '=', 'user_account')
        .where('object_id', '=', userId)
        .orderBy('id')
        .execute()
    ).map((r) => r.action)

  /** Signs in and turns TOTP on through the page; returns the client and the secret shown. */
  async function enrolled(email: string) {
    const client = new AdminClient(app)
    await client.signIn(email, password)
    const page = await client.get('/admin/tvastegsverifiering')
    assert.equal(page.statusCode, 200)
    const uri = /otpauth:\/\/totp\/[^<\s]+/.exec(page.body)?.[0]?.replace(/&amp;/g, '&')
    assert.ok(uri, 'the otpauth address is shown as text')
    const secret = new URL(uri).searchParams.get('secret')!
    assert.match(text(page.body), new RegExp(secret.slice(0, 4)))
    const done = await client.post('/admin/tvastegsverifiering', { code: totpCodeAt(secret, clock) })
    assert.equal(done.statusCode, 303)
    return { client, secret }
  }

  it('enrols with the secret shown as text and an otpauth address, confirmed by a code', async () => {
    const { email, id } = await account('secretary')
    const client = new AdminClient(app)
    await client.signIn(email, password)
    const page = await client.get('/admin/tvastegsverifiering')
    assert.match(text(page.body), /skriv in nyckeln/)
    assert.doesNotMatch(page.body, /<img|https?:\/\/[^"]*qr/i)
    // The same secret until it is confirmed, so a reload does not undo what the app holds.
    assert.equal(
      /otpauth:[^<\s]+/.exec((await client.get('/admin/tvastegsverifiering')).body)?.[0],
      /otpauth:[^<\s]+/.exec(page.body)?.[0],
    )
    const wrong = await client.post('/admin/tvastegsverifiering', { code: '000000' })
    assert.equal(wrong.statusCode, 400)
    assert.match(text(wrong.body), /Koden stämmer inte med nyckeln/)
    assert.match(wrong.body, /id="falt-code"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="falt-code"/)
    assert.match(wrong.body, /aria-describedby="[^"]*falt-code-fel/)
    const secret = new URL(
      /otpauth:\/\/totp\/[^<\s]+/.exec(page.body)![0].replace(/&amp;/g, '&'),
    ).searchParams.get('secret')!
    const done = await client.post('/admin/tvastegsverifiering', { code: totpCodeAt(secret, clock) })
    assert.equal(done.headers.location, '/admin/tvastegsverifiering?sparat=1')
    assert.match(text((await client.get(done.headers.location!)).body), /Tvåstegsverifiering är på/)
    assert.deepEqual(
      (await actions(id)).filter((a) => a.startsWith('user.totp')),
      ['user.totp_enrolled'],
    )
  })

  it('asks for the code after the password, signs in with it, and refuses the same code again', async () => {
    const { email, id } = await account('secretary')
    const { secret } = await enrolled(email)
    // The row holds the secret sealed (AES-256-GCM under the key), never in clear.
    const row = await getDb()
      .selectFrom('user_account')
      .select(['totp_secret', 'totp_pending_secret'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.match(row.totp_secret ?? '', /^aes256gcm\$/)
    assert.ok(!row.totp_secret?.includes(secret))
    assert.equal(row.totp_pending_secret, null)
    tick(30)
    const client = new AdminClient(app)
    const login = await client.signIn(email, password, '/admin/losenord')
    assert.equal(login.headers.location, '/admin/logga-in/kod')
    assert.ok(!client.cookies.has('paragraf_session'), 'no session before the code')
    assert.equal((await client.get('/admin')).statusCode, 303)
    const form = await client.get('/admin/logga-in/kod')
    assert.match(text(form.body), /Skriv koden från din app/)
    assert.match(form.body, /<label for="falt-code">Kod från appen<\/label>/)
    const code = totpCodeAt(secret, clock)
    const signedIn = await client.post('/admin/logga-in/kod', { code })
    assert.equal(signedIn.statusCode, 303)
    assert.equal(signedIn.headers.location, '/admin/losenord')
    assert.equal((await client.get('/admin')).statusCode, 200)

    // The same code, at once, by someone who saw it: refused, though it is still in its window.
    const other = new AdminClient(app)
    assert.equal((await other.signIn(email, password)).headers.location, '/admin/logga-in/kod')
    await other.get('/admin/logga-in/kod')
    const replay = await other.post('/admin/logga-in/kod', { code })
    assert.equal(replay.statusCode, 401)
    assert.match(text(replay.body), /redan använts/)
    // The next step's code is a new one and is accepted.
    tick(30)
    assert.equal(
      (await other.post('/admin/logga-in/kod', { code: totpCodeAt(secret, clock) })).statusCode,
      303,
    )
    const signIns = (await actions(id)).filter((a) => a === 'user.signed_in')
    assert.equal(signIns.length, 3) // the enrolment's password sign-in and two with a code
    // Each session says how it was signed in.
    const sessions = await getDb()
      .selectFrom('session')
      .select('method')
      .where('user_id', '=', id)
      .orderBy('method')
      .execute()
    assert.deepEqual(
      sessions.map((r) => r.method),
      ['password', 'password+totp', 'password+totp'],
    )
  })

  it('slows wrong codes down as wrong passwords are, and a right password does not forgive them', async () => {
    const { email } = await account('secretary')
    const { secret } = await enrolled(email)
    tick(30)
    const client = new AdminClient(app, {}, '10.9.9.1')
    await client.signIn(email, password)
    await client.get('/admin/logga-in/kod')
    for (let i = 0; i < 3; i++)
      assert.equal((await client.post('/admin/logga-in/kod', { code: '123456' })).statusCode, 401)
    const throttled = await client.post('/admin/logga-in/kod', { code: totpCodeAt(secret, clock) })
    assert.equal(throttled.statusCode, 429)
    assert.match(text(throttled.body), /För många misslyckade inloggningar/)
    assert.equal(throttled.headers['retry-after'], '1')
    // The password again does not start the count over: the login itself waits too.
    assert.equal((await new AdminClient(app, {}, '10.9.9.1').signIn(email, password)).statusCode, 429)
    tick(2)
    assert.equal(
      (await client.post('/admin/logga-in/kod', { code: totpCodeAt(secret, clock) })).statusCode,
      303,
    )
  })

  it('refuses the code step without a password first, or after five minutes', async () => {
    const stranger = new AdminClient(app)
    assert.equal((await stranger.get('/admin/logga-in/kod')).statusCode, 400)
    await stranger.get('/admin/logga-in')
    const post = await stranger.post('/admin/logga-in/kod', { code: '123456' })
    assert.equal(post.statusCode, 400)
    assert.match(text(post.body), /Inloggningen tog för lång tid/)

    const { email } = await account('secretary')
    const { secret } = await enrolled(email)
    const client = new AdminClient(app)
    await client.signIn(email, password)
    await client.get('/admin/logga-in/kod')
    tick(6 * 60)
    const late = await client.post('/admin/logga-in/kod', { code: totpCodeAt(secret, clock) })
    assert.equal(late.statusCode, 400)
    assert.match(text(late.body), /Inloggningen tog för lång tid/)
  })

  it('requires administrators to enrol when the organisation says so, and keeps it on for them', async () => {
    const chief = await account('administrator')
    const admin = new AdminClient(app)
    await admin.signIn(chief.email, password)
    const settings = `/admin/organisationer/${organisation.slug}/inloggning`
    const form = await admin.get(settings)
    assert.match(text(form.body), /Administratörer måste logga in med kod/)
    assert.equal((await admin.post(settings, { administratorsNeedTotp: 'ja' })).statusCode, 303)
    const audit = await getDb()
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('action', '=', 'organisation.administrators_totp_changed')
      .where('object_id', '=', organisation.id)
      .execute()
    assert.deepEqual(
      audit.map((a) => JSON.parse(a.after ?? '{}')),
      [{ administratorsNeedTotp: true }],
    )

    // Every page now leads the administrator to enrol, GET or POST; signing out still works.
    for (const path of ['/admin', `/admin/organisationer/${organisation.slug}/anvandare`, settings])
      assert.equal((await admin.get(path)).headers.location, '/admin/tvastegsverifiering')
    assert.equal((await admin.post(settings, {})).headers.location, '/admin/tvastegsverifiering')
    const page = await admin.get('/admin/tvastegsverifiering')
    assert.match(text(page.body), /Din organisation kräver att administratörer använder tvåstegsverifiering/)
    const secret = new URL(
      /otpauth:\/\/totp\/[^<\s]+/.exec(page.body)![0].replace(/&amp;/g, '&'),
    ).searchParams.get('secret')!
    await admin.post('/admin/tvastegsverifiering', { code: totpCodeAt(secret, clock) })
    assert.equal((await admin.get('/admin')).statusCode, 200)
    // A secretary of the same organisation is not held.
    const clerk = await account('secretary')
    const secretary = new AdminClient(app)
    await secretary.signIn(clerk.email, password)
    assert.equal((await secretary.get('/admin')).statusCode, 200)
    // Required: it cannot be turned off, even with a right code.
    tick(30)
    const refused = await admin.post('/admin/tvastegsverifiering/stang-av', {
      code: totpCodeAt(secret, clock),
    })
    assert.equal(refused.statusCode, 409)
    assert.match(text((await admin.get('/admin/tvastegsverifiering')).body), /kan inte stängas av/)
    assert.equal((await admin.post(settings, {})).statusCode, 303)
  })

  it('lets a user turn it off with a code, and an administrator reset it for another', async () => {
    const own = await account('secretary')
    const { client, secret } = await enrolled(own.email)
    tick(30)
    const off = await client.post('/admin/tvastegsverifiering/stang-av', { code: totpCodeAt(secret, clock) })
    assert.equal(off.statusCode, 303)
    assert.match(text((await client.get(off.headers.location!)).body), /Tvåstegsverifiering är avstängd/)
    assert.ok((await actions(own.id)).includes('user.totp_turned_off'))

    const lost = await account('secretary')
    await enrolled(lost.email)
    const chief = await account('administrator')
    const admin = new AdminClient(app)
    await admin.signIn(chief.email, password)
    const accountPage = `/admin/organisationer/${organisation.slug}/anvandare/${lost.id}`
    assert.match(text((await admin.get(accountPage)).body), /Kontot har tvåstegsverifiering/)
    const reset = await admin.post(`${accountPage}/tvastegsverifiering/aterstall`, {})
    assert.equal(reset.headers.location, `${accountPage}?sparat=1`)
    assert.doesNotMatch(text((await admin.get(accountPage)).body), /Kontot har tvåstegsverifiering/)
    assert.ok((await actions(lost.id)).includes('user.totp_reset'))
    // The user signs in with the password alone again.
    assert.equal((await new AdminClient(app).signIn(lost.email, password)).headers.location, '/admin')
    // Not one's own account, and not without the CSRF token.
    const self = await admin.post(
      `/admin/organisationer/${organisation.slug}/anvandare/${chief.id}/tvastegsverifiering/aterstall`,
      {},
    )
    assert.equal(self.statusCode, 409)
    const forged = await admin.post(`${accountPage}/tvastegsverifiering/aterstall`, {}, { csrf: false })
    assert.equal(forged.statusCode, 403)
  })

  it('says TOTP cannot be turned on, and asks the operator, when the server has no key', async () => {
    const keyless = await createApp({
      db: getDb(),
      logLevel: 'silent',
      now: () => clock,
      totpSecretKey: undefined,
    })
    try {
      const { email, id } = await account('secretary')
      const client = new AdminClient(keyless)
      await client.signIn(email, password)
      const page = await client.get('/admin/tvastegsverifiering')
      assert.equal(page.statusCode, 200)
      assert.match(text(page.body), /servern saknar nyckeln som skyddar koderna \(TOTP_SECRET_KEY\)/)
      assert.doesNotMatch(page.body, /otpauth:/)
      const row = await getDb()
        .selectFrom('user_account')
        .select('totp_pending_secret')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(row.totp_pending_secret, null)
    } finally {
      await keyless.close()
    }
  })
})
