import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { type Db, openDatabase } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { loadDemoData } from '../../src/demo/load-demo.ts'
import { createApp } from '../../src/web/app.ts'
import { chromiumReady, launchChromium, wcagViolations } from '../support/browser.ts'

// The workspace in a real browser: signing in with JavaScript off-style forms, and axe-core finding
// no WCAG 2.1 A/AA violation on its pages, also with errors shown. Same rules as accessibility.test.ts:
// never downloads a browser; REQUIRE_CHROMIUM=1 turns a missing one into a failure.
describe('the workspace in Chromium', { skip: !chromiumReady() && 'Chromium is not installed' }, () => {
  let db: Db
  let app: FastifyInstance
  let browser: Browser
  let base: string

  before(async () => {
    db = openDatabase({ dialect: 'sqlite', file: ':memory:' })
    await migrateToLatest(db)
    await loadDemoData(db, '2026-11-22')
    app = await createApp({ db, logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
    await app.listen({ host: '127.0.0.1', port: 0 })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await app?.close()
    await db?.destroy()
  })

  const violations = (page: Page, name: string) => wcagViolations(page, name)

  it('signs in through the form and finds no axe violations on the workspace pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: true })
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
})
