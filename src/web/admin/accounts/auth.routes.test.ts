import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { AdminClient } from '../../../../test/support/admin-client.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { maxFailuresPerAddress } from '../../../domain/account/login-throttle.ts'
import { createApp } from '../../app.ts'

const secretary = { email: 'sekreterare@example.se', password: 'demo-sekreterare-2026' }

describeOnEachDatabase('signing in to the workspace', (getDb) => {
  let app: FastifyInstance
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
  })
  after(() => app.close())

  it('sends an unauthenticated request to the login page with the way back', async () => {
    const response = await new AdminClient(app).get('/admin/namnder/socialnamnden')
    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, '/admin/logga-in?till=%2Fadmin%2Fnamnder%2Fsocialnamnden')
    const post = await new AdminClient(app).post('/admin/losenord', {}, { csrf: false })
    assert.equal(post.statusCode, 303)
  })

  it('signs in, sets a HttpOnly SameSite=Lax session cookie and returns to the page asked for', async () => {
    const client = new AdminClient(app)
    const login = await client.signIn(
      secretary.email.toUpperCase(),
      secretary.password,
      '/admin/namnder/socialnamnden',
    )
    assert.equal(login.statusCode, 303)
    assert.equal(login.headers.location, '/admin/namnder/socialnamnden')
    const cookie = String(login.headers['set-cookie'])
    assert.match(cookie, /paragraf_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax/)
    assert.doesNotMatch(cookie, /paragraf_session[^,]*Secure/)
    const page = await client.get('/admin')
    assert.equal(page.statusCode, 200)
    assert.equal(page.headers['cache-control'], 'no-store')
    assert.match(text(page.body), /Inloggad som Demo Sekreterare \(sekreterare@example\.se\)/)
    assert.match(text(page.body), /Mina nämnder Socialnämnden onsdag 9 december 2026/)
    assert.doesNotMatch(text(page.body), /Kommunstyrelsen/)
  })

  it('marks the session cookie Secure over https', async () => {
    const login = await new AdminClient(app, { 'x-forwarded-proto': 'https' }).signIn(
      secretary.email,
      secretary.password,
    )
    assert.match(String(login.headers['set-cookie']), /paragraf_session=[^,]*Secure/)
  })

  it('says the e-mail or password is wrong, in Swedish, and keeps the e-mail typed', async () => {
    const response = await new AdminClient(app).signIn(secretary.email, 'fel-lösenord')
    assert.equal(response.statusCode, 401)
    assert.match(text(response.body), /Fel e-postadress eller lösenord/)
    assert.match(response.body, /value="sekreterare@example\.se"/)
  })

  it('refuses a form without its CSRF token with the Swedish 403 page', async () => {
    const client = new AdminClient(app)
    await client.signIn(secretary.email, secretary.password)
    const response = await client.post('/admin/losenord', { currentPassword: 'x' }, { csrf: false })
    assert.equal(response.statusCode, 403)
    assert.match(text(response.body), /Ingen behörighet/)
    const forged = await client.post('/admin/logga-ut', { _csrf: 'forged' }, { csrf: false })
    assert.equal(forged.statusCode, 403)
  })

  it('never sends the workspace back to a page outside it after login', async () => {
    const response = await new AdminClient(app).signIn(
      secretary.email,
      secretary.password,
      '//evil.example/admin',
    )
    assert.equal(response.headers.location, '/admin')
  })

  it('signs out of this session, and everywhere', async () => {
    const here = new AdminClient(app)
    const there = new AdminClient(app)
    await here.signIn(secretary.email, secretary.password)
    await there.signIn(secretary.email, secretary.password)
    await here.get('/admin')
    const out = await here.post('/admin/logga-ut', {})
    assert.equal(out.headers.location, '/admin/logga-in?utloggad=1')
    assert.equal((await here.get('/admin')).statusCode, 303)
    assert.equal((await there.get('/admin')).statusCode, 200)
    await there.get('/admin/losenord')
    await there.post('/admin/logga-ut-overallt', {})
    const again = new AdminClient(app)
    await again.signIn(secretary.email, secretary.password)
    assert.equal((await again.get('/admin')).statusCode, 200)
    assert.equal((await there.get('/admin')).statusCode, 303)
  })

  it('changes the password only with the current one, with Swedish messages beside the fields', async () => {
    const client = new AdminClient(app)
    await client.signIn('admin@example.se', 'demo-admin-2026')
    await client.get('/admin/losenord')
    const wrong = await client.post('/admin/losenord', {
      currentPassword: 'fel',
      newPassword: 'ett-långt-nytt-lösen',
      repeatPassword: 'ett-långt-nytt-lösen',
    })
    assert.equal(wrong.statusCode, 400)
    assert.match(text(wrong.body), /Det nuvarande lösenordet stämmer inte/)
    const short = await client.post('/admin/losenord', {
      currentPassword: 'demo-admin-2026',
      newPassword: 'kort',
      repeatPassword: 'kort',
    })
    assert.match(text(short.body), /minst 12 tecken/)
    const done = await client.post('/admin/losenord', {
      currentPassword: 'demo-admin-2026',
      newPassword: 'ett-långt-nytt-lösen',
      repeatPassword: 'ett-långt-nytt-lösen',
    })
    assert.equal(done.statusCode, 303)
    assert.match(text((await client.get(done.headers.location as string)).body), /Lösenordet är bytt/)
    assert.equal(
      (await new AdminClient(app).signIn('admin@example.se', 'ett-långt-nytt-lösen')).statusCode,
      303,
    )
  })

  it('slows a guesser down and says how long to wait, while the owner signs in from elsewhere', async () => {
    const guesser = new AdminClient(app, { 'x-forwarded-for': '192.0.2.50' })
    // Three failures are free; then each try waits 1 s, 2 s, 4 s …: soon one is refused unchecked.
    let refused: Awaited<ReturnType<AdminClient['signIn']>> | undefined
    for (let i = 0; i < 12 && !refused; i++) {
      const answer = await guesser.signIn(secretary.email, 'fel')
      if (answer.statusCode === 429) refused = answer
      else assert.equal(answer.statusCode, 401)
    }
    assert.ok(refused, 'the guesser is slowed down')
    assert.match(
      text(refused.body),
      /För många misslyckade inloggningar\. Vänta \d+ sekund(er)? och försök igen\./,
    )
    assert.match(refused.headers['retry-after'] as string, /^\d+$/)
    const owner = await new AdminClient(app, { 'x-forwarded-for': '192.0.2.51' }).signIn(
      secretary.email,
      secretary.password,
    )
    assert.equal(owner.statusCode, 303, 'the owner is not locked out')
  })

  it('counts failures by the real address: a visitor cannot pose as another one (TRUST_PROXY)', async () => {
    // By default only a proxy on this machine is believed; this visitor comes from elsewhere and
    // names a new address in X-Forwarded-For each time, with a new e-mail so only the per-address
    // limit can stop it.
    let refused = 0
    for (let i = 0; i <= maxFailuresPerAddress; i++) {
      const client = new AdminClient(app, { 'x-forwarded-for': `192.0.2.${100 + i}` }, '203.0.113.9')
      if ((await client.signIn(`okand-${i}@example.se`, 'fel')).statusCode === 429) refused++
    }
    assert.equal(refused, 1, 'the failure after the limit, from one address, is refused')
  })

  it('sends HSTS over https from a proxy it believes, never over plain http or from one it does not', async () => {
    const overHttps = await app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } })
    assert.equal(overHttps.headers['strict-transport-security'], 'max-age=31536000')
    const login = await app.inject({ url: '/admin/logga-in', headers: { 'x-forwarded-proto': 'https' } })
    assert.equal(login.headers['strict-transport-security'], 'max-age=31536000')
    assert.equal((await app.inject('/')).headers['strict-transport-security'], undefined)
    const spoofed = await app.inject({
      url: '/',
      headers: { 'x-forwarded-proto': 'https' },
      remoteAddress: '203.0.113.9',
    })
    assert.equal(spoofed.headers['strict-transport-security'], undefined)
  })
})
