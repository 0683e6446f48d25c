import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { type Db, inTransaction, type Queryable, type Trx } from '../db/database.ts'
import type { Database } from '../db/schema.ts'
import { auditAsOne } from '../domain/audit/audit.service.ts'
import { changeMeetingStatus } from '../domain/meeting/meeting.service.ts'
import type { DocumentJson } from '../domain/publication/document-json.ts'
import type { Actor } from '../domain/shared/actor.ts'
import { DomainError } from '../domain/shared/errors.ts'
import { importAgendaItems } from './import-agenda.ts'
import { type ImportTarget, resolveCommittee, resolveMeeting, resolveOrganisation } from './import-meeting.ts'
import { importMinutes } from './import-minutes.ts'
import { ImportRegister } from './import-people.ts'

export type { ImportTarget } from './import-meeting.ts'

export interface ImportSummary {
  file: string
  committee: string
  meetsOn: string
  /** Rows added per kind of thing, e.g. { agenda_item: 19, person: 34 }; only kinds with additions. */
  created: Partial<Record<CountedTable, number>>
  /** Whether anything was changed at all: importing the same file twice changes nothing. */
  changed: boolean
  /** What the parser or the import could not read or record. */
  warnings: string[]
}

// The tables a summary counts: what a clerk would call the things a document brought in.
const countedTables = [
  'committee',
  'meeting',
  'agenda_item',
  'matter',
  'document',
  'person',
  'party',
  'membership',
  'section',
  'motion',
  'vote',
  'dissent',
  'statement',
  'sign_off',
  'notice',
  'audit_event',
] as const satisfies ReadonlyArray<keyof Database>
type CountedTable = (typeof countedTables)[number]

/**
 * Stores one parsed agenda or protocol in one transaction, so a failure leaves nothing
 * half-written. The committee, meeting, matters (by registry number), people, parties and seats are
 * found or added; a protocol after the agenda of the same meeting fills in that meeting.
 */
export async function importDocument(
  db: Queryable,
  actor: Actor,
  document: DocumentJson,
  target: ImportTarget = {},
): Promise<ImportSummary> {
  return inTransaction(
    db,
    async (trx) => (await storeCounted(trx, actor, document, target, await lastIds(trx))).summary,
  )
}

/**
 * importDocument in `trx`, given the highest id of each counted table before it: its summary, and
 * the highest ids after it, which are the next document's before (importDocuments: one statement
 * fewer a document).
 */
async function storeCounted(
  trx: Trx,
  actor: Actor,
  document: DocumentJson,
  target: ImportTarget,
  before: Record<CountedTable, number>,
): Promise<{ summary: ImportSummary; last: Record<CountedTable, number> }> {
  // One audit row names what the document brought in (auditAsOne): the published document is the
  // source, and the rows it created hold their state; what it changed keeps a row each.
  const stored = await auditAsOne(
    trx,
    actor,
    `import.${document.kind}`,
    () => storeDocument(trx, actor, document, target),
    ({ organisationId, committee, meeting, warnings }) => ({
      object: { type: 'meeting', id: meeting.id, organisationId },
      details: { file: document.source.file, committeeId: committee.id, warnings: warnings.length },
    }),
  )
  const { added, last } = await rowsAddedSince(trx, before)
  const created = Object.fromEntries(
    countedTables.filter((t) => t !== 'audit_event' && added[t] > 0).map((t) => [t, added[t]]),
  )
  const summary = {
    file: document.source.file,
    committee: stored.committee.name,
    meetsOn: stored.meeting.meetsOn,
    created,
    changed: added.audit_event > 0,
    warnings: stored.warnings,
  }
  return { summary, last }
}

/**
 * How many documents `importDocuments` stores in one transaction, and for how long it goes on adding
 * more. A commit writes every page the import touched (a protocol touches some sixty tables and
 * indexes) and, on PostgreSQL, waits for the log to reach the disk: a third of an import's time when
 * each document was committed alone. A transaction holds SQLite's write lock, so it ends after a
 * second even short of twenty-five: a server beside the import waits for it (busy_timeout, 5 s).
 */
export const documentsATransaction = 25
const longestTransactionMs = 1000

/** A document's outcome: what it brought, or the domain's refusal of it. */
export type ImportOutcome = ImportSummary | DomainError

/**
 * Stores several parsed documents, in order, as importDocument would one by one, committing up to
 * `documentsATransaction` of them at once. Each document's outcome is its summary or the domain's
 * refusal: when one is refused, the others of its transaction are stored again one at a time, so a
 * bad document is refused alone and loses nothing of the rest. `committed` hears each outcome, in
 * order, once it is committed (so a caller can say so even if a later document ends it all with an
 * error that is not a refusal). Importing again changes nothing.
 */
export async function importDocuments(
  db: Db,
  actor: Actor,
  documents: readonly DocumentJson[],
  target: ImportTarget = {},
  committed: (outcome: ImportOutcome, index: number) => void = () => undefined,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  const settle = (outcome: ImportOutcome) => {
    outcomes.push(outcome)
    committed(outcome, outcomes.length - 1)
  }
  while (outcomes.length < documents.length) {
    const first = outcomes.length
    let tried = 0
    try {
      const summaries = await inTransaction(db, async (trx) => {
        const began = performance.now()
        const stored: ImportSummary[] = []
        // Nothing but the documents writes between them: where one ended, the next begins.
        let before: Record<CountedTable, number> | undefined
        for (const document of documents.slice(first, first + documentsATransaction)) {
          if (tried > 0 && performance.now() - began > longestTransactionMs) break
          tried++
          const { summary, last } = await storeCounted(
            trx,
            actor,
            document,
            target,
            before ?? (await lastIds(trx)),
          )
          stored.push(summary)
          before = last
        }
        return stored
      })
      for (const summary of summaries) settle(summary)
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      for (const document of documents.slice(first, first + tried))
        settle(await importAlone(db, actor, document, target))
    }
  }
  return outcomes
}

