import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import { loadDemoData } from '../../src/demo/load-demo.ts'
import { paths } from '../../src/web/paths.ts'
import { chromiumReady } from '../support/browser.ts'
import { type BrowserApp, startBrowserApp } from '../support/browser-app.ts'
import { addVotedMeeting, type VotedMeeting } from '../support/portal-data.ts'

// WCAG 2.1 AA in a real browser (P5): axe-core in Debian's Chromium over every page type, and the
// keyboard path to the content. Never downloads a browser; CI sets REQUIRE_CHROMIUM=1 so a missing
// one fails the run instead of skipping it.
describe('accessibility in Chromium', { skip: !chromiumReady() && 'Chromium is not installed' }, () => {
  let started: BrowserApp
  let base: string
  let voted: VotedMeeting

  before(async () => {
    started = await startBrowserApp(
      async (db) => {
        await loadDemoData(db, '2026-11-22')
        voted = await addVotedMeeting(db)
      },
      { now: () => new Date('2023-04-01T10:00:00Z') },
    )
    base = started.base
  })
  after(() => started?.close())

  const pageTypes = () => ({
    start: paths.start(),
    committee: paths.committee('socialnamnden'),
    meeting: paths.meeting('socialnamnden', 'mote-2022-12-14'),
    'upcoming meeting': paths.meeting('socialnamnden', 'mote-2026-12-09'),
    minutes: paths.minutes('socialnamnden', 'mote-2022-12-14'),
    'minutes with a vote': paths.minutes(voted.committeeSlug, voted.meetingSlug),
    extract: paths.extract(voted.committeeSlug, voted.meetingSlug, 1),
    anslagstavla: paths.noticeBoard(),
    'anslagstavla, arkiv': paths.noticeArchive(),
    matter: paths.matter('1.2.2-72/2022'),
    person: paths.person('bertil-motsson'),
    party: paths.party('M'),
    tillganglighet: paths.accessibility(),
    integritet: paths.privacy(),
    bevaka: '/bevaka?namnd=socialnamnden',
    '404': '/finns-inte',
  })

  it('finds no WCAG 2.1 A or AA violations on any page type', async () => {
    // JavaScript on, as axe needs it; the pages themselves have none.
    const context = await started.browser.newContext({ javaScriptEnabled: true })
    const failures: string[] = []
    try {
      const page = await context.newPage()
      for (const [name, path] of Object.entries(pageTypes())) {
        const response = await page.goto(base + path)
        assert.ok(response, path)
        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze()
        assert.ok(result.passes.length > 10, `axe ran no checks on ${path}`)
        for (const v of result.violations) {
          failures.push(
            `${name} (${path}): ${v.id} [${v.impact}] ${v.help}\n${v.nodes
              .slice(0, 5)
              .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`)
              .join('\n')}`,
          )
        }
      }
      // And the feedback form with its error messages shown.
      await page.goto(base + paths.accessibility())
      await page.click('button[type=submit]')
      await page.waitForURL(`${base}${paths.accessibility()}`)
      const withErrors = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze()
      for (const v of withErrors.violations) failures.push(`feedback form with errors: ${v.id} ${v.help}`)
    } finally {
      await context.close()
    }
    assert.deepEqual(failures, [], `axe found violations:\n${failures.join('\n')}`)
  })

  it('reaches the skip link first by keyboard, and it moves focus to the main content', async () => {
    const context = await started.browser.newContext({ javaScriptEnabled: true })
    try {
      const page = await context.newPage()
      await page.goto(base + paths.meeting('socialnamnden', 'mote-2022-12-14'))
      await page.keyboard.press('Tab')
      const first = await page.evaluate(() => ({
        text: document.activeElement?.textContent?.trim(),
        href: document.activeElement?.getAttribute('href'),
      }))
      assert.deepEqual(first, { text: 'Hoppa till innehållet', href: '#innehall' })
      assert.ok(await page.locator('.skip-link').isVisible(), 'the focused skip link is visible')
      await page.keyboard.press('Enter')
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'innehall')
      // The next Tab continues inside the main content (the breadcrumbs), not back at the header.
      await page.keyboard.press('Tab')
      assert.ok(await page.evaluate(() => Boolean(document.activeElement?.closest('main'))))
    } finally {
      await context.close()
    }
  })
})
