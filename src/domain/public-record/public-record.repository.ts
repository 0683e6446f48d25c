import { sql } from 'kysely'
import type { Queryable, Trx } from '../../db/database.ts'
import { dialectOf } from '../../db/dialect.ts'
import type { PublicAction, PublicChange, PublicKind, PublicObjectState } from './public-record.ts'

export interface StoredObject {
  kind: PublicKind
  objectId: number
  organisationId: number
  scope: string
  public: boolean
  digest: string | null
}

/** The stored state of some objects, and of every object last decided in some scopes. */
export async function listStoredObjects(
  db: Queryable,
  keys: readonly { kind: PublicKind; objectId: number }[],
  scopes: readonly string[],
): Promise<StoredObject[]> {
  const byKind = new Map<PublicKind, number[]>()
  for (const k of keys) byKind.set(k.kind, [...(byKind.get(k.kind) ?? []), k.objectId])
  const rows = [
    ...(scopes.length
      ? await db
          .selectFrom('public_object')
          .selectAll()
          .where('scope', 'in', [...scopes])
          .execute()
      : []),
  ]
  for (const [kind, ids] of byKind)
    for (let i = 0; i < ids.length; i += 500)
      rows.push(
        ...(await db
          .selectFrom('public_object')
          .selectAll()
          .where('kind', '=', kind)
          .where('object_id', 'in', ids.slice(i, i + 500))
          .execute()),
      )
  const seen = new Map<string, StoredObject>()
  for (const r of rows)
    seen.set(`${r.kind}:${r.object_id}`, {
      kind: r.kind as PublicKind,
      objectId: r.object_id,
      organisationId: r.organisation_id,
      scope: r.scope,
      public: Boolean(r.public),
      digest: r.digest,
    })
  return [...seen.values()]
}

/**
 * Holds the log's writers in line until the transaction ends: sequence numbers are then committed
 * in their order, so a reader following `seq` never misses one committed late (PostgreSQL; SQLite
 * has one writer at a time anyway).
 */
export async function lockPublicChangeLog(db: Queryable): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`select pg_advisory_xact_lock(72616772)`.execute(db)
}

/** Appends to the log and writes the object's state, in the caller's transaction. */
export async function writePublicChange(
  trx: Trx,
  change: {
    kind: PublicKind
    objectId: number
    organisationId: number
    scope: string
    action: PublicAction
    digest: string | null
    at: string
    existed: boolean
  },
): Promise<number> {
  const { seq } = await trx
    .insertInto('public_change')
    .values({
      kind: change.kind,
      object_id: change.objectId,
      organisation_id: change.organisationId,
      action: change.action,
      changed_at: change.at,
    })
    .returning('seq')
    .executeTakeFirstOrThrow()
  const isPublic = change.action !== 'vanished'
  if (change.existed)
    await trx
      .updateTable('public_object')
      .set({
        organisation_id: change.organisationId,
        scope: change.scope,
        public: isPublic,
        digest: change.digest,
        modified_at: change.at,
        seq,
      })
      .where('kind', '=', change.kind)
      .where('object_id', '=', change.objectId)
      .execute()
  else
    await trx
      .insertInto('public_object')
      .values({
        kind: change.kind,
        object_id: change.objectId,
        organisation_id: change.organisationId,
        scope: change.scope,
        public: isPublic,
        digest: change.digest,
        first_public_at: change.at,
        modified_at: change.at,
        seq,
      })
      .execute()
  return seq
}

/** Moves an unchanged object to the scope it was last decided from. */
export async function moveToScope(trx: Trx, kind: PublicKind, objectId: number, scope: string) {
  await trx
    .updateTable('public_object')
    .set({ scope })
    .where('kind', '=', kind)
    .where('object_id', '=', objectId)
    .execute()
}

/** A page of the log after a sequence number, oldest first. */
export async function listPublicChanges(
  db: Queryable,
  filter: { after: number; limit: number; organisationId?: number },
): Promise<PublicChange[]> {
  let query = db
    .selectFrom('public_change')
    .selectAll()
    .where('seq', '>', filter.after)
    .orderBy('seq')
    .limit(filter.limit)
  if (filter.organisationId !== undefined) query = query.where('organisation_id', '=', filter.organisationId)
  const rows = await query.execute()
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind as PublicKind,
    objectId: r.object_id,
    organisationId: r.organisation_id,
    action: r.action,
    changedAt: new Date(r.changed_at).toISOString(),
  }))
}

/** What the log says of some objects of one kind. */
export async function listPublicObjectStates(
  db: Queryable,
  kind: PublicKind,
  ids: readonly number[],
): Promise<Map<number, PublicObjectState>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('public_object')
    .selectAll()
    .where('kind', '=', kind)
    .where('object_id', 'in', [...ids])
    .execute()
  return new Map(rows.map((r) => [r.object_id, toState(r)]))
}

