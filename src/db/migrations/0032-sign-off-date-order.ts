import type { Kysely } from 'kysely'

// Frozen in time (see 0001). The minutes feed (/floden/protokoll.atom and each committee's) lists
// the latest sign-offs by their day: without an index on it, every sign-off of the archive was
// joined to its meeting and sorted to take fifty (42 ms at 100,000 agenda items on PostgreSQL,
// growing with the archive). Read backwards, the index stops at the end of the feed.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('sign_off_date_order')
    .ifNotExists()
    .on('sign_off')
    .columns(['signed_off_on', 'id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sign_off_date_order').ifExists().execute()
}
