import type { Kysely } from 'kysely'

// Frozen in time (see 0001). Indexes for the foreign keys the public pages read by, which until
// now scanned a table growing with the archive (issue 15): the §§ of a sign-off (every public §
// joins sign_off_section by sign_off_id), a person's or a party's attendance, services, ballots,
// recusals, motions, dissents and statements, the members of a party, a delegated decision's
// notice and report, and the years of the search index (read by a skip scan, search.repository.ts).

const indexes: Array<[table: string, columns: string[]]> = [
  ['sign_off_section', ['sign_off_id']],
  ['attendance', ['person_id']],
  ['attendance', ['party_id']],
  ['section_service', ['person_id']],
  ['section_service', ['party_id']],
  ['recusal', ['person_id']],
  ['ballot', ['person_id']],
  ['ballot', ['party_id']],
  ['motion_author', ['person_id']],
  ['motion_author', ['party_id']],
  ['dissent_author', ['person_id']],
  ['dissent_author', ['party_id']],
  ['statement_author', ['person_id']],
  ['statement_author', ['party_id']],
  ['membership', ['party_id']],
  ['notice', ['delegated_decision_id']],
  ['delegated_decision', ['reported_in_agenda_item_id']],
  ['delegated_decision', ['matter_id']],
  ['search_entry', ['year']],
]

const nameOf = (table: string, columns: string[]) => `${table}_${columns.join('_')}`

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, columns] of indexes) {
    await db.schema.createIndex(nameOf(table, columns)).ifNotExists().on(table).columns(columns).execute()
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, columns] of indexes)
    await db.schema.dropIndex(nameOf(table, columns)).ifExists().execute()
}
