import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { type Db, openDatabase } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { demoAccounts, loadDemoData } from '../../src/demo/load-demo.ts'
import { createApp } from '../../src/web/app.ts'
import { paths } from '../../src/web/paths.ts'
import { chromiumReady, launchChromium, wcagViolations } from '../support/browser.ts'

// Issue 12: at 375 px (a phone) the roll call's and a person's tables widened the page, so the
// whole page scrolled sideways. Their tables now scroll in a box of their own (WCAG 1.4.10).
describe('pages with wide tables on a 375 px screen (Chromium)', {
  skip: !chromiumReady() && 'Chromium is not installed',
}, () => {
  let db: Db
  let app: FastifyInstance
  let browser: Browser
  let base: string

  before(async () => {
    db = openDatabase({ dialect: 'sqlite', file: ':memory:' })
    await migrateToLatest(db)
    await loadDemoData(db, '2026-11-22')
    app = await createApp({ db, logLevel: 'silent', now: () => new Date('2026-12-09T16:00:00Z') })
    await app.listen({ host: '127.0.0.1', port: 0 })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await app?.close()
    await db?.destroy()
  })

  /** How far the page is wider than the screen, in CSS pixels (0 when it fits). */
  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

  it('keeps the roll call and a person’s page within the screen, the tables scrolling on their own', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${base}${paths.person('jan-jonsson')}`)
    assert.ok((await page.locator('.table-scroll table').count()) > 0, 'the person page has its tables')
    assert.equal(await overflow(page), 0, 'person page')
    assert.deepEqual(await wcagViolations(page, 'person page at 375 px'), [])

    await page.goto(`${base}/admin/logga-in`)
    await page.fill('#falt-email', demoAccounts.secretary.email)
    await page.fill('#falt-password', demoAccounts.secretary.password)
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')])
    await page.goto(`${base}/admin/namnder/socialnamnden/sammantraden/mote-2026-12-09/protokoll/narvaro`)
    assert.equal(await page.locator('.table-scroll table').count(), 2)
    assert.equal(await overflow(page), 0, 'roll call')
    assert.deepEqual(await wcagViolations(page, 'roll call at 375 px'), [])
    await context.close()
  })
})
