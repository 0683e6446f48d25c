import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time (see 0001). Disk per protocol (issue 15, docs/decisions/0004), a third pass:
//
// - Who served at a § (about 107 rows a protocol) is named by its § and person, which were unique
//   together already: the row's own id and the unique index that repeated both (1.5 of its 5 KB on
//   SQLite) go. On SQLite the table is kept WITHOUT ROWID, in (section, person) order, so the key is
//   the table; `position` keeps the order in which they were recorded at the §, which the id gave.
// - The rows written once with their parent and never read alone keep no time of their own: a
//   ballot (its vote has one), an author of a motion, a dissent or a statement (its motion, dissent
//   or statement has one) and a § of a sign-off (the sign-off has one). Nothing reads these times;
//   OParl's `modified` reads the parents' (oparl-change-times.repository.ts).

const timeless = [
  'ballot',
  'motion_author',
  'dissent_author',
  'statement_author',
  'sign_off_section',
] as const

function onPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (onPostgres(db)) {
    await sql`alter table section_service add column position integer`.execute(db)
    await sql`update section_service s set position = r.n from (
        select id, row_number() over (partition by section_id order by id) as n from section_service
      ) r where r.id = s.id`.execute(db)
    await sql`alter table section_service alter column position set not null`.execute(db)
    await sql`alter table section_service drop column id`.execute(db)
    await sql`alter table section_service drop constraint section_service_unique,
        add constraint section_service_pk primary key (section_id, person_id)`.execute(db)
  } else {
    await sql`create table section_service_0042 (
        section_id integer not null references section (id) on delete cascade,
        person_id integer not null references person (id),
        party_id integer references party (id),
        serving_for_person_id integer references person (id),
        remote integer not null default 0,
        position integer not null,
        constraint section_service_pk primary key (section_id, person_id)
      ) without rowid`.execute(db)
    await sql`insert into section_service_0042
        select section_id, person_id, party_id, serving_for_person_id, remote,
          row_number() over (partition by section_id order by id)
        from section_service order by section_id, person_id`.execute(db)
    await sql`drop table section_service`.execute(db)
    await sql`alter table section_service_0042 rename to section_service`.execute(db)
    await servedIndexes(db)
  }
  for (const table of timeless) await sql`alter table ${sql.table(table)} drop column created_at`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = onPostgres(db)
  // Every row gets the time of the migration back: the one it was written at is gone. (SQLite adds
  // a column only with a constant default, as 0041's down.)
  for (const table of timeless) {
    await sql`alter table ${sql.table(table)} add column created_at ${
      postgres
        ? sql`timestamptz not null default now()`
        : sql`text not null default '1970-01-01T00:00:00.000Z'`
    }`.execute(db)
    if (!postgres)
      await sql`update ${sql.table(table)} set created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`.execute(db)
  }
  if (postgres) {
    await sql`alter table section_service drop constraint section_service_pk,
        add constraint section_service_unique unique (section_id, person_id)`.execute(db)
    await sql`alter table section_service add column id serial`.execute(db)
    await sql`update section_service s set id = r.n from (
        select section_id, person_id, row_number() over (order by section_id, position) as n from section_service
      ) r where r.section_id = s.section_id and r.person_id = s.person_id`.execute(db)
    await sql`select setval(pg_get_serial_sequence('section_service', 'id'),
        coalesce((select max(id) from section_service), 0) + 1, false)`.execute(db)
    await sql`alter table section_service add primary key (id)`.execute(db)
    await sql`alter table section_service drop column position`.execute(db)
  } else {
    await sql`create table section_service_0042 (
        id integer primary key autoincrement,
        section_id integer not null references section (id) on delete cascade,
        person_id integer not null references person (id),
        party_id integer references party (id),
        serving_for_person_id integer references person (id),
        remote integer default 0 not null,
        constraint section_service_unique unique (section_id, person_id)
      )`.execute(db)
    await sql`insert into section_service_0042 (section_id, person_id, party_id, serving_for_person_id, remote)
        select section_id, person_id, party_id, serving_for_person_id, remote
        from section_service order by section_id, position`.execute(db)
    await sql`drop table section_service`.execute(db)
    await sql`alter table section_service_0042 rename to section_service`.execute(db)
    await servedIndexes(db)
  }
}

/** The indexes of 0012 and 0034 that find who served by person; the table's rebuild dropped them. */
async function servedIndexes(db: Kysely<unknown>) {
  await sql`create index section_service_person_id on section_service (person_id)`.execute(db)
  await sql`create index section_service_serving_for on section_service (serving_for_person_id)
      where serving_for_person_id is not null`.execute(db)
}
