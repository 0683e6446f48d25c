import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time (see 0001). Disk per imported protocol (issue 15, docs/decisions/0004):
//   - public_object.digest, the SHA-256 of an object's public form, is kept as its 32 bytes
//     instead of 64 hexadecimal characters (about 25 objects a protocol). The application still
//     compares digests as hexadecimal text: the repository converts at the table's edge.
//   - section_service_party_id (0012) goes: no query reads who served at a § by party (the party
//     pages read the kept activity of 0035), and a party is never deleted, so no foreign key check
//     asks it either. About 1 KB a protocol on SQLite (107 rows).
// Both databases, so that the column has one type; SQLite keeps its rows and their order.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists section_service_party_id`.execute(db)
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table public_object alter column digest type bytea using decode(digest, 'hex')`.execute(
      db,
    )
    return
  }
  // All or nothing: Kysely runs SQLite's migrations outside a transaction. unhex() is SQLite 3.41's.
  await db.transaction().execute(async (trx) => {
    await sql`alter table public_object rename column digest to digest_hex`.execute(trx)
    await sql`alter table public_object add column digest blob`.execute(trx)
    await sql`update public_object set digest = unhex(digest_hex) where digest_hex is not null`.execute(trx)
    await sql`alter table public_object drop column digest_hex`.execute(trx)
  })
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists section_service_party_id on section_service (party_id)`.execute(db)
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table public_object alter column digest type text using encode(digest, 'hex')`.execute(db)
    return
  }
  await db.transaction().execute(async (trx) => {
    await sql`alter table public_object rename column digest to digest_bytes`.execute(trx)
    await sql`alter table public_object add column digest text`.execute(trx)
    await sql`update public_object set digest = lower(hex(digest_bytes)) where digest_bytes is not null`.execute(
      trx,
    )
    await sql`alter table public_object drop column digest_bytes`.execute(trx)
  })
}
