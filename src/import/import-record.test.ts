import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { it } from 'node:test'
import { testActor } from '../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../test/support/test-db.ts'
import type { Db } from '../db/database.ts'
import type { Database } from '../db/schema.ts'
import type { DocumentJson } from '../domain/publication/document-json.ts'
import { importDocument } from './import-document.ts'
import { parseDocument } from './parse-document.ts'

// The whole stored record of an import, row by row, against what the importer stored before it
// wrote in batches (test/fixtures/import-record.json, the same on both databases, written by the per-object use
// cases): batching changes how many statements an import costs, never what it stores or audits.
// PARAGRAF_WRITE_IMPORT_RECORD=1 writes the file anew, for a change meant to alter the record.

/** What the documents bring in, with the audit log and the public change log. Search is left to its own tests. */
const tables = [
  'organisation',
  'committee',
  'party',
  'person',
  'membership',
  'meeting',
  'matter',
  'agenda_item',
  'agenda_item_change',
  'document',
  'attachment',
  'attendance',
  'minutes',
  'signatory',
  'section',
  'section_service',
  'recusal',
  'motion',
  'motion_author',
  'vote',
  'ballot',
  'vote_candidate',
  'dissent',
  'dissent_author',
  'statement',
  'statement_author',
  'sign_off',
  'sign_off_section',
  'signature',
  'notice',
  'record_seal',
  'audit_event',
  'public_object',
  'public_change',
] as const satisfies ReadonlyArray<keyof Database>

/** Columns holding the time of the import itself (or a hash over it): they differ from run to run. */
const clockColumns = new Set([
  'created_at',
  'updated_at',
  'changed_at',
  'recorded_at',
  'first_public_at',
  'modified_at',
  'notice_published_at',
  'hash',
  'previous_hash',
  // A seal's salt is random, and its digest is over the salt.
  'salt',
  'sealed_digest',
  // What the public sees of an object, hashed with its times.
  'digest',
])

async function parsed(file: string): Promise<DocumentJson> {
  const bytes = readFileSync(new URL(`../../test/fixtures/documents/${file}`, import.meta.url))
  const outcome = await parseDocument({ bytes, fileName: file })
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.document
}

/**
 * A § keeps no summary of its own while it is its agenda item's (migration 0040): compared as what
 * the record says, the item's summary in its place.
 */
function ownSummary(row: Record<string, unknown>, record: Record<string, unknown[]>) {
  const { summary_from_item: fromItem, ...section } = row
  if (!fromItem) return section
  const item = (record.agenda_item as Array<Record<string, unknown>>).find((i) => i.id === row.agenda_item_id)
  return { ...section, summary: item?.summary }
}

async function storedRecord(db: Db): Promise<Record<string, unknown[]>> {
  const record: Record<string, unknown[]> = {}
  for (const table of tables) {
    const order =
      table === 'public_object'
        ? ['kind', 'object_id']
        : table === 'public_change'
          ? ['seq']
          : table === 'section_service'
            ? ['section_id', 'position']
            : ['id']
    let query = db.selectFrom(table).selectAll()
    for (const column of order) query = query.orderBy(column as never)
    const rows = (await query.execute()).map((row) => (table === 'section' ? ownSummary(row, record) : row))
    record[table] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([column]) => !clockColumns.has(column))
          .map(([column, value]) => [column, typeof value === 'boolean' ? Number(value) : value]),
      ),
    )
  }
  return record
}

describeOnEachDatabase('importDocument: the stored record', (getDb) => {
  it('is row for row what the per-object use cases stored, audit and public change log included', async () => {
    const db = getDb()
    const organisation = { organisation: 'Jämförstad' }
    // An agenda, then the protocol of the same meeting; protocols of three councils; one twice.
    for (const file of [
      'kallelse-kultur-och-fritidsnamnden-2024-09-10.txt',
      '002_02371675939a916f.txt',
      'kommunstyrelsen-2024-02-27.txt',
      'bygg-och-miljonamnden-2023-05-10.md',
      'barn-och-utbildningsnamnden-2024-04-16.html',
      'kommunstyrelsen-2024-02-27.txt',
    ])
      await importDocument(db, testActor, await parsed(file), organisation)
    const actual = await storedRecord(db)
    const file = new URL('../../test/fixtures/import-record.json', import.meta.url)
    if (process.env.PARAGRAF_WRITE_IMPORT_RECORD) writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`)
    const expected = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown[]>
    for (const table of tables) assert.deepEqual(actual[table], expected[table], table)
    const { kept, read } = await db
      .selectFrom('section')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('summary', 'is not', null).as('kept'),
        eb.fn.countAll<number>().filterWhere('summary_from_item', '=', true).as('read'),
      ])
      .executeTakeFirstOrThrow()
    assert.deepEqual(
      { kept: Number(kept), read: Number(read) },
      { kept: 0, read: 26 },
      "each § summary is stored once, as its item's",
    )
  })
})
