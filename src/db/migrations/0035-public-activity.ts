import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen in time (see 0001). A person's and a party's public record (issue 15: the person and party
// pages in bounded time at a million agenda items). Their lists took the newest 51 of a whole
// history of motions, dissents, statements and ballots, sorted per request with a publicness check
// per row, and the attendance rate counted every seat over every public minutes. Both are now kept,
// written at the transaction's edge with the public change log (docs/decisions/0005-kept-person-
// and-party-record.md), and filled here for an archive that has minutes already:
//  - public_activity: one row per author of a motion, dissent or statement and per ballot in a
//    public § (signed off, TF 2:10; neither the § nor its agenda item secret, OSL), with the keys a
//    record is ordered by, so a page of it is read from an index: newest meeting first;
//  - public_attendance: per meeting with public minutes, the seats held at it (person and the
//    seat's party, whether present) and the substitutes who served for someone;
//  - public_attendance_total: what those add up to per person and per party, the attendance rate.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_activity')
    // 'motion' | 'dissent' | 'statement' (ref_id: the author row) | 'ballot' (ref_id: the ballot)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addColumn('meeting_id', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer')
    .addColumn('party_id', 'integer')
    .addColumn('meets_on', 'text', (c) => c.notNull())
    .addColumn('section_number', 'integer', (c) => c.notNull())
    // The motion's, dissent's, statement's or vote's position in its §.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('public_activity_pk', ['kind', 'ref_id'])
    .execute()
  const order = ['meets_on desc', 'meeting_id desc', 'section_number', 'position', 'ref_id']
  await db.schema
    .createIndex('public_activity_person')
    .on('public_activity')
    .columns(['person_id', 'kind', ...order])
    .where(sql.ref('person_id'), 'is not', null)
    .execute()
  await db.schema
    .createIndex('public_activity_party')
    .on('public_activity')
    .columns(['party_id', 'kind', ...order])
    .where(sql.ref('party_id'), 'is not', null)
    .execute()
  await db.schema.createIndex('public_activity_meeting').on('public_activity').column('meeting_id').execute()

  await db.schema
    .createTable('public_attendance')
    .addColumn('meeting_id', 'integer', (c) => c.notNull())
    // 'seat': a member's or chair's seat at the meeting; 'served': a substitute served for someone.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull())
    // The seat's party (membership), or the party the substitute served for (attendance).
    .addColumn('party_id', 'integer')
    // 1 when the person was present (a seat), else 0.
    .addColumn('present', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('public_attendance_meeting')
    .on('public_attendance')
    .column('meeting_id')
    .execute()
  await db.schema
    .createIndex('public_attendance_person')
    .on('public_attendance')
    .column('person_id')
    .execute()

  await db.schema
    .createTable('public_attendance_total')
    // 'person' | 'party'
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('meetings', 'integer', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('served', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('public_attendance_total_pk', ['owner', 'owner_id'])
    .execute()

  await fillPublicActivity(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('public_attendance_total').execute()
  await db.schema.dropTable('public_attendance').execute()
  await db.schema.dropTable('public_activity').execute()
}

// The rules of disclosure as they stood (disclosure.predicates.ts): a § public in full, and
// minutes public (a roll call is public once a § of it is signed off).
const sectionIsPublic = sql`exists (select 1 from sign_off_section sos
    inner join sign_off so on so.id = sos.sign_off_id
    where sos.section_id = section.id and so.status = 'signed_off')
  and section.confidential = false
  and (agenda_item.confidential is null or agenda_item.confidential = false)`
const hasPublicMinutes = sql`exists (select 1 from minutes x inner join sign_off s on s.minutes_id = x.id
  where x.meeting_id = meeting.id and s.status = 'signed_off')`

/** Fills the three tables from the archive's: what the edge keeps from now on. Exported for its test. */
export async function fillPublicActivity(db: Kysely<unknown>): Promise<void> {
  const authored = (kind: 'motion' | 'dissent' | 'statement') => sql`
    insert into public_activity (kind, ref_id, meeting_id, person_id, party_id, meets_on, section_number, position)
    select ${sql.lit(kind)}, a.id, meeting.id, a.person_id, a.party_id, meeting.meets_on, section.number, t.position
    from ${sql.table(`${kind}_author`)} a
    inner join ${sql.table(kind)} t on t.id = a.${sql.ref(`${kind}_id`)}
    inner join section on section.id = t.section_id
    inner join minutes on minutes.id = section.minutes_id
    inner join meeting on meeting.id = minutes.meeting_id
    left join agenda_item on agenda_item.id = section.agenda_item_id
    where (a.person_id is not null or a.party_id is not null) and ${sectionIsPublic}`
  for (const kind of ['motion', 'dissent', 'statement'] as const) await authored(kind).execute(db)
  await sql`
    insert into public_activity (kind, ref_id, meeting_id, person_id, party_id, meets_on, section_number, position)
    select 'ballot', ballot.id, meeting.id, ballot.person_id, ballot.party_id, meeting.meets_on, section.number, vote.position
    from ballot
    inner join vote on vote.id = ballot.vote_id
    inner join section on section.id = vote.section_id
    inner join minutes on minutes.id = section.minutes_id
    inner join meeting on meeting.id = minutes.meeting_id
    left join agenda_item on agenda_item.id = section.agenda_item_id
    where ${sectionIsPublic}`.execute(db)
  await sql`
    insert into public_attendance (meeting_id, kind, person_id, party_id, present)
    select meeting.id, 'seat', membership.person_id, membership.party_id,
      max(case when attendance.present then 1 else 0 end)
    from meeting
    inner join membership on membership.committee_id = meeting.committee_id
      and membership.starts_on <= meeting.meets_on
      and (membership.ends_on is null or membership.ends_on >= meeting.meets_on)
    left join attendance on attendance.meeting_id = meeting.id and attendance.person_id = membership.person_id
    where membership.role != 'substitute' and ${hasPublicMinutes}
    group by meeting.id, membership.person_id, membership.party_id`.execute(db)
  await sql`
    insert into public_attendance (meeting_id, kind, person_id, party_id, present)
    select distinct meeting.id, 'served', attendance.person_id, attendance.party_id, 0
    from attendance
    inner join meeting on meeting.id = attendance.meeting_id
    where attendance.role = 'substitute' and attendance.serving_for_person_id is not null and ${hasPublicMinutes}`.execute(
    db,
  )
  // A person counts once per meeting (two seats of one committee, chair and member), a party once
  // per person and meeting.
  await sql`
    insert into public_attendance_total (owner, owner_id, meetings, present, served)
    select owner, owner_id, sum(m), sum(p), sum(s) from (
      select 'person' as owner, person_id as owner_id, 1 as m, max(present) as p, 0 as s
        from public_attendance where kind = 'seat' group by meeting_id, person_id
      union all
      select 'party', party_id, 1, max(present), 0
        from public_attendance where kind = 'seat' and party_id is not null group by meeting_id, party_id, person_id
      union all
      select 'person', person_id, 0, 0, 1
        from public_attendance where kind = 'served' group by meeting_id, person_id
      union all
      select 'party', party_id, 0, 0, 1
        from public_attendance where kind = 'served' and party_id is not null group by meeting_id, party_id, person_id
    ) counted group by owner, owner_id`.execute(db)
  // A bulk load is not analysed until autovacuum comes by (if it runs at all): plan the pages with statistics.
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`analyze public_activity, public_attendance, public_attendance_total`.execute(db)
}
