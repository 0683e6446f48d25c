import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time (see 0001). Administrators keep the accounts in the workspace. An account remembers
// which organisation opened it, so one without a role or a linked person still shows in that
// organisation's list instead of belonging nowhere (accounts from the command line have none), and
// when its user last signed in, for the administrator to see accounts that are no longer used.

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .alterTable('user_account')
    .addColumn('organisation_id', 'integer', (c) => c.references('organisation.id').onDelete('set null'))
    .execute()
  await db.schema
    .alterTable('user_account')
    .addColumn('last_signed_in_at', postgres ? 'timestamptz' : 'text')
    .execute()
  // The accounts from before: the organisation of their first role is their home.
  await sql`update user_account set organisation_id = (select g.organisation_id from role_grant g where g.user_id = user_account.id order by g.id limit 1)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('user_account').dropColumn('last_signed_in_at').execute()
  await db.schema.alterTable('user_account').dropColumn('organisation_id').execute()
}
