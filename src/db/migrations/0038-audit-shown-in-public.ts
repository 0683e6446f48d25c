import { type Kysely, sql } from 'kysely'

// Frozen in time (see 0001). The page cache keeps a public page until the public change log moves
// or an audit row is written of a kind whose changes show beyond the log (a party renamed, a
// committee's settings, a delegated decision posted: src/domain/audit/audit-kinds.ts). This index
// holds only those rows, so the newest is one step of an index however many drafts the workspace
// has audited since. The list is the one of
// audit-kinds.ts when it was written; a query with another list does not use the index.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('audit_event_shown_in_public')
    .ifNotExists()
    .on('audit_event')
    .column('id')
    .where(
      sql.ref('object_type'),
      'not in',
      sql`(${sql.join(
        [
          'meeting',
          'agenda_item',
          'section',
          'document',
          'notice',
          'person',
          'membership',
          'matter',
          'user_account',
          'webhook',
          'accessibility_feedback',
        ].map((kind) => sql.lit(kind)),
      )})`,
    )
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_event_shown_in_public').ifExists().execute()
}
