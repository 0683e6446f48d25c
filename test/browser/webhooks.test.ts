import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { inTransaction } from '../../src/db/database.ts'
import { demoAccounts, loadDemoData } from '../../src/demo/load-demo.ts'
import { systemActor } from '../../src/domain/shared/actor.ts'
import { registerWebhook } from '../../src/domain/webhook/webhook.service.ts'
import { chromiumReady, wcagViolations } from '../support/browser.ts'
import { type BrowserApp, signInThroughForm, startBrowserApp } from '../support/browser-app.ts'

// The workspace's Webhooks page in Chromium: no WCAG 2.1 A/AA violation on the list (with a dead
// delivery and a refused form) or on the page of the secret, and every form works without JavaScript.
describe('webhooks in the workspace, in Chromium', {
  skip: !chromiumReady() && 'Chromium is not installed',
}, () => {
  let started: BrowserApp
  let list: string

  before(async () => {
    started = await startBrowserApp(async (db) => {
      await loadDemoData(db, '2026-11-22')
      const organisation = await db
        .selectFrom('organisation')
        .select(['id', 'slug'])
        .executeTakeFirstOrThrow()
      list = `/admin/organisationer/${organisation.slug}/webhooks`
      const { webhook } = await inTransaction(db, (trx) =>
        registerWebhook(trx, systemActor('test'), {
          organisationId: organisation.id,
          url: 'https://mottagare.example.se/paragraf',
        }),
      )
      await db
        .insertInto('webhook_delivery')
        .values({
          webhook_id: webhook.id,
          seq: 1,
          body: JSON.stringify({ seq: 1, kind: 'meeting', id: 4, action: 'vanished' }),
          state: 'dead',
          attempts: 10,
          last_attempt_at: '2026-11-22T09:00:00.000Z',
          last_status: 503,
          last_error: 'HTTP 503',
        })
        .execute()
    })
  })
  after(() => started?.close())

  it('registers a URL, shows the secret, and sends a dead delivery again, all without JavaScript', async () => {
    const context = await started.browser.newContext({ javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      await signInThroughForm(page, started.base, demoAccounts.administrator)
      await Promise.all([page.waitForURL(`${started.base}${list}`), page.click('a:text-is("Webhooks")')])

      await page.fill('#falt-url', 'http://mottagare.example.se/')
      await Promise.all([page.waitForLoadState(), page.click('button:text-is("Registrera")')])
      assert.match((await page.textContent('.error-summary')) ?? '', /måste börja med https:\/\//)
      assert.equal(await page.getAttribute('#falt-url', 'aria-invalid'), 'true')

      await page.fill('#falt-url', 'https://mottagare.example.se/ny')
      await Promise.all([page.waitForLoadState(), page.click('button:text-is("Registrera")')])
      assert.equal(await page.textContent('h1'), 'Adressen är registrerad')
      assert.match((await page.textContent('main')) ?? '', /Delad hemlighet: whsec_[0-9a-f]{64}/)

      await page.goto(`${started.base}${list}`)
      await Promise.all([
        page.waitForURL(`${started.base}${list}?klart=skickas`),
        page.click('button:has-text("Skicka igen")'),
      ])
      assert.match((await page.textContent('[role=status]')) ?? '', /Leveransen skickas igen/)
      const [delivery] = await started.db
        .selectFrom('webhook_delivery')
        .select(['state', 'attempts'])
        .execute()
      assert.deepEqual(delivery, { state: 'pending', attempts: 0 })
    } finally {
      await context.close()
    }
  })

  it('finds no WCAG 2.1 A or AA violations on the list, a refused form and the page of the secret', async () => {
    // A dead delivery again, for the list.
    await started.db.updateTable('webhook_delivery').set({ state: 'dead', attempts: 10 }).execute()
    const context = await started.browser.newContext({ javaScriptEnabled: true })
    const failures: string[] = []
    try {
      const page = await context.newPage()
      await signInThroughForm(page, started.base, demoAccounts.administrator)
      await page.goto(`${started.base}${list}`)
      assert.equal(await page.locator('button:has-text("Skicka igen")').count(), 1)
      failures.push(...(await wcagViolations(page, 'webhooks')))
      await page.fill('#falt-url', '')
      await Promise.all([page.waitForLoadState(), page.click('button:text-is("Registrera")')])
      assert.equal(await page.locator('.error-summary').count(), 1)
      failures.push(...(await wcagViolations(page, 'webhooks, refused')))
      await page.fill('#falt-url', 'https://mottagare.example.se/tredje')
      await Promise.all([page.waitForLoadState(), page.click('button:text-is("Registrera")')])
      failures.push(...(await wcagViolations(page, 'webhook secret')))
    } finally {
      await context.close()
    }
    assert.deepEqual(failures, [], `axe found violations:\n${failures.join('\n')}`)
  })
})