async function importAlone(db: Db, actor: Actor, document: DocumentJson, target: ImportTarget) {
  try {
    return await importDocument(db, actor, document, target)
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
}

/** The document's committee, meeting and what it holds, found or added; what could not be, as warnings. */
async function storeDocument(trx: Trx, actor: Actor, document: DocumentJson, target: ImportTarget) {
  const warnings = [...document.warnings]
  const organisation = await resolveOrganisation(trx, actor, document, target)
  const committee = await resolveCommittee(trx, actor, organisation, document, target)
  let { meeting } = await resolveMeeting(trx, actor, committee, document, target)
  // One document moves a meeting through several steps: search and the public change log decide
  // it once, at the end of this transaction (reindexMeeting and recordAudit defer to its edge).
  if (document.kind === 'agenda') {
    await importAgendaItems({ trx, actor, organisationId: organisation.id, meeting }, document.items)
    // A published agenda means the notice is out.
    if (meeting.status === 'planned')
      meeting = await changeMeetingStatus(trx, actor, meeting, 'notice_published')
  } else {
    const register = new ImportRegister(trx, actor, organisation.id, {
      committeeId: committee.id,
      warn: (message) => warnings.push(message),
    })
    await importMinutes(
      {
        trx,
        actor,
        organisationId: organisation.id,
        committeeId: committee.id,
        meeting,
        register,
        warn: (message) => warnings.push(message),
      },
      document,
    )
  }
  return { organisationId: organisation.id, committee, meeting, warnings }
}

/** The highest id of each counted table: rows above it afterwards are what the import added. */
async function lastIds(trx: Queryable): Promise<Record<CountedTable, number>> {
  const columns = countedTables.map((t) => sql`(select max(id) from ${sql.table(t)}) as ${sql.ref(t)}`)
  return perTable(await sql<Record<CountedTable, unknown>>`select ${sql.join(columns)}`.execute(trx))
}

/**
 * Rows added since `before`, per table: index lookups, so the cost does not grow with the archive.
 * The ids are bounded on both sides (up to the highest, an index lookup too): PostgreSQL reckons that
 * `id > $1` alone matches a third of a table, and its plan, made once for a kept statement, was a
 * sequential scan of ten of these tables for every document.
 */
async function rowsAddedSince(trx: Queryable, before: Record<CountedTable, number>) {
  const columns = countedTables.flatMap((t) => [
    sql`(select count(*) from ${sql.table(t)} where id > ${before[t]} and id <= (select max(id) from ${sql.table(t)})) as ${sql.ref(t)}`,
    sql`(select max(id) from ${sql.table(t)}) as ${sql.ref(`last_${t}`)}`,
  ])
  const result = await sql<Record<string, unknown>>`select ${sql.join(columns)}`.execute(trx)
  const row = result.rows[0]
  return {
    added: perTable(result),
    // A table still empty keeps its before (0), as lastIds reads it.
    last: Object.fromEntries(countedTables.map((t) => [t, Number(row?.[`last_${t}`] ?? 0)])) as Record<
      CountedTable,
      number
    >,
  }
}

/** One row with a column per table (one statement, not one per table), as numbers. */
function perTable(result: { rows: Record<string, unknown>[] }): Record<CountedTable, number> {
  const row = result.rows[0]
  return Object.fromEntries(countedTables.map((t) => [t, Number(row?.[t] ?? 0)])) as Record<
    CountedTable,
    number
  >
}

const nouns: Record<Exclude<CountedTable, 'audit_event'>, [string, string]> = {
  committee: ['nämnd', 'nämnder'],
  meeting: ['sammanträde', 'sammanträden'],
  agenda_item: ['dagordningspunkt', 'dagordningspunkter'],
  matter: ['ärende', 'ärenden'],
  document: ['handling', 'handlingar'],
  person: ['person', 'personer'],
  party: ['parti', 'partier'],
  membership: ['uppdrag', 'uppdrag'],
  section: ['paragraf', 'paragrafer'],
  motion: ['yrkande', 'yrkanden'],
  vote: ['omröstning', 'omröstningar'],
  dissent: ['reservation', 'reservationer'],
  statement: ['uttalande', 'uttalanden'],
  sign_off: ['justering', 'justeringar'],
  notice: ['anslag', 'anslag'],
}

/** One line per file for the command line, in Swedish. */
export function describeSummary(summary: ImportSummary): string {
  const added = Object.entries(summary.created).map(([table, n]) => {
    const [one, many] = nouns[table as Exclude<CountedTable, 'audit_event'>]
    return `${n} ${n === 1 ? one : many}`
  })
  const what = summary.changed
    ? added.length > 0
      ? `lade till ${added.join(', ')}`
      : 'kompletterade befintliga uppgifter'
    : 'inget nytt (redan inläst)'
  const warnings = summary.warnings.length > 0 ? `; ${summary.warnings.length} varningar` : ''
  return `${summary.file}: ${summary.committee} ${summary.meetsOn}: ${what}${warnings}`
}
