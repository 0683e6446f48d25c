import type { Kysely } from 'kysely'

// Frozen in time (see 0001). Signatories sign as Swedish politicians do (issue 12): with their
// password, with an e-legitimation (BankID, Freja eID) through an OIDC broker, or on paper with the
// secretary recording it. Each signature says how it was made, and keeps the evidence: the ID
// token's claims and time, the personnummer claim only as a salted hash. A person's personnummer is
// kept only as a salted hash too, to check the e-legitimation against the appointed signatory. A
// paper sign-off keeps the scanned signed cover as an archival document.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('signature')
    .addColumn('method', 'text', (c) => c.notNull().defaultTo('password'))
    .execute()
  await db.schema.alterTable('signature').addColumn('evidence', 'text').execute()
  await db.schema.alterTable('person').addColumn('identity_number_hash', 'text').execute()
  await db.schema
    .alterTable('sign_off')
    .addColumn('paper_document_id', 'integer', (c) => c.references('document.id'))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sign_off').dropColumn('paper_document_id').execute()
  await db.schema.alterTable('person').dropColumn('identity_number_hash').execute()
  await db.schema.alterTable('signature').dropColumn('evidence').execute()
  await db.schema.alterTable('signature').dropColumn('method').execute()
}
