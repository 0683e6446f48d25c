import { performance } from 'node:perf_hooks'
import { inTransaction, type Queryable } from '../../db/database.ts'
import { keptFormVersion } from '../publication/oparl/oparl-kept-forms.ts'
import type { PublicScope } from './public-record.ts'
import { reconcilePublicRecord } from './public-record-reconcile.ts'

/**
 * Decides every scope of the archive again, each in a transaction of its own, and writes what
 * differs from the log: the log's first filling (after an upgrade, a `paragraf generate`) and its
 * repair. On an archive the log already follows it writes nothing, which is what its test checks.
 */
export async function rebuildPublicRecord(
  db: Queryable,
  { batch = 50, inBackground = false } = {},
): Promise<number> {
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
  let worked = 0
  for (let i = 0; i < scopes.length; i += batch) {
    await letRequestsIn(inBackground ? worked : 0)
    const some = scopes.slice(i, i + batch)
    const started = performance.now()
    // Every meeting is decided here anyway, from the tables: no need to follow the persons.
    written += await inTransaction(db, (trx) => reconcilePublicRecord(trx, some, { followNames: false }))
    worked = performance.now() - started
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
  return rebuildPublicRecord(db, { batch: 10, inBackground: true })
}

/**
 * Gives the public meetings whose form is not kept (an archive whose log was filled before 0033),
 * or was kept by another version of Paragraf (keptFormVersion), their kept forms, deciding their scopes again: once, in the background, when a server starts.
 * Until then OParl builds those meetings from the tables, as before. Each meeting is tried once
 * (by id, upwards), so one that cannot be kept does not hold the rest. Returns how many were decided.
 */
export async function keepMissingForms(db: Queryable, { batch = 5 } = {}): Promise<number> {
  let after = 0
  let decided = 0
  for (;;) {
    const ids = (
      await db
        .selectFrom('public_object')
        .select('object_id')
        .where('kind', '=', 'meeting')
        .where('public', '=', true)
        .where('object_id', '>', after)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('public_form')
                .select('public_form.object_id')
                .where('public_form.kind', '=', 'meeting')
                .where('public_form.version', '=', keptFormVersion)
                .whereRef('public_form.object_id', '=', 'public_object.object_id'),
            ),
          ),
        )
        .orderBy('object_id')
        .limit(batch)
        .execute()
    ).map((r) => r.object_id)
    if (ids.length === 0) return decided
    const started = performance.now()
    await inTransaction(db, (trx) =>
      reconcilePublicRecord(
        trx,
        ids.map((meetingId) => ({ meetingId })),
      ),
    )
    decided += ids.length
    after = ids.at(-1) as number
    await letRequestsIn(performance.now() - started)
  }
}

/**
 * Lets the server answer what came in while a batch was decided, and rests as long as the batch
 * worked. On SQLite a batch runs without giving the event loop back (better-sqlite3 is
 * synchronous), so a fill in the background of a server would otherwise keep its visitors waiting
 * until the whole archive is done (24 s for the first OParl page at 100,000 agenda items); and with
 * only a turn of the event loop between batches, a fill after an upgrade took the server's whole
 * core for 10–20 minutes at a million items (the stylesheet 220 ms p50). Resting as long as it
 * worked leaves visitors at least half the core; small batches bound what one waits for.
 */
const letRequestsIn = (workedMs: number) =>
  new Promise<void>((resolve) =>
    workedMs > 0 ? setTimeout(resolve, Math.min(workedMs, 1_000)) : setImmediate(resolve),
  )
