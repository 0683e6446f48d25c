import { type Kysely, PostgresAdapter } from 'kysely'

// Frozen in time (see 0001). What enforcing the rules of domain.md M, B and A needed beyond 0005:
// when the chair declared the meeting closed (a dissent must be announced before that, KL 4:27), and
// which delegated decisions were the chair's urgent ones (reported at the next meeting, KL 6:39–40).

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  const timestamp = postgres ? 'timestamptz' : 'text'
  const flag = postgres ? 'boolean' : 'integer'
  await db.schema.alterTable('minutes').addColumn('meeting_closed_at', timestamp).execute()
  await db.schema
    .alterTable('delegated_decision')
    .addColumn('urgent', flag, (c) => c.notNull().defaultTo(postgres ? false : 0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('delegated_decision').dropColumn('urgent').execute()
  await db.schema.alterTable('minutes').dropColumn('meeting_closed_at').execute()
}
