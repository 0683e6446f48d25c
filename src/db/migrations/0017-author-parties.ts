import { type Kysely, sql } from 'kysely'

// Frozen in time (see 0001). Motions, dissents and statements entered in the workspace were saved
// without the author's party (imports carried it), so party pages, the party filter of search and
// the printed minutes missed them. The party is the one the person sat for on the committee on the
// meeting day; where no seat says it, the party recorded with their attendance. Left NULL where
// neither is known.

const partyAt = (authorTable: string, parentTable: string, parentColumn: string) => sql`
  update ${sql.table(authorTable)} set party_id = coalesce(
    (select membership.party_id
       from ${sql.table(parentTable)} parent
       join section on section.id = parent.section_id
       join minutes on minutes.id = section.minutes_id
       join meeting on meeting.id = minutes.meeting_id
       join membership on membership.committee_id = meeting.committee_id
        and membership.person_id = ${sql.ref(`${authorTable}.person_id`)}
        and membership.starts_on <= meeting.meets_on
        and (membership.ends_on is null or membership.ends_on >= meeting.meets_on)
      where parent.id = ${sql.ref(`${authorTable}.${parentColumn}`)} and membership.party_id is not null
      order by membership.starts_on desc
      limit 1),
    (select attendance.party_id
       from ${sql.table(parentTable)} parent
       join section on section.id = parent.section_id
       join minutes on minutes.id = section.minutes_id
       join attendance on attendance.meeting_id = minutes.meeting_id
        and attendance.person_id = ${sql.ref(`${authorTable}.person_id`)}
      where parent.id = ${sql.ref(`${authorTable}.${parentColumn}`)} and attendance.party_id is not null
      limit 1))
  where party_id is null and person_id is not null`

export async function up(db: Kysely<unknown>): Promise<void> {
  await partyAt('motion_author', 'motion', 'motion_id').execute(db)
  await partyAt('dissent_author', 'dissent', 'dissent_id').execute(db)
  await partyAt('statement_author', 'statement', 'statement_id').execute(db)
}

export async function down(): Promise<void> {
  // The parties filled in were true of the meeting day; nothing to undo.
}
