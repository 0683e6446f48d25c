import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser, chromium, type Page } from 'playwright-core'

// Browser tests run in Debian's Chromium and never download a browser. Without it they are skipped
// with a message, unless REQUIRE_CHROMIUM=1 (as in CI), which turns a missing browser into a failure.

const executablePath = '/usr/bin/chromium'

/** Whether Chromium is there; says why the tests are skipped when not, and fails under REQUIRE_CHROMIUM=1. */
export function chromiumReady(): boolean {
  if (existsSync(executablePath)) return true
  const message = `${executablePath} is missing: install Debian's package (apt-get install -y chromium).`
  if (process.env.REQUIRE_CHROMIUM === '1') throw new Error(`REQUIRE_CHROMIUM=1 but ${message}`)
  console.log(`Skipping the browser tests: ${message}`)
  return false
}

/** Headless Chromium with no network of its own (these machines have none: its calls would be refused). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/**
 * axe-core's WCAG 2.1 A and AA violations on the page, one line each; asserts that axe really ran.
 * Legacy mode runs axe.run() in the page itself. The default opens a blank page for every run to
 * merge the results of each frame, which took half of each run on a loaded machine; the pages have
 * no frames, so the rules and the nodes checked are the same.
 */
export async function wcagViolations(page: Page, name: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze()
  assert.ok(result.passes.length > 10, `axe ran no checks on ${name}`)
  return result.violations.map(
    (v) =>
      `${name}: ${v.id} [${v.impact}] ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}`).join('\n')}`,
  )
}
