import { inTransaction, type Queryable } from '../../db/database.ts'
import type { PublicScope } from './public-record.ts'
import { reconcilePublicRecord } from './public-record-reconcile.ts'

/**
 * Decides every scope of the archive again, each in a transaction of its own, and writes what
 * differs from the log: the log's first filling (after an upgrade, a `paragraf generate`) and its
 * repair. On an archive the log already follows it writes nothing, which is what its test checks.
 */
export async function rebuildPublicRecord(db: Queryable, { batch = 50 } = {}): Promise<number> {
  const scopes: PublicScope[] = [
    ...(await db.selectFrom('meeting').select('id').orderBy('id').execute()).map((r) => ({
      meetingId: r.id,
    })),
    ...(await db.selectFrom('committee').select('id').orderBy('id').execute()).map((r) => ({
      committeeId: r.id,
    })),
    ...(await db.selectFrom('person').select('id').orderBy('id').execute()).map((r) => ({ personId: r.id })),
    ...(await db.selectFrom('matter').select('id').orderBy('id').execute()).map((r) => ({ matterId: r.id })),
  ]
  let written = 0
  for (let i = 0; i < scopes.length; i += batch) {
    const some = scopes.slice(i, i + batch)
    written += await inTransaction(db, (trx) => reconcilePublicRecord(trx, some))
  }
  return written
}

/**
 * Fills the log of an archive that has none (one kept before the log existed, or restored from
 * such a backup): once, when a server starts. Several servers starting at once may each begin;
 * the log's lock and the digests make the second write nothing. Returns how many changes were
 * written, or undefined when the log was not empty or there is no archive.
 */
export async function fillPublicRecordIfEmpty(db: Queryable): Promise<number | undefined> {
  const logged = await db.selectFrom('public_object').select('kind').limit(1).executeTakeFirst()
  const archived = await db.selectFrom('meeting').select('id').limit(1).executeTakeFirst()
  if (logged || !archived) return undefined
  return rebuildPublicRecord(db)
}
