import { keptInTransaction, type Queryable, readOncePerTransaction, type Trx } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import { NotFoundError } from '../shared/errors.ts'
import { readJsonObject } from '../shared/json-text.ts'
import { partialLocalSettingsSchema } from './local-settings.ts'
import type { Organisation, OrganisationKind } from './organisation.ts'

function toOrganisation(row: Selected<'organisation'>): Organisation {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    kind: row.kind as OrganisationKind,
    settings: partialLocalSettingsSchema.parse(readJsonObject(row.settings)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function findOrganisationBySlug(db: Queryable, slug: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisation').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && toOrganisation(row)
}

/**
 * The organisation; read once per transaction (insertOrganisation and updateOrganisationRow keep
 * what they wrote): an imported protocol's use cases read its settings four times (issue 15).
 */
export function getOrganisation(db: Queryable, id: number): Promise<Organisation> {
  return readOncePerTransaction(db, `organisation:${id}`, async () => {
    const row = await db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw new NotFoundError('organisation', id)
    return toOrganisation(row)
  })
}

export async function listOrganisations(db: Queryable): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisation').selectAll().orderBy('name').execute()
  return rows.map(toOrganisation)
}

export async function insertOrganisation(
  trx: Trx,
  values: { name: string; slug: string; kind: OrganisationKind; settings: object },
): Promise<Organisation> {
  const row = await trx
    .insertInto('organisation')
    .values({ ...values, settings: JSON.stringify(values.settings) })
    .returningAll()
    .executeTakeFirstOrThrow()
  return keptInTransaction(trx, `organisation:${row.id}`, toOrganisation(row))
}

export async function updateOrganisationRow(
  trx: Trx,
  id: number,
  values: { name?: string; settings?: object },
): Promise<Organisation> {
  const row = await trx
    .updateTable('organisation')
    .set({
      ...(values.name ? { name: values.name } : {}),
      ...(values.settings ? { settings: JSON.stringify(values.settings) } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new NotFoundError('organisation', id)
  return keptInTransaction(trx, `organisation:${id}`, toOrganisation(row))
}
