import { keptInTransaction, type Queryable, readOncePerTransaction, type Trx } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import { partialLocalSettingsSchema } from '../organisation/local-settings.ts'
import { NotFoundError } from '../shared/errors.ts'
import { readJsonObject } from '../shared/json-text.ts'
import type { Committee, CommitteeKind } from './committee.ts'

function toCommittee(row: Selected<'committee'>): Committee {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    parentId: row.parent_id,
    name: row.name,
    slug: row.slug,
    kind: row.kind as CommitteeKind,
    seats: row.seats,
    settings: partialLocalSettingsSchema.parse(readJsonObject(row.settings)),
  }
}

export async function findCommitteeBySlug(db: Queryable, slug: string): Promise<Committee | undefined> {
  const row = await db.selectFrom('committee').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && toCommittee(row)
}

/** The committee; read once per transaction (updateCommitteeRow keeps what it wrote). */
export function getCommittee(db: Queryable, id: number): Promise<Committee> {
  return readOncePerTransaction(db, `committee:${id}`, async () => {
    const row = await db.selectFrom('committee').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw new NotFoundError('committee', id)
    return toCommittee(row)
  })
}

export async function listCommitteeRows(db: Queryable, organisationId?: number): Promise<Committee[]> {
  let query = db.selectFrom('committee').selectAll().orderBy('name')
  if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId)
  return (await query.execute()).map(toCommittee)
}

export async function listSlugsStartingWith(db: Queryable, base: string): Promise<Set<string>> {
  const rows = await db.selectFrom('committee').select('slug').where('slug', 'like', `${base}%`).execute()
  return new Set(rows.map((r) => r.slug))
}

export async function insertCommittee(trx: Trx, values: Omit<Committee, 'id'>): Promise<Committee> {
  const row = await trx
    .insertInto('committee')
    .values({
      organisation_id: values.organisationId,
      parent_id: values.parentId,
      name: values.name,
      slug: values.slug,
      kind: values.kind,
      seats: values.seats,
      settings: JSON.stringify(values.settings),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toCommittee(row)
}

export async function updateCommitteeRow(
  trx: Trx,
  id: number,
  values: Partial<Pick<Committee, 'name' | 'seats' | 'settings'>>,
): Promise<Committee> {
  const row = await trx
    .updateTable('committee')
    .set({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.seats !== undefined ? { seats: values.seats } : {}),
      ...(values.settings !== undefined ? { settings: JSON.stringify(values.settings) } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new NotFoundError('committee', id)
  return keptInTransaction(trx, `committee:${id}`, toCommittee(row))
}
