import { type Kysely, sql } from 'kysely'

// Frozen in time (see 0001). Disk per protocol (issue 15, docs/decisions/0004), as 0039 did for who
// served: the indexes of 0012 that found a party's attendance and its motions', dissents' and
// statements' authors go (about 0.3 KB a protocol on SQLite: 18 roll-call rows and 12 authors).
// Nothing reads those rows by party since the party page reads its kept record (0035:
// public_activity, public_attendance_total), and a party is never deleted, so no foreign key check
// asks them either. The ballots' index by party stays: the vote table filters a party's ballots.

const unread = [
  ['attendance_party_id', 'attendance'],
  ['motion_author_party_id', 'motion_author'],
  ['dissent_author_party_id', 'dissent_author'],
  ['statement_author_party_id', 'statement_author'],
] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [index] of unread) await sql`drop index if exists ${sql.id(index)}`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [index, table] of unread)
    await sql`create index if not exists ${sql.id(index)} on ${sql.table(table)} (party_id)`.execute(db)
}
