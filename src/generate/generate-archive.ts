import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { dialectOf } from '../db/dialect.ts'
import { insertSearchEntries, type SearchEntryValues } from '../domain/search/search.repository.ts'
import { compactSearchIndex } from '../domain/search/search-compaction.ts'
import { generateCommitteeYear, type OrganisationState } from './meeting-rows.ts'
import { planOrganisation } from './organisation-plan.ts'
import { seededRandom } from './random.ts'
import { RowWriter } from './row-writer.ts'
import { SwedishText } from './swedish-text.ts'

// `paragraf generate`: a realistic archive of municipal meetings written straight into an empty
// database, for benchmarks and trials at a real size. Organisations of about twenty committees,
// ten meetings a year each, twenty items a meeting, ending with the year `lastYear`. The same
// options give the same rows, ids included.

export const lastYear = 2026

export interface GenerateOptions {
  organisations: number
  years: number
  seed: string
  /** Meetings for only the first of each organisation's committees (tests); all by default. */
  committeesWithMeetings?: number
  /** Called after each committee with the running totals. */
  onProgress?: (progress: GenerateProgress) => void
}

export interface GenerateProgress {
  organisation: number
  organisations: number
  agendaItems: number
  searchEntries: number
}

export interface GenerateSummary {
  organisations: number
  committees: number
  people: number
  meetings: number
  agendaItems: number
  sections: number
  documents: number
  votes: number
  searchEntries: number
}

/** Writes the archive into an empty database, one transaction per committee, and indexes it for search. */
export async function generateArchive(db: Db, options: GenerateOptions): Promise<GenerateSummary> {
  const writer = new RowWriter()
  const years = { first: lastYear - options.years + 1, last: lastYear }
  const taken = { organisationNames: new Set<string>(), personSlugs: new Set<string>() }
  let searchEntries = 0
  // Nothing here must survive a crash: the archive is generated again instead (SQLite only).
  if (dialectOf(db) === 'sqlite') await sql`pragma synchronous = off`.execute(db)
  for (let index = 0; index < options.organisations; index++) {
    // One random source per organisation, so an organisation is the same whatever comes before it.
    const random = seededRandom(`${options.seed}/${index}`)
    const text = new SwedishText(random)
    const plan = planOrganisation(writer, random, index, years, taken)
    await db.transaction().execute((trx) => writer.flush(trx))
    const state: OrganisationState = { plan, registrySerial: new Map(), carriedOver: new Map() }
    for (const committee of plan.committees.slice(0, options.committeesWithMeetings)) {
      const entries: SearchEntryValues[] = []
      for (let year = years.first; year <= years.last; year++) {
        const term = plan.terms.find((t) => t.startYear <= year && year <= t.endYear)
        if (term) entries.push(...generateCommitteeYear(writer, random, text, state, committee, term, year))
      }
      await db.transaction().execute(async (trx) => {
        await writer.flush(trx)
        await insertSearchEntries(trx, entries)
      })
      searchEntries += entries.length
      options.onProgress?.({
        organisation: index + 1,
        organisations: options.organisations,
        agendaItems: writer.counts.get('agenda_item') ?? 0,
        searchEntries,
      })
    }
  }
  await writer.advanceSequences(db)
  // Written a committee at a time, the search's FTS5 indexes hold a segment per few transactions.
  await compactSearchIndex(db)
  if (dialectOf(db) === 'sqlite') await sql`pragma synchronous = normal`.execute(db)
  else await analyseSchema(db)
  const count = (table: Parameters<RowWriter['counts']['get']>[0]) => writer.counts.get(table) ?? 0
  return {
    organisations: count('organisation'),
    committees: count('committee'),
    people: count('person'),
    meetings: count('meeting'),
    agendaItems: count('agenda_item'),
    sections: count('section'),
    documents: count('document'),
    votes: count('vote'),
    searchEntries,
  }
}

/**
 * PostgreSQL plans by statistics that a bulk load leaves empty until autovacuum comes by, if it is on
 * at all: the change log's fill right after joined every § with every sign-off (over 2 minutes a
 * batch of 50 meetings at 100,000 items; 9 s of ANALYZE made it milliseconds). The tables of this
 * schema only, not the whole database's.
 */
async function analyseSchema(db: Db): Promise<void> {
  const { rows } = await sql<{ name: string }>`select tablename as name from pg_tables
    where schemaname = current_schema()`.execute(db)
  if (rows.length > 0) await sql`analyze ${sql.join(rows.map((r) => sql.table(r.name)))}`.execute(db)
}
