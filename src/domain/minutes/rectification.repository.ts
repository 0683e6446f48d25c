import type { Queryable, Trx } from '../../db/database.ts'
import { groupBy } from '../shared/group-by.ts'
import type { Rectification, SectionText } from './rectification.ts'

export async function insertRectification(
  db: Trx,
  values: Omit<Rectification, 'id'>,
): Promise<Rectification> {
  const row = await db
    .insertInto('rectification')
    .values({
      section_id: values.sectionId,
      reason: values.reason,
      before: JSON.stringify(values.before),
      after: JSON.stringify(values.after),
      rectified_on: values.rectifiedOn,
      actor: values.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { ...values, id: row.id }
}

/** The rectifications of some §§, oldest first, by §. */
export async function listRectifications(
  db: Queryable,
  sectionIds: readonly number[],
): Promise<Map<number, Rectification[]>> {
  if (sectionIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('rectification')
    .selectAll()
    .where('section_id', 'in', [...sectionIds])
    .orderBy('id')
    .execute()
  return groupBy(
    rows,
    (r) => r.section_id,
    (r): Rectification => ({
      id: r.id,
      sectionId: r.section_id,
      reason: r.reason,
      before: JSON.parse(r.before) as SectionText,
      after: JSON.parse(r.after) as SectionText,
      rectifiedOn: r.rectified_on,
      actor: r.actor,
    }),
  )
}
