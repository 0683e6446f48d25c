import { type Kysely, PostgresAdapter } from 'kysely'

// Frozen in time (see 0001). The public form of a meeting kept as it was decided (issue 15):
// the change log already builds each public meeting's OParl form at the transaction's edge to take
// its digest (0024); keeping the form itself lets an OParl list or a meeting be read back at the
// cost of its size, instead of being built again from the archive's tables on every request (50
// meetings with their agendas and minutes inline: about 14,000 rows and half a second at a
// million agenda items).
//  - form: the form's JSON, deflated, as it was taken for its digest (addresses under a fixed
//    origin), with the `modified` its rows had then, which a read replaces with the log's;
//  - version: the version of the code that took it (keptFormVersion): a release that changes what
//    a meeting's form shows (a disclosure rule, a field) raises it, and a form of another version is
//    not served but taken again;
//  - steady_from: the first day the form is the day's form. Where a decision stands depends on the
//    day (the appeal period runs out, KL 13:5) and the form is taken as if every period had run
//    out; before this day a reader builds the meeting as today shows it. Null: any day.
// A row is written, replaced and removed with the object's public_object row.

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('public_form')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('object_id', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('steady_from', 'text')
    .addColumn('form', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('public_form_pk', ['kind', 'object_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('public_form').execute()
}
