import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { loadDemoData } from '../../src/demo/load-demo.ts'
import { paths } from '../../src/web/paths.ts'
import { chromiumReady, wcagViolations } from '../support/browser.ts'
import { type BrowserApp, startBrowserApp } from '../support/browser-app.ts'
import { addVotedMeeting, type VotedMeeting } from '../support/portal-data.ts'

// The Bevaka forms of the search results and the person page in Chromium: no WCAG 2.1 A/AA
// violation, and the form works without JavaScript, leading to the page that asks for the mail.
describe('alert forms in Chromium', { skip: !chromiumReady() && 'Chromium is not installed' }, () => {
  let started: BrowserApp
  let voted: VotedMeeting

  before(async () => {
    started = await startBrowserApp(async (db) => {
      await loadDemoData(db, '2026-11-22')
      voted = await addVotedMeeting(db)
    })
  })
  after(() => started?.close())

  it('finds no WCAG 2.1 A or AA violations on the search results and the person page with their forms', async () => {
    const context = await started.browser.newContext({ javaScriptEnabled: true })
    const failures: string[] = []
    try {
      const page = await context.newPage()
      const person = voted.members[1]?.slug as string
      for (const path of [paths.search({ q: 'ledsagning' }), paths.person(person)]) {
        await page.goto(started.base + path)
        assert.equal(await page.locator('#bevaka-epost').count(), 1, `${path} has the form`)
        failures.push(...(await wcagViolations(page, path)))
      }
    } finally {
      await context.close()
    }
    assert.deepEqual(failures, [], `axe found violations:\n${failures.join('\n')}`)
  })

  it('subscribes from the search results without JavaScript', async () => {
    const context = await started.browser.newContext({ javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      await page.goto(`${started.base}${paths.search({ q: 'ledsagning' })}`)
      await page.fill('#bevaka-epost', 'lasare@example.se')
      await Promise.all([
        page.waitForURL(`${started.base}/bevaka/skickat`),
        page.click('#bevaka ~ form button[type=submit]'),
      ])
      assert.match((await page.textContent('h1')) ?? '', /Kontrollera din e-post/)
      const rows = await started.db
        .selectFrom('subscription')
        .select(['target_kind', 'search_query'])
        .where('email', '=', 'lasare@example.se')
        .execute()
      assert.deepEqual(rows, [{ target_kind: 'search', search_query: '{"q":"ledsagning"}' }])
    } finally {
      await context.close()
    }
  })
})
