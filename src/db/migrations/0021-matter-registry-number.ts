import type { Kysely } from 'kysely'

// Frozen in time (see 0001). The matter page and its feed find a matter by its registry number
// alone (the address has no organisation); the unique index begins with the organisation, so the
// lookup scanned every matter of the archive (issue 15: 33 ms at 100,000 agenda items).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('matter_registry_number')
    .ifNotExists()
    .on('matter')
    .column('registry_number')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('matter_registry_number').ifExists().execute()
}
