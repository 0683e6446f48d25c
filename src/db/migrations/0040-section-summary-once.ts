import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time (see 0001). Disk per protocol (issue 15, docs/decisions/0004): a § whose summary
// is its agenda item's keeps none of its own (summary null, summary_from_item set), and is read with
// the item's (minutes.repository.ts). An imported protocol stored each summary twice, 6.5 KB of its
// 72 on SQLite.
//
// The §'s text must never change by itself: a signed-off § is part of the legal record (KL 8:12).
// So before an item's summary is changed, a trigger gives every § that reads it the old summary as
// its own. A trigger and not the application, so that no path that writes agenda items (a form, the
// import, a merge, a generator, SQL by hand) can forget it. An item with a § cannot be deleted
// (section.agenda_item_id references it, 0001), so no § loses its item.

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table section add column summary_from_item boolean not null default false`.execute(db)
    await sql`update section set summary = null, summary_from_item = true
      where summary is not null and summary = (select a.summary from agenda_item a where a.id = section.agenda_item_id)`.execute(
      db,
    )
    await sql`create function section_summary_made_own() returns trigger language plpgsql as $$
      begin
        update section set summary = old.summary, summary_from_item = false
        where agenda_item_id = old.id and summary_from_item;
        return new;
      end $$`.execute(db)
    await sql`create trigger agenda_item_summary_changed before update of summary on agenda_item
      for each row when (old.summary is distinct from new.summary) execute function section_summary_made_own()`.execute(
      db,
    )
    return
  }
  // All or nothing: Kysely runs SQLite's migrations outside a transaction.
  await db.transaction().execute(async (trx) => {
    await sql`alter table section add column summary_from_item integer not null default 0`.execute(trx)
    await sql`update section set summary = null, summary_from_item = 1
      where summary is not null and summary = (select a.summary from agenda_item a where a.id = section.agenda_item_id)`.execute(
      trx,
    )
    await sql`create trigger agenda_item_summary_changed before update of summary on agenda_item
      when old.summary is not new.summary begin
        update section set summary = old.summary, summary_from_item = 0
        where agenda_item_id = old.id and summary_from_item = 1;
      end`.execute(trx)
  })
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.transaction().execute(async (trx) => {
    await sql`drop trigger if exists agenda_item_summary_changed ${postgres ? sql`on agenda_item` : sql``}`.execute(
      trx,
    )
    if (postgres) await sql`drop function if exists section_summary_made_own()`.execute(trx)
    await sql`update section set summary = (select a.summary from agenda_item a where a.id = section.agenda_item_id)
      where summary_from_item = ${postgres ? sql`true` : sql`1`}`.execute(trx)
    await sql`alter table section drop column summary_from_item`.execute(trx)
  })
}
