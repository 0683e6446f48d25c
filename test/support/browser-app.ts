import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { type Db, openDatabase } from '../../src/db/database.ts'
import { migrateToLatest } from '../../src/db/migrate.ts'
import { type AppOptions, createApp } from '../../src/web/app.ts'
import { launchChromium } from './browser.ts'

/** The app on a port of its own over a fresh in-memory database, and Chromium to visit it. */
export interface BrowserApp {
  db: Db
  app: FastifyInstance
  browser: Browser
  /** http://127.0.0.1:PORT */
  base: string
  close(): Promise<void>
}

/**
 * Migrates an in-memory SQLite database, lets `seed` fill it, serves the app on 127.0.0.1 (on
 * `port` when given: an OIDC provider started first must know the address it sends users back to)
 * and launches Chromium. The browser tests run on SQLite only: the route tests cover both databases.
 */
export async function startBrowserApp(
  seed: (db: Db) => Promise<unknown>,
  options: Omit<AppOptions, 'db' | 'logLevel'> & { port?: number } = {},
): Promise<BrowserApp> {
  const { port = 0, ...appOptions } = options
  const db = openDatabase({ dialect: 'sqlite', file: ':memory:' })
  await migrateToLatest(db)
  await seed(db)
  const app = await createApp({ db, logLevel: 'silent', ...appOptions })
  await app.listen({ host: '127.0.0.1', port })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const browser = await launchChromium()
  return {
    db,
    app,
    browser,
    base,
    async close() {
      await browser.close()
      await app.close()
      await db.destroy()
    },
  }
}

/** Signs in through the login form and waits for the page it leads to (the workspace start by default). */
export async function signInThroughForm(
  page: Page,
  base: string,
  who: { email: string; password: string },
  landsOn = '/admin',
): Promise<void> {
  await page.goto(`${base}/admin/logga-in`)
  await page.fill('#falt-email', who.email)
  await page.fill('#falt-password', who.password)
  await Promise.all([page.waitForURL(`${base}${landsOn}`), page.click('main button[type=submit]')])
}
