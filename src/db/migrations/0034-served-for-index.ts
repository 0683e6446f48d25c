import { type Kysely, sql } from 'kysely'

// Frozen in time (see 0001). A meeting's public form names each person of its minutes, linked when
// the person is public in OParl (has a seat, or attended signed-off minutes). When a person becomes
// public or stops being so, the change log decides again the meetings that name them (docs/decisions/
// 0003-kept-public-forms.md) — among them those where the person is only the member a substitute
// served for. These indexes find those rows without reading every roll call of the archive; they
// hold only the substitutes' rows.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('attendance_serving_for')
    .ifNotExists()
    .on('attendance')
    .column('serving_for_person_id')
    .where(sql.ref('serving_for_person_id'), 'is not', null)
    .execute()
  await db.schema
    .createIndex('section_service_serving_for')
    .ifNotExists()
    .on('section_service')
    .column('serving_for_person_id')
    .where(sql.ref('serving_for_person_id'), 'is not', null)
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('section_service_serving_for').ifExists().execute()
  await db.schema.dropIndex('attendance_serving_for').ifExists().execute()
}
