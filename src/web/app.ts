import { readFileSync } from 'node:fs'
import formbody from '@fastify/formbody'
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import { type Config, type LoginOidcSettings, loadConfig, type SigningOidcSettings } from '../config.ts'
import type { Db } from '../db/database.ts'
import { type TotpSecretBox, totpSecretBox } from '../domain/account/totp-secret-box.ts'
import type { DocumentStore } from '../storage/document-store.ts'
import { openDocumentStore } from '../storage/open-document-store.ts'
import { adminRoutes } from './admin/admin.plugin.tsx'
import { apiRoutes } from './api/api.routes.tsx'
import { registerCaching } from './caching.ts'
import { registerErrorPages } from './error-pages.tsx'
import { defaultFeedIdAuthority } from './feeds/feed-site.ts'
import { answerFrameworkError } from './framework-errors.ts'
import { healthRoutes } from './health.routes.ts'
import { registerInputChecks } from './input-checks.ts'
import { oparlRoutes } from './oparl/oparl.routes.ts'
import { type PageCacheOptions, registerPageCache } from './page-cache.ts'
import { accessibilityRoutes } from './portal/accessibility.routes.tsx'
import { committeeRoutes } from './portal/committee.routes.tsx'
import { documentRoutes } from './portal/document.routes.ts'
import { exportRoutes } from './portal/export.routes.ts'
import { feedRoutes } from './portal/feeds.routes.ts'
import { matterRoutes } from './portal/matter.routes.tsx'
import { meetingRoutes } from './portal/meeting.routes.tsx'
import { minutesRoutes } from './portal/minutes.routes.tsx'
import { minutesPdfRoutes } from './portal/minutes-pdf.routes.ts'
import { noticeBoardRoutes } from './portal/notice-board.routes.tsx'
import { partyRoutes } from './portal/party.routes.tsx'
import { personRoutes } from './portal/person.routes.tsx'
import { searchRoutes } from './portal/search.routes.tsx'
import { startRoutes } from './portal/start.routes.tsx'
import { subscriptionRoutes } from './portal/subscription.routes.tsx'
import { voteTableRoutes } from './portal/vote-table.routes.ts'
import { todayInSweden } from './views/format.ts'

declare module 'fastify' {
  interface FastifyRequest {
    db: Db
    /** Today's date in Sweden ('YYYY-MM-DD') by the app's clock: the notice board turns on it. */
    today: string
    /** The app's clock (tests set a fixed one): stamp what is received with this, not the wall clock. */
    now: Date
    /** Where document files are kept. */
    documents: DocumentStore
    /** The portal's address (PUBLIC_URL), for links that leave the site, as in the notice mail. */
    publicUrl: string
    /** The e-legitimation broker for signing (SIGNING_OIDC_*), if one is configured. */
    signingOidc: SigningOidcSettings | undefined
    /** The identity provider staff sign in through (LOGIN_OIDC_*), if one is configured. */
    loginOidc: LoginOidcSettings | undefined
    /** Seals and opens TOTP secrets under TOTP_SECRET_KEY (without one, each use says it is missing). */
    totpSecrets: TotpSecretBox
    /** The tag: authority of feed and calendar ids (FEED_ID_AUTHORITY), which outlives an address. */
    feedIdAuthority: string
  }
}

export interface AppOptions {
  db: Db
  logLevel?: string
  /** The clock (tests set a fixed one). */
  now?: () => Date
  /** Where document files are kept (default: DATA_DIR's default, opened on first use). */
  documents?: DocumentStore
  /** The portal's address for links in mail (default: PUBLIC_URL's default, http://localhost:3000). */
  publicUrl?: string
  /** The authority of feed ids (FEED_ID_AUTHORITY; default: the host of the portal's address). */
  feedIdAuthority?: string
  /** Whose forwarding headers to believe (TRUST_PROXY); by default a proxy on this machine only. */
  trustProxy?: boolean | string
  /** Where built open-data exports are kept (DATA_DIR/export when served). */
  exportCacheDir?: string
  /** Where log lines go (default stdout); tests read what was logged. */
  logStream?: { write(line: string): void }
  /** The e-legitimation broker for signing (SIGNING_OIDC_*; default: none). */
  signingOidc?: SigningOidcSettings | undefined
  /** The identity provider for staff sign-in (LOGIN_OIDC_*; default: none). */
  loginOidc?: LoginOidcSettings | undefined
  /** The key sealing TOTP secrets (TOTP_SECRET_KEY; default: none, and each use says it is missing). */
  totpSecretKey?: Buffer | undefined
  /** Keep rendered public pages until the record changes (page-cache.ts); served apps do, tests choose. */
  pageCache?: PageCacheOptions | undefined
}

