import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { type Db, openDatabase } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { loadDemoData } from '../../src/demo/load-demo.ts'
import { totpCodeAt } from '../../src/domain/account/totp.ts'
import { openAccount } from '../../src/domain/account/user-admin.service.ts'
import { systemActor } from '../../src/domain/shared/actor.ts'
import { createApp } from '../../src/web/app.ts'
import { chromiumReady, launchChromium, wcagViolations } from '../support/browser.ts'
import { freePort } from '../support/free-port.ts'
import { startOidcTestProvider } from '../support/oidc-browser.ts'

// Signing in as staff meet it in Chromium, every page checked by axe-core (WCAG 2.1 A and AA), also
// with errors shown: a handed-out password changed at first login, TOTP enrolled and then asked
// for after the password, and a first sign-in through the identity provider (the real test
// provider process) that ends on the page saying to wait for a role. The pages carry no script.

/**
 * As wcagViolations, for a page of a heading, two paragraphs and a link, on which axe has fewer
 * than the ten checks wcagViolations expects to see run.
 */
async function shortPageViolations(page: Page, name: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze()
  assert.ok(
    result.passes.some((p) => p.id === 'color-contrast'),
    `axe ran no checks on ${name}`,
  )
  return result.violations.map((v) => `${name}: ${v.id} [${v.impact}] ${v.help}`)
}

