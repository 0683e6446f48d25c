import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { loadDemoData } from '../../src/demo/load-demo.ts'
import { chromiumReady, wcagViolations } from '../support/browser.ts'
import { type BrowserApp, startBrowserApp } from '../support/browser-app.ts'

// The workspace in a real browser: signing in with JavaScript off-style forms, and axe-core finding
// no WCAG 2.1 A/AA violation on its pages, also with errors shown. Same rules as accessibility.test.ts:
// never downloads a browser; REQUIRE_CHROMIUM=1 turns a missing one into a failure.
describe('the workspace in Chromium', { skip: !chromiumReady() && 'Chromium is not installed' }, () => {
  let started: BrowserApp
  let base: string

  before(async () => {
    started = await startBrowserApp((db) => loadDemoData(db, '2026-11-22'), {
      now: () => new Date('2026-11-22T10:00:00Z'),
    })
    base = started.base
  })
  after(() => started?.close())

  const violations = (page: Page, name: string) => wcagViolations(page, name)

  it('signs in through the form and finds no axe violations on the workspace pages', async () => {
    const context = await started.browser.newContext({ javaScriptEnabled: true })
    const failures: string[] = []
    try {
      const page = await context.newPage()
      await page.goto(`${base}/admin/namnder/socialnamnden`)
      assert.match(page.url(), /\/admin\/logga-in\?till=/)
      failures.push(...(await violations(page, 'login')))

      await page.fill('#falt-email', 'sekreterare@example.se')
      await page.fill('#falt-password', 'fel-lösenord')
      await page.click('button[type=submit]')
      assert.match((await page.textContent('main')) ?? '', /Fel e-postadress eller lösenord/)
      failures.push(...(await violations(page, 'login with an error')))

      await page.fill('#falt-password', 'demo-sekreterare-2026')
      await page.click('main button[type=submit]')
      await page.waitForURL(`${base}/admin/namnder/socialnamnden`)
      failures.push(...(await violations(page, 'committee')))

      // The add-a-seat form with its errors shown.
      await page.click('text=Lägg till >> nth=-1')
      assert.match((await page.textContent('main')) ?? '', /Välj personen som ska ha platsen/)
      failures.push(...(await violations(page, 'committee with form errors')))

      for (const [name, path] of [
        ['start', '/admin'],
        ['settings', '/admin/namnder/socialnamnden/installningar'],
        ['import', '/admin/namnder/socialnamnden/importera'],
        ['account', '/admin/losenord'],
      ] as const) {
        await page.goto(base + path)
        failures.push(...(await violations(page, name)))
      }
      await page.goto(`${base}/admin/namnder/socialnamnden/importera`)
      await page.fill('#falt-members', 'namn;roll;från\nEva;kung;igår')
      await page.click('main form button[type=submit]')
      assert.match((await page.textContent('main')) ?? '', /Rad 2:/)
      failures.push(...(await violations(page, 'import with errors')))
    } finally {
      await context.close()
    }
    assert.deepEqual(failures, [], `axe found violations:\n${failures.join('\n')}`)
  })

  it('brings feedback from the portal form to the administrator, with no axe violations', async () => {
    const context = await started.browser.newContext({ javaScriptEnabled: true })
    const failures: string[] = []
    try {
      const page = await context.newPage()
      // A visitor sends feedback with the accessibility statement's form.
      await page.goto(`${base}/tillganglighet`)
      await page.fill('#meddelande', 'Tabellen med omröstningen läses i fel ordning.')
      await page.fill('#sida', '/committees/socialnamnden')
      await page.fill('#epost', 'besokare@example.se')
      await page.click('main form button[type=submit]')
      await page.waitForURL(`${base}/tillganglighet/tack`)

      await page.goto(`${base}/admin/tillganglighet`)
      await page.fill('#falt-email', 'admin@example.se')
      await page.fill('#falt-password', 'demo-admin-2026')
      await page.click('main button[type=submit]')
      await page.waitForURL(`${base}/admin/tillganglighet`)
      assert.match((await page.textContent('main')) ?? '', /Tabellen med omröstningen läses i fel ordning/)
      failures.push(...(await violations(page, 'accessibility feedback')))

      // Marking it handled without a note shows the error beside the field.
      await page.click('main form button[type=submit]')
      assert.match((await page.textContent('main')) ?? '', /Skriv vad som har gjorts/)
      failures.push(...(await violations(page, 'accessibility feedback with an error')))

      await page.fill('main textarea', 'Svarade besökaren; tabellen rättad.')
      await page.click('main form button[type=submit]')
      await page.waitForURL(`${base}/admin/tillganglighet?sparat=1`)
      assert.match((await page.textContent('main')) ?? '', /Hanterade \(1\)/)
      failures.push(...(await violations(page, 'accessibility feedback handled')))

      await page.goto(`${base}/admin`)
      failures.push(...(await violations(page, 'start as administrator')))
    } finally {
      await context.close()
    }
    assert.deepEqual(failures, [], `axe found violations:\n${failures.join('\n')}`)
  })

  it('keeps users and roles with no axe violations, also with errors and a one-time password shown', async () => {
    const context = await started.browser.newContext({ javaScriptEnabled: true })
    const failures: string[] = []
    try {
      const page = await context.newPage()
      await page.goto(`${base}/admin/anvandare`)
      await page.fill('#falt-email', 'admin@example.se')
      await page.fill('#falt-password', 'demo-admin-2026')
      await page.click('main button[type=submit]')
      await page.waitForURL(`${base}/admin/organisationer/stockholms-stad/anvandare`)
      failures.push(...(await violations(page, 'users')))

      await page.click('main form button[type=submit]')
      assert.match((await page.textContent('main')) ?? '', /Skriv användarens namn/)
      failures.push(...(await violations(page, 'users with form errors')))

      await page.fill('#falt-email', 'axe@example.se')
      await page.fill('#falt-name', 'Axel Tillgänglig')
      await page.click('main form button[type=submit]')
      assert.match((await page.textContent('main')) ?? '', /Engångslösenord/)
      failures.push(...(await violations(page, 'one-time password')))

      await page.click('text=Till kontot')
      failures.push(...(await violations(page, 'user account')))
    } finally {
      await context.close()
    }
    assert.deepEqual(failures, [], `axe found violations:\n${failures.join('\n')}`)
  })
})
