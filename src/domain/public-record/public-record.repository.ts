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
      digest: r.digest?.toString('hex') ?? null,
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

/** A change to append to the log, with the object's new state. */
export interface PublicChangeWrite {
  kind: PublicKind
  objectId: number
  organisationId: number
  scope: string
  action: PublicAction
  digest: string | null
  at: string
  /** Whether the object has a row already (it was public once): updated, else inserted. */
  existed: boolean
}

/** Rows a statement carries: well under SQLite's 32,766 parameters at nine columns. */
const rowsAStatement = 500

/**
 * Appends changes to the log in their order and writes each object's state, in the caller's
 * transaction: a statement per 500 changes and per 500 new objects, so filling the log of an
 * archive (a change for every object) is not two round trips an object. An object changes at most
 * once in a call.
 */
export async function writePublicChanges(trx: Trx, changes: readonly PublicChangeWrite[]): Promise<void> {
  const seqOf = new Map<string, number>()
  for (let i = 0; i < changes.length; i += rowsAStatement) {
    const rows = await trx
      .insertInto('public_change')
      .values(
        changes.slice(i, i + rowsAStatement).map((change) => ({
          kind: change.kind,
          object_id: change.objectId,
          organisation_id: change.organisationId,
          action: change.action,
          changed_at: change.at,
        })),
      )
      .returning(['seq', 'kind', 'object_id'])
      .execute()
    for (const row of rows) seqOf.set(`${row.kind}:${row.object_id}`, row.seq)
  }
  const seqs = changes.map((change) => seqOf.get(`${change.kind}:${change.objectId}`) as number)
  const state = (change: PublicChangeWrite, seq: number) => ({
    organisation_id: change.organisationId,
    scope: change.scope,
    public: change.action !== 'vanished',
    // Kept as its 32 bytes (0039); compared as the hexadecimal text it is everywhere else.
    digest: change.digest === null ? null : Buffer.from(change.digest, 'hex'),
    modified_at: change.at,
    seq,
  })
  const added = changes.flatMap((change, i) =>
    change.existed
      ? []
      : [
          {
            kind: change.kind,
            object_id: change.objectId,
            first_public_at: change.at,
            ...state(change, seqs[i] as number),
          },
        ],
  )
  for (let i = 0; i < added.length; i += rowsAStatement)
    await trx
      .insertInto('public_object')
      .values(added.slice(i, i + rowsAStatement))
      .execute()
  for (const [i, change] of changes.entries())
    if (change.existed)
      await trx
        .updateTable('public_object')
        .set(state(change, seqs[i] as number))
        .where('kind', '=', change.kind)
        .where('object_id', '=', change.objectId)
        .execute()
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
  version: number
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
      .select(['object_id', 'version', 'steady_from', 'form'])
      .where('kind', '=', kind)
      .where('object_id', 'in', ids.slice(i, i + 500))
      .execute()
    for (const r of rows)
      kept.set(r.object_id, { version: r.version, steadyFrom: r.steady_from, form: r.form })
  }
  return kept
}

/** The kept forms of some objects, of `version`, that are the day's form on `today`: a lookup by key each. */
export async function listKeptFormsSteadyOn(
  db: Queryable,
  kind: PublicKind,
  ids: readonly number[],
  { today, version }: { today: string; version: number },
): Promise<Map<number, Buffer>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('public_form')
    .select(['object_id', 'form'])
    .where('kind', '=', kind)
    .where('object_id', 'in', [...ids])
    .where('version', '=', version)
    .where((eb) => eb.or([eb('steady_from', 'is', null), eb('steady_from', '<=', today)]))
    .execute()
  return new Map(rows.map((r) => [r.object_id, r.form]))
}

/** Keeps an object's public form, replacing the one kept before. */
export async function keepForm(trx: Trx, kind: PublicKind, objectId: number, kept: KeptForm) {
  await trx
    .insertInto('public_form')
    .values({
      kind,
      object_id: objectId,
      version: kept.version,
      steady_from: kept.steadyFrom,
      form: kept.form,
    })
    .onConflict((oc) =>
      oc
        .columns(['kind', 'object_id'])
        .doUpdateSet({ version: kept.version, steady_from: kept.steadyFrom, form: kept.form }),
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

/**
 * The meetings whose minutes name some persons: on the roll call (present, absent or the member a
 * substitute served for), as serving at a §, as authors of motions, dissents and statements, in ballots.
 */
export async function listMeetingsNaming(db: Queryable, personIds: readonly number[]): Promise<number[]> {
  if (personIds.length === 0) return []
  const ids = [...personIds]
  const sectionIds = db
    .selectFrom('section_service')
    .select('section_id')
    .where((eb) => eb.or([eb('person_id', 'in', ids), eb('serving_for_person_id', 'in', ids)]))
    .union(
      db
        .selectFrom('motion_author')
        .innerJoin('motion', 'motion.id', 'motion_author.motion_id')
        .select('motion.section_id')
        .where('motion_author.person_id', 'in', ids),
    )
    .union(
      db
        .selectFrom('dissent_author')
        .innerJoin('dissent', 'dissent.id', 'dissent_author.dissent_id')
        .select('dissent.section_id')
        .where('dissent_author.person_id', 'in', ids),
    )
    .union(
      db
        .selectFrom('statement_author')
        .innerJoin('statement', 'statement.id', 'statement_author.statement_id')
        .select('statement.section_id')
        .where('statement_author.person_id', 'in', ids),
    )
    .union(
      db
        .selectFrom('ballot')
        .innerJoin('vote', 'vote.id', 'ballot.vote_id')
        .select('vote.section_id')
        .where('ballot.person_id', 'in', ids),
    )
  const rows = await db
    .selectFrom('attendance')
    .select('meeting_id')
    .where((eb) => eb.or([eb('person_id', 'in', ids), eb('serving_for_person_id', 'in', ids)]))
    .union(
      db
        .selectFrom('section')
        .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
        .select('minutes.meeting_id')
        .where('section.id', 'in', sectionIds),
    )
    .execute()
  return [...new Set(rows.map((r) => r.meeting_id))]
}