/** Which objects of a kind were public and are no more, changed in a window: OParl's tombstones (2-08). */
function vanishedQuery(
  db: Queryable,
  filter: { kind: PublicKind; organisationId: number; window: VanishedWindow },
) {
  const { window } = filter
  let query = db
    .selectFrom('public_object')
    .where('organisation_id', '=', filter.organisationId)
    .where('kind', '=', filter.kind)
    .where('public', '=', false)
  if (window.modifiedSince) query = query.where('modified_at', '>=', window.modifiedSince)
  if (window.modifiedUntil) query = query.where('modified_at', '<=', window.modifiedUntil)
  if (window.createdSince) query = query.where('first_public_at', '>=', window.createdSince)
  if (window.createdUntil) query = query.where('first_public_at', '<=', window.createdUntil)
  return query
}

export interface VanishedWindow {
  createdSince?: string
  createdUntil?: string
  modifiedSince?: string
  modifiedUntil?: string
}

/** A page of tombstones, in the order of their ids. */
export async function listVanished(
  db: Queryable,
  filter: {
    kind: PublicKind
    organisationId: number
    window?: VanishedWindow
    limit: number
    offset?: number
  },
): Promise<PublicObjectState[]> {
  const rows = await vanishedQuery(db, { ...filter, window: filter.window ?? {} })
    .selectAll()
    .orderBy('object_id')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute()
  return rows.map(toState)
}

export async function countVanished(
  db: Queryable,
  filter: { kind: PublicKind; organisationId: number; window: VanishedWindow },
): Promise<number> {
  const row = await vanishedQuery(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

function toState(r: {
  kind: string
  object_id: number
  organisation_id: number
  public: boolean | number
  first_public_at: string
  modified_at: string
  seq: number
}): PublicObjectState {
  return {
    kind: r.kind as PublicKind,
    objectId: r.object_id,
    organisationId: r.organisation_id,
    public: Boolean(r.public),
    firstPublicAt: new Date(r.first_public_at).toISOString(),
    modifiedAt: new Date(r.modified_at).toISOString(),
    seq: r.seq,
  }
}

/** Whether a document's file was public once and is no more (a tombstone). */
export async function wasPublicFile(db: Queryable, documentId: number): Promise<boolean> {
  const row = await db
    .selectFrom('public_object')
    .select('public')
    .where('kind', '=', 'file')
    .where('object_id', '=', documentId)
    .executeTakeFirst()
  return row !== undefined && !row.public
}

/** A public form kept as it was decided (0033): deflated JSON and the first day it is the day's form. */
export interface KeptForm {
  steadyFrom: string | null
  form: Buffer
}

/** The kept forms of some objects of one kind, whatever their steady day (the reconciler compares them). */
export async function listKeptForms(
  db: Queryable,
  kind: PublicKind,
  ids: readonly number[],
): Promise<Map<number, KeptForm>> {
  const kept = new Map<number, KeptForm>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('public_form')
      .select(['object_id', 'steady_from', 'form'])
      .where('kind', '=', kind)
      .where('object_id', 'in', ids.slice(i, i + 500))
      .execute()
    for (const r of rows) kept.set(r.object_id, { steadyFrom: r.steady_from, form: r.form })
  }
  return kept
}

/** The kept forms of some objects that are the day's form on `today`: a lookup by key each. */
export async function listKeptFormsSteadyOn(
  db: Queryable,
  kind: PublicKind,
  ids: readonly number[],
  today: string,
): Promise<Map<number, Buffer>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('public_form')
    .select(['object_id', 'form'])
    .where('kind', '=', kind)
    .where('object_id', 'in', [...ids])
    .where((eb) => eb.or([eb('steady_from', 'is', null), eb('steady_from', '<=', today)]))
    .execute()
  return new Map(rows.map((r) => [r.object_id, r.form]))
}

/** Keeps an object's public form, replacing the one kept before. */
export async function keepForm(trx: Trx, kind: PublicKind, objectId: number, kept: KeptForm) {
  await trx
    .insertInto('public_form')
    .values({ kind, object_id: objectId, steady_from: kept.steadyFrom, form: kept.form })
    .onConflict((oc) =>
      oc.columns(['kind', 'object_id']).doUpdateSet({ steady_from: kept.steadyFrom, form: kept.form }),
    )
    .execute()
}

/** Forgets the kept forms of objects no longer public. */
export async function dropKeptForms(trx: Trx, kind: PublicKind, ids: readonly number[]) {
  for (let i = 0; i < ids.length; i += 500)
    await trx
      .deleteFrom('public_form')
      .where('kind', '=', kind)
      .where('object_id', 'in', ids.slice(i, i + 500))
      .execute()
}
