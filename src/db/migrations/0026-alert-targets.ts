import type { Kysely } from 'kysely'

// Frozen in time (see 0001). Two more things an address may follow by e-mail (bevakning):
//  - a person (target_kind 'person'): what the public minutes record of them. The row goes with
//    the person (cascade), as a committee's goes with the committee.
//  - a saved search (target_kind 'search'): the words and filters of a search on the portal, kept
//    as the JSON the subscription module writes ({"q":…,"committeeSlug":…,"year":…,"kind":…,"party":…},
//    keys in that order), which is also what target_key compares ('search:' + that JSON).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('subscription')
    .addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('cascade'))
    .execute()
  await db.schema.alterTable('subscription').addColumn('search_query', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('subscription').dropColumn('search_query').execute()
  await db.schema.alterTable('subscription').dropColumn('person_id').execute()
}
