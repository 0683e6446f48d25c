import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time (see 0001). Disk per protocol (issue 15, docs/decisions/0004): who served at each §
// is about 107 rows a protocol, and each kept the time it was written (2.5 of 4.4 KB on SQLite).
// Nothing shows it. The one reader, OParl's `modified` of an agenda item computed from its rows
// (oparl-change-times.repository.ts), no longer needs it: a service is recorded only while its § can
// be edited, before the signature that makes the § public, and that signature's time is read.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table section_service drop column created_at`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  // Every row gets the time of the migration back: the one a row was written is gone.
  await sql`alter table section_service add column created_at ${
    postgres ? sql`timestamptz not null default now()` : sql`text not null default '1970-01-01T00:00:00.000Z'`
  }`.execute(db)
  if (!postgres)
    await sql`update section_service set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`.execute(db)
}
