import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely'
import { dialectOf } from './dialect.ts'
import * as domainModel from './migrations/0001-domain-model.ts'
import * as search from './migrations/0002-search.ts'
import * as accounts from './migrations/0003-accounts.ts'
import * as noticeMail from './migrations/0004-notice-mail.ts'
import * as afterTheMeeting from './migrations/0005-after-the-meeting.ts'
import * as decisionFormalities from './migrations/0006-decision-formalities.ts'
import * as signOffReminders from './migrations/0007-sign-off-reminders.ts'
import * as accessibilityFeedback from './migrations/0008-accessibility-feedback.ts'
import * as userAdmin from './migrations/0009-user-admin.ts'
import * as subscriptions from './migrations/0010-subscriptions.ts'
import * as publicReadIndexes from './migrations/0012-public-read-indexes.ts'
import * as reachableSlugs from './migrations/0015-reachable-slugs.ts'
import * as recordSeals from './migrations/0016-record-seals.ts'
import * as authorParties from './migrations/0017-author-parties.ts'
import * as signatoryComments from './migrations/0018-signatory-comments.ts'
import * as changeDocument from './migrations/0019-change-document.ts'
import * as signingMethods from './migrations/0020-signing-methods.ts'
import * as matterRegistryNumber from './migrations/0021-matter-registry-number.ts'
import * as searchDateOrder from './migrations/0022-search-date-order.ts'
import * as signingFlows from './migrations/0023-signing-flows.ts'
import * as publicChangeLog from './migrations/0024-public-change-log.ts'
import * as webhooks from './migrations/0025-webhooks.ts'
import * as alertTargets from './migrations/0026-alert-targets.ts'
import * as staffSignIn from './migrations/0027-staff-sign-in.ts'
import * as signInMethodAndSealedTotp from './migrations/0028-sign-in-method-and-sealed-totp.ts'
import * as searchVocabulary from './migrations/0030-search-vocabulary.ts'
import * as searchTextDeflated from './migrations/0031-search-text-deflated.ts'
import * as signOffDateOrder from './migrations/0032-sign-off-date-order.ts'
import * as publicFormsKept from './migrations/0033-public-forms-kept.ts'
import * as servedForIndex from './migrations/0034-served-for-index.ts'
import * as publicActivity from './migrations/0035-public-activity.ts'
import * as searchTitleIndex from './migrations/0036-search-title-index.ts'
import * as auditShownInPublic from './migrations/0038-audit-shown-in-public.ts'
import * as diskPerProtocol from './migrations/0039-disk-per-protocol.ts'
import * as sectionSummaryOnce from './migrations/0040-section-summary-once.ts'
import * as servicesWithoutTime from './migrations/0041-services-without-time.ts'
import * as rowsWithoutTheirOwnKeys from './migrations/0042-rows-without-their-own-keys.ts'
import * as noIndexesByParty from './migrations/0044-no-indexes-by-party.ts'

// Listed by hand rather than read from the folder, so the built dist/ and tsx behave the same.
const migrations: Record<string, Migration> = {
  '0001-domain-model': domainModel,
  '0002-search': search,
  '0003-accounts': accounts,
  '0004-notice-mail': noticeMail,
  '0005-after-the-meeting': afterTheMeeting,
  '0006-decision-formalities': decisionFormalities,
  '0007-sign-off-reminders': signOffReminders,
  '0008-accessibility-feedback': accessibilityFeedback,
  '0009-user-admin': userAdmin,
  '0010-subscriptions': subscriptions,
  '0012-public-read-indexes': publicReadIndexes,
  '0015-reachable-slugs': reachableSlugs,
  '0016-record-seals': recordSeals,
  '0017-author-parties': authorParties,
  '0018-signatory-comments': signatoryComments,
  '0019-change-document': changeDocument,
  '0020-signing-methods': signingMethods,
  '0021-matter-registry-number': matterRegistryNumber,
  '0022-search-date-order': searchDateOrder,
  '0023-signing-flows': signingFlows,
  '0024-public-change-log': publicChangeLog,
  '0025-webhooks': webhooks,
  '0026-alert-targets': alertTargets,
  '0027-staff-sign-in': staffSignIn,
  '0028-sign-in-method-and-sealed-totp': signInMethodAndSealedTotp,
  '0030-search-vocabulary': searchVocabulary,
  '0031-search-text-deflated': searchTextDeflated,
  '0032-sign-off-date-order': signOffDateOrder,
  '0033-public-forms-kept': publicFormsKept,
  '0034-served-for-index': servedForIndex,
  '0035-public-activity': publicActivity,
  '0036-search-title-index': searchTitleIndex,
  '0038-audit-shown-in-public': auditShownInPublic,
  '0039-disk-per-protocol': diskPerProtocol,
  '0040-section-summary-once': sectionSummaryOnce,
  '0041-services-without-time': servicesWithoutTime,
  '0042-rows-without-their-own-keys': rowsWithoutTheirOwnKeys,
  '0044-no-indexes-by-party': noIndexesByParty,
}

/** Brings the schema up to date. On PostgreSQL, Kysely holds an advisory lock, so several app servers may start at once. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema types hold
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = await migratorFor(db)
  const result: MigrationResultSet = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName
    throw new MigrationError(failed, result.error)
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** The migrations of this version that the database has not run yet: none when it is ready to serve. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema types hold
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  // Read from Kysely's own table, one read: its migrator first lists every table of every schema in
  // the database to find it, seconds on a PostgreSQL shared by many schemas, and /ready asks this
  // at every probe of a load balancer.
  const done = await sql<{ name: string }>`select name from kysely_migration`.execute(db).then(
    ({ rows }) => new Set(rows.map((row) => row.name)),
    (error: { code?: string; message?: string }) => {
      // A database never migrated has no such table (PostgreSQL 42P01): everything is pending.
      if (error.code === '42P01' || /no such table/.test(error.message ?? '')) return new Set<string>()
      throw error
    },
  )
  return Object.keys(migrations)
    .sort()
    .filter((name) => !done.has(name))
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema types hold
async function migratorFor(db: Kysely<any>): Promise<Migrator> {
  // Kysely looks for its own tables in every schema unless told which: name the current one, so a
  // second schema in the same database (another test run, another app) is not taken for this one.
  const migrationTableSchema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  })
}

export class MigrationError extends Error {
  constructor(migration: string | undefined, cause: unknown) {
    super(
      `migration ${migration ?? '(unknown)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    )
  }
}
