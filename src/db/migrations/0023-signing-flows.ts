import { type Kysely, PostgresAdapter } from 'kysely'

// Frozen in time (see 0001). A signing with an e-legitimation under way (issue 12): the OIDC state,
// the PKCE verifier and the nonce, between the redirect to the broker and its answer. Kept in the
// database, not in a server's memory, so the answer may reach any of several app servers (as the
// sessions do, 0003). Deleted when answered; ten minutes at most.

export async function up(db: Kysely<unknown>): Promise<void> {
  const timestamp = db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : 'text'
  await db.schema
    .createTable('signing_flow')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('sign_off_id', 'integer', (c) => c.references('sign_off.id').notNull().onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.references('person.id').notNull().onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('user_account.id').notNull().onDelete('cascade'))
    .addColumn('verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('signing_flow_expires').on('signing_flow').columns(['expires_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('signing_flow').execute()
}