const stylesheet = readFileSync(new URL('./assets/paragraf.css', import.meta.url))

/**
 * How long a client may take to send its request headers. Slow clients (slowloris) are ended
 * after this; Node's default is 60 s, checked only every 30 s, so a few hundred of them could
 * hold the server's sockets for minutes.
 */
export const headersTimeoutMs = 10_000
/** How long a whole request may take to arrive: a 50 MB upload at about 0.7 Mbit/s. */
const requestTimeoutMs = 10 * 60_000

// The settings a test leaves out are those of an empty environment (config.ts's defaults): the app
// reads no environment itself; `paragraf serve` (main.ts) passes what the environment says.
let defaultConfig: Config | undefined
const defaults = () => {
  defaultConfig ??= loadConfig({})
  return defaultConfig
}

/** The web application: the public portal (and later the workspace and the API) over one database. */
export async function createApp({
  db,
  logLevel = 'info',
  now = () => new Date(),
  documents,
  publicUrl,
  feedIdAuthority,
  trustProxy = 'loopback',
  exportCacheDir,
  logStream,
  signingOidc,
  loginOidc,
  totpSecretKey,
  pageCache,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logLevel === 'silent' ? false : { level: logLevel, ...(logStream ? { stream: logStream } : {}) },
    trustProxy,
    // An address that cannot be decoded, or with a segment too long for any slug, never reaches a
    // route: answer it as the routes would (404 or 400, a Swedish page or JSON), logged once.
    frameworkErrors: answerFrameworkError,
    requestTimeout: requestTimeoutMs,
    http: { headersTimeout: headersTimeoutMs, connectionsCheckingInterval: 1_000 },
  })
  app.decorateRequest('db', {
    getter: () => db,
  })
  app.decorateRequest('now', {
    getter: () => now(),
  })
  app.decorateRequest('today', {
    getter: () => todayInSweden(now()),
  })
  let store = documents
  app.decorateRequest('documents', {
    getter: () => {
      store ??= openDocumentStore(defaults().storage)
      return store
    },
  })
  let portalUrl = publicUrl
  app.decorateRequest('publicUrl', {
    getter: () => {
      portalUrl ??= defaults().publicUrl
      return portalUrl
    },
  })
  let totpSecrets: TotpSecretBox | undefined
  app.decorateRequest('totpSecrets', {
    getter: () => {
      totpSecrets ??= totpSecretBox(totpSecretKey)
      return totpSecrets
    },
  })
  app.decorateRequest('signingOidc', {
    getter: () => signingOidc,
  })
  app.decorateRequest('loginOidc', {
    getter: () => loginOidc,
  })
  let idAuthority = feedIdAuthority
  app.decorateRequest('feedIdAuthority', {
    getter() {
      const request = this as FastifyRequest
      idAuthority ??= defaultFeedIdAuthority(request.publicUrl)
      return idAuthority
    },
  })
  await app.register(formbody)

  // No tracking and no third parties: everything comes from this server (P5 and the privacy page).
  app.addHook('onSend', async (request, reply) => {
    // Over https (directly, or from a proxy TRUST_PROXY believes), browsers keep to https for a
    // year; never over plain http, where the header would pin a site that has no certificate.
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000')
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    )
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'same-origin')
    reply.header('permissions-policy', 'interest-cohort=()')
  })

  registerCaching(app)
  registerInputChecks(app)
  if (pageCache) registerPageCache(app, pageCache)

  app.get('/assets/paragraf.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(stylesheet),
  )

  registerErrorPages(app)
  await app.register(healthRoutes)
  await app.register(startRoutes)
  await app.register(committeeRoutes)
  await app.register(meetingRoutes)
  await app.register(minutesRoutes)
  await app.register(minutesPdfRoutes)
  await app.register(noticeBoardRoutes)
  await app.register(matterRoutes)
  await app.register(personRoutes)
  await app.register(partyRoutes)
  await app.register(feedRoutes)
  await app.register(voteTableRoutes)
  await app.register(accessibilityRoutes)
  await app.register(subscriptionRoutes)
  await app.register(searchRoutes)
  await app.register(documentRoutes)
  await app.register(oparlRoutes, { prefix: '/oparl' })
  await app.register(apiRoutes)
  await app.register(exportRoutes, exportCacheDir ? { cacheDir: exportCacheDir } : {})
  await app.register(adminRoutes)
  return app
}
