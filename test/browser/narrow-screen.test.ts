import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { demoAccounts, loadDemoData } from '../../src/demo/load-demo.ts'
import { paths } from '../../src/web/paths.ts'
import { chromiumReady, wcagViolations } from '../support/browser.ts'
import { type BrowserApp, signInThroughForm, startBrowserApp } from '../support/browser-app.ts'

// Issue 12: at 375 px (a phone) the roll call's and a person's tables widened the page, so the
// whole page scrolled sideways. Their tables now scroll in a box of their own (WCAG 1.4.10).
describe('pages with wide tables on a 375 px screen (Chromium)', {
  skip: !chromiumReady() && 'Chromium is not installed',
}, () => {
  let started: BrowserApp
  let base: string

  before(async () => {
    started = await startBrowserApp((db) => loadDemoData(db, '2026-11-22'), {
      now: () => new Date('2026-12-09T16:00:00Z'),
    })
    base = started.base
  })
  after(() => started?.close())

  /** How far the page is wider than the screen, in CSS pixels (0 when it fits). */
  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

  it('keeps the roll call and a person’s page within the screen, the tables scrolling on their own', async () => {
    const context = await started.browser.newContext({ viewport: { width: 375, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${base}${paths.person('jan-jonsson')}`)
    assert.ok((await page.locator('.table-scroll table').count()) > 0, 'the person page has its tables')
    assert.equal(await overflow(page), 0, 'person page')
    assert.deepEqual(await wcagViolations(page, 'person page at 375 px'), [])

    await signInThroughForm(page, base, demoAccounts.secretary)
    await page.goto(`${base}/admin/namnder/socialnamnden/sammantraden/mote-2026-12-09/protokoll/narvaro`)
    assert.equal(await page.locator('.table-scroll table').count(), 2)
    assert.equal(await overflow(page), 0, 'roll call')
    assert.deepEqual(await wcagViolations(page, 'roll call at 375 px'), [])
    await context.close()
  })

  // The world check of the review round: the committee's seats table and the agenda item select
  // (as wide as its longest title) widened the committee and minutes pages at 375 px.
  it('keeps the committee, its meetings, the minutes and a § with its vote form within the screen, without JavaScript', async () => {
    const context = await started.browser.newContext({
      viewport: { width: 375, height: 800 },
      javaScriptEnabled: false,
    })
    const page = await context.newPage()
    await signInThroughForm(page, base, demoAccounts.secretary)
    const meeting = '/admin/namnder/socialnamnden/sammantraden/mote-2026-12-09'
    for (const path of ['/admin/namnder/socialnamnden', '/admin/namnder/socialnamnden/sammantraden']) {
      await page.goto(base + path)
      assert.equal(await overflow(page), 0, path)
    }
    await page.goto(`${base}${meeting}/protokoll/narvaro`)
    await Promise.all([page.waitForNavigation(), page.click('button[value=spara]')])
    await page.goto(`${base}${meeting}/protokoll`)
    assert.equal(await overflow(page), 0, 'minutes')
    await page.selectOption('[name=agendaItemId]', { index: 1 })
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Lägg till paragraf")')])
    await page.goto(`${base}${meeting}/protokoll/paragrafer/1`)
    assert.ok(
      await page.locator('.table-scroll table:has-text("Ja")').count(),
      'the § page has its vote form',
    )
    assert.equal(await overflow(page), 0, '§ page with its vote form')
    await context.close()
  })
})
