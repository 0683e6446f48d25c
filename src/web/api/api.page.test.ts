import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chromiumReady, wcagViolations } from '../../../test/support/browser.ts'
import { type BrowserApp, startBrowserApp } from '../../../test/support/browser-app.ts'

// The API's Swedish description (/api) is a public page like the others: WCAG 2.1 AA by axe in
// Debian's Chromium, and at 375 px its long addresses wrap instead of widening the page (1.4.10).
describe('the /api page in Chromium', { skip: !chromiumReady() && 'Chromium is not installed' }, () => {
  let started: BrowserApp
  before(async () => {
    started = await startBrowserApp(async () => undefined)
  })
  after(() => started?.close())

  it('has no WCAG 2.1 A or AA violations', async () => {
    const context = await started.browser.newContext({ javaScriptEnabled: true })
    try {
      const page = await context.newPage()
      const response = await page.goto(`${started.base}/api`)
      assert.equal(response?.status(), 200)
      assert.deepEqual(await wcagViolations(page, '/api'), [])
    } finally {
      await context.close()
    }
  })

  it('fits a 375 px screen without scrolling sideways', async () => {
    const context = await started.browser.newContext({ viewport: { width: 375, height: 800 } })
    try {
      const page = await context.newPage()
      await page.goto(`${started.base}/api`)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(width <= 375, `the page is ${width} px wide`)
      assert.ok(await page.getByText('/api/v1/committees/{committee}/meetings/{meeting}/minutes').isVisible())
    } finally {
      await context.close()
    }
  })
})
