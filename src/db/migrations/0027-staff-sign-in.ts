import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time (see 0001). Staff sign-in (issue 12, item 4):
// - a handed-out password (a new account's, an administrator's reset) must be changed at first
//   login (must_change_password);
// - a password account may add TOTP (RFC 6238) as a second factor: the secret, one being enrolled,
//   when it was turned on, and the last time step used, so no code is accepted twice;
// - an organisation may require it of its administrators;
// - a sign-in through the organisation's identity provider (OIDC) under way: state, PKCE verifier
//   and nonce, in the database so the answer may reach any app server (as signing_flow, 0023);
// - a sign-in waiting for its second factor: the password was right, the code is still to come.
//   The id is the SHA-256 of the token in the cookie, as for sessions (0003).

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  const timestamp = postgres ? 'timestamptz' : 'text'
  const flag = postgres ? 'boolean' : 'integer'
  const no = postgres ? sql`false` : sql`0`

  await db.schema
    .alterTable('user_account')
    .addColumn('must_change_password', flag, (c) => c.notNull().defaultTo(no))
    .execute()
  await db.schema.alterTable('user_account').addColumn('totp_secret', 'text').execute()
  await db.schema.alterTable('user_account').addColumn('totp_pending_secret', 'text').execute()
  await db.schema.alterTable('user_account').addColumn('totp_enabled_at', timestamp).execute()
  await db.schema.alterTable('user_account').addColumn('totp_last_step', 'integer').execute()
  await db.schema
    .alterTable('organisation')
    .addColumn('administrators_need_totp', flag, (c) => c.notNull().defaultTo(no))
    .execute()

  await db.schema
    .createTable('sign_in_flow')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sign_in_flow_expires').on('sign_in_flow').columns(['expires_at']).execute()

  await db.schema
    .createTable('sign_in_challenge')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.references('user_account.id').notNull().onDelete('cascade'))
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('sign_in_challenge_expires')
    .on('sign_in_challenge')
    .columns(['expires_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_challenge').execute()
  await db.schema.dropTable('sign_in_flow').execute()
  await db.schema.alterTable('organisation').dropColumn('administrators_need_totp').execute()
  for (const column of [
    'totp_last_step',
    'totp_enabled_at',
    'totp_pending_secret',
    'totp_secret',
    'must_change_password',
  ])
    await db.schema.alterTable('user_account').dropColumn(column).execute()
}
