import path from 'node:path'
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from './config.ts'
import { type Db, openDatabase, webRequestLimits } from './db/database.ts'
import { databaseFaultOf } from './db/database-faults.ts'
import { migrateToLatest, pendingMigrations } from './db/migrate.ts'
import { loadDemoDataIfEmpty } from './demo/load-demo.ts'
import { totpKeyProblem } from './domain/account/totp-key-check.ts'
import { startOrphanSweep } from './domain/document/document-files.service.ts'
import { fillPublicRecordIfEmpty, keepMissingForms } from './domain/public-record/public-record-rebuild.ts'
import { startMailDelivery } from './mail/mail-delivery.ts'
import { createSmtpMailer } from './mail/smtp-mailer.ts'
import { openDocumentStore } from './storage/open-document-store.ts'
import { createApp } from './web/app.ts'
import { startWebhookDelivery } from './webhook/webhook-delivery.ts'

export class StartError extends Error {}

/** Opens and migrates the database, loads the demo data into an empty one if asked, and serves. */
export async function serve(config: Config, options: { demo?: boolean } = {}): Promise<() => Promise<void>> {
  // Migrations may take longer than a web request may wait, so they run on a connection of their own.
  await (await openMigrated(config)).destroy()
  let log: FastifyBaseLogger | undefined
  const db = openDatabase(config.database, {
    limits: webRequestLimits,
    onConnectionLost: (error) =>
      log?.warn({ err: error }, 'the database closed a connection; the next query opens a new one'),
  })
  // Users with TOTP cannot sign in without the key their secrets are sealed with.
  const totpProblem = await totpKeyProblem(db, config.totpSecretKey)
  if (totpProblem) {
    await db.destroy()
    throw new StartError(totpProblem)
  }
  if (options.demo) await loadDemoDataIfEmpty(db)
  const documents = openDocumentStore(config.storage)
  const app = await createApp({
    db,
    logLevel: config.logLevel,
    documents,
    publicUrl: config.publicUrl,
    ...(config.feedIdAuthority ? { feedIdAuthority: config.feedIdAuthority } : {}),
    trustProxy: config.trustProxy,
    signingOidc: config.signingOidc,
    loginOidc: config.loginOidc,
    totpSecretKey: config.totpSecretKey,
    exportCacheDir: path.join(config.dataDir, 'export'),
    ...(config.pageCacheMegabytes > 0
      ? { pageCache: { maxBytes: config.pageCacheMegabytes * 1024 * 1024 } }
      : {}),
  })
  log = app.log
  try {
    await app.listen({ port: config.port, host: config.host })
  } catch (error) {
    await app.close()
    await db.destroy()
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE')
      throw new StartError(`porten ${config.port} används redan: stoppa det andra programmet eller ange PORT`)
    if (code === 'EACCES')
      throw new StartError(`porten ${config.port} kräver behörighet: välj en port över 1023`)
    if (code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL')
      throw new StartError(`kan inte lyssna på värden ${config.host}`)
    throw error
  }
  // The outbox is emptied every 30 s (MAIL_INTERVAL_SECONDS) when a mail server is configured (several
  // servers may share it), after queueing the sign-off reminders that are due.
  const stopMail =
    config.mail &&
    startMailDelivery(db, createSmtpMailer(config.mail), {
      everyMs: (config.mail.intervalSeconds ?? 30) * 1000,
      log: app.log,
      reminders: { publicUrl: config.publicUrl },
    })
  // An archive kept before the public change log existed gets its log filled, in the background:
  // until then the change feed and OParl's tombstones know only what changes from now on.
  // So does an archive whose meetings' forms are not kept yet (0033): OParl builds them until then.
  fillPublicRecordIfEmpty(db)
    .then(async (written) => {
      if (written !== undefined)
        app.log.info({ written }, 'the public change log was filled from the archive')
      const kept = await keepMissingForms(db)
      if (kept > 0) app.log.info({ meetings: kept }, "the public meetings' forms were kept")
    })
    .catch((error) =>
      app.log.error(
        { err: error },
        "the public change log or the meetings' kept forms could not be filled; run paragraf change-log",
      ),
    )
  // The public change log goes to the registered webhooks every few seconds, from every server
  // (each delivery is claimed by one; docs/api.md, "Webhooks").
  const stopWebhooks = startWebhookDelivery(db, { publicUrl: config.publicUrl, everyMs: 5_000, log: app.log })
  // Files a server killed mid-upload left in the document store without their row are removed
  // once they are an hour old: five minutes after the start, then every six hours.
  const stopSweep = startOrphanSweep(db, documents, {
    firstAfterMs: 5 * 60_000,
    everyMs: 6 * 60 * 60_000,
    log: app.log,
  })
  return async () => {
    stopSweep()
    await app.close()
    await stopMail?.()
    await stopWebhooks()
    await db.destroy()
  }
}

/** The database of the configuration, brought up to date. Connection problems become one clear line. */
export async function openMigrated(config: Config): Promise<Db> {
  const db = openDatabase(config.database)
  try {
    // Written to only when a migration is due: on a full disk the reading commands still work.
    if ((await pendingMigrations(db)).length > 0) await migrateToLatest(db)
    return db
  } catch (error) {
    await db.destroy().catch(() => undefined)
    if (databaseFaultOf(error) === 'full') throw error // said in one line by the caller, as any full disk
    throw new StartError(`databasen går inte att öppna: ${describeDatabaseError(error)}`)
  }
}

function describeDatabaseError(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException }
  const code = e.code ?? e.cause?.code
  if (code === 'ECONNREFUSED') return 'ingen svarar på adressen (är PostgreSQL igång?)'
  if (code === 'ENOTFOUND') return 'databasens värdnamn är okänt'
  if (code === '3D000') return 'databasen finns inte (skapa den med createdb)'
  if (code === '28P01' || code === '28000') return 'databasen godtog inte användarnamnet eller lösenordet'
  return (e.cause?.message ?? e.message ?? String(error)).split('\n')[0] ?? 'unknown error'
}