describe('staff sign-in in Chromium', { skip: !chromiumReady() && 'Chromium is not installed' }, () => {
  let db: Db
  let app: FastifyInstance
  let browser: Browser
  let provider: ChildProcess
  let base: string
  // The server's clock, 10 s into a TOTP step (the test moves it a step on). It is today's, not a
  // fixed day's: the session cookie's expiry is reckoned from it, and the browser compares that with
  // its own clock, so a fixed morning failed every run after the session's hours had passed.
  let clock = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 10_000)

  before(async () => {
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    let issuer: string
    ;({ issuer, process: provider } = await startOidcTestProvider(`${base}/admin/logga-in/oidc/svar`))
    db = openDatabase({ dialect: 'sqlite', file: ':memory:' })
    await migrateToLatest(db)
    await loadDemoData(db, '2026-11-22')
    app = await createApp({
      db,
      logLevel: 'silent',
      now: () => clock,
      totpSecretKey: randomBytes(32),
      publicUrl: base,
      loginOidc: {
        issuer,
        clientId: 'paragraf',
        clientSecret: 'testhemlighet',
        providerName: 'Stockholms stads konto',
        organisation: 'stockholms-stad',
      },
    })
    await app.listen({ host: '127.0.0.1', port })
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await app?.close()
    await db?.destroy()
    provider?.kill('SIGTERM')
  })

  const submit = (page: Page) =>
    Promise.all([page.waitForLoadState(), page.click('main form button[type=submit]')])

  it('changes a handed-out password, enrols TOTP and signs in with a code, with no axe violations', async () => {
    const { password } = await openAccount(db, systemActor('test'), {
      organisationId: (await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id,
      email: 'ny@example.se',
      name: 'Nina Ny',
      role: 'registrar',
    })
    const context = await browser.newContext()
    const failures: string[] = []
    try {
      const page = await context.newPage()
      await page.goto(`${base}/admin/logga-in`)
      assert.match((await page.textContent('main')) ?? '', /Logga in med Stockholms stads konto/)
      failures.push(...(await wcagViolations(page, 'login with the identity provider')))
      await page.fill('#falt-email', 'ny@example.se')
      await page.fill('#falt-password', password)
      await submit(page)
      assert.equal(new URL(page.url()).pathname, '/admin/byt-losenord')
      failures.push(...(await wcagViolations(page, 'choose your own password')))
      await page.fill('#falt-currentPassword', password)
      await page.fill('#falt-newPassword', 'ett-eget-långt-lösenord')
      await page.fill('#falt-repeatPassword', 'något annat')
      await submit(page)
      assert.match((await page.textContent('main')) ?? '', /Skriv samma nya lösenord två gånger/)
      failures.push(...(await wcagViolations(page, 'choose your own password, with errors')))
      await page.fill('#falt-currentPassword', password)
      await page.fill('#falt-newPassword', 'ett-eget-långt-lösenord')
      await page.fill('#falt-repeatPassword', 'ett-eget-långt-lösenord')
      await submit(page)
      assert.equal(new URL(page.url()).pathname, '/admin')

      await page.click('text=Mitt konto')
      await Promise.all([page.waitForLoadState(), page.click('main a[href="/admin/tvastegsverifiering"]')])
      failures.push(...(await wcagViolations(page, 'enrol TOTP')))
      const secret = ((await page.textContent('code.secret')) ?? '').replace(/\s/g, '')
      assert.match(secret, /^[A-Z2-7]{32}$/)
      await page.fill('#falt-code', '000000')
      await submit(page)
      failures.push(...(await wcagViolations(page, 'enrol TOTP, with an error')))
      await page.fill('#falt-code', totpCodeAt(secret, clock))
      await submit(page)
      assert.match((await page.textContent('main')) ?? '', /Tvåstegsverifiering är på/)
      failures.push(...(await wcagViolations(page, 'TOTP on')))

      await Promise.all([page.waitForLoadState(), page.click('button:has-text("Logga ut")')])
      clock = new Date(clock.getTime() + 30_000)
      await page.goto(`${base}/admin/logga-in`)
      await page.fill('#falt-email', 'ny@example.se')
      await page.fill('#falt-password', 'ett-eget-långt-lösenord')
      await submit(page)
      assert.equal(new URL(page.url()).pathname, '/admin/logga-in/kod')
      failures.push(...(await wcagViolations(page, 'the code after the password')))
      await page.fill('#falt-code', '123456')
      await submit(page)
      assert.match((await page.textContent('main')) ?? '', /Koden stämmer inte/)
      failures.push(...(await wcagViolations(page, 'the code, with an error')))
      await page.fill('#falt-code', totpCodeAt(secret, clock))
      await submit(page)
      assert.equal(new URL(page.url()).pathname, '/admin')
    } finally {
      await context.close()
    }
    assert.deepEqual(failures, [], `axe found violations:\n${failures.join('\n')}`)
  })

  it('opens an account at a first sign-in through the provider and says to wait for a role', async () => {
    const context = await browser.newContext()
    const failures: string[] = []
    try {
      const page = await context.newPage()
      await page.goto(`${base}/admin/logga-in`)
      await Promise.all([page.waitForLoadState(), page.click('text=Logga in med Stockholms stads konto')])
      // The provider's own development pages: its login form, then its consent.
      await page.fill('input[name=login]', 'nyanstalld@example.se')
      await page.fill('input[name=password]', 'valfritt')
      await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')])
      for (let i = 0; i < 3 && !page.url().startsWith(base); i++)
        await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')])
      assert.match((await page.textContent('main')) ?? '', /Ditt konto väntar på en roll/)
      failures.push(...(await shortPageViolations(page, 'waiting for a role')))

      // The organisation's sign-in settings, as its administrator sees them.
      await page.goto(`${base}/admin/logga-in`)
      await page.fill('#falt-email', 'admin@example.se')
      await page.fill('#falt-password', 'demo-admin-2026')
      await submit(page)
      await page.goto(`${base}/admin/organisationer/stockholms-stad/inloggning`)
      assert.match(
        (await page.textContent('main')) ?? '',
        /Anställda kan logga in med Stockholms stads konto/,
      )
      failures.push(...(await wcagViolations(page, 'organisation sign-in settings')))
    } finally {
      await context.close()
    }
    assert.deepEqual(failures, [], `axe found violations:\n${failures.join('\n')}`)
  })
})
