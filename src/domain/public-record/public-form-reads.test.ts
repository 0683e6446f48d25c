import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CompiledQuery, createQueryId, type KyselyPlugin, type RootOperationNode } from 'kysely'
import { createTestDb } from '../../../test/support/test-db.ts'
import type { Db } from '../../db/database.ts'
import { listPublicMatterIds, listPublicPersonIds } from '../publication/oparl/oparl.repository.ts'

// What an import decides at its edge for a few objects (which of some persons and matters are
// public, the seals of its sign-offs) is read by index lookups: each of these read every public
// agenda item, every signed-off attendance or every seal of the archive (issue 15: a protocol's
// import cost grew with the archive). SQLite's plan says so without an archive to time.
describe('reads of the public forms for a few objects, by index', () => {
  let db: Db
  let destroy: () => Promise<void>
  before(async () => ({ db, destroy } = await createTestDb('sqlite')))
  after(() => destroy())

  /** The statements `read` runs, as Kysely built them. */
  async function statementsOf(read: (db: Db) => Promise<unknown>): Promise<RootOperationNode[]> {
    const nodes: RootOperationNode[] = []
    const collecting: KyselyPlugin = {
      transformQuery: (args) => {
        nodes.push(args.node)
        return args.node
      },
      transformResult: async (args) => args.result,
    }
    await read(db.withPlugin(collecting))
    return nodes
  }

  /** SQLite's plan of a statement, a line a step; undefined for a subquery that cannot be planned alone. */
  async function planOf(node: RootOperationNode): Promise<string[] | undefined> {
    const compiled = db.getExecutor().compileQuery(node, createQueryId())
    // A subquery built from the same handle comes here too; one that names its outer query's
    // table (a correlated `exists`) cannot be planned alone, and its plan is in its statement's.
    const planned = await db
      .executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      )
      .catch((error: Error) => {
        if (/no such column/.test(error.message)) return undefined
        throw error
      })
    return planned?.rows.map((r) => r.detail)
  }

  /** The tables each statement of `read` scans whole, from SQLite's query plan. */
  async function scansOf(read: (db: Db) => Promise<unknown>): Promise<string[]> {
    const scans: string[] = []
    for (const node of await statementsOf(read)) {
      for (const detail of (await planOf(node)) ?? []) {
        const scanned = /^SCAN (\w+)\b(?! USING (?:INTEGER PRIMARY KEY|COVERING INDEX))/.exec(detail)
        if (scanned && !/VIRTUAL TABLE/.test(detail)) scans.push(scanned[1] as string)
      }
    }
    return scans
  }

  it('decides which of some matters are public without reading every public agenda item', async () => {
    assert.deepEqual(await scansOf((db) => listPublicMatterIds(db, [1, 2, 3])), [])
  })

  it('decides which of some persons are public without reading every signed-off attendance', async () => {
    assert.deepEqual(await scansOf((db) => listPublicPersonIds(db, [1, 2, 3])), [])
  })

  it("asks whether one seat or one signed-off attendance of a person exists, never lists the person's history", async () => {
    // `in (select …)` listed every attendance of the persons (LIST SUBQUERY): a chair's thousands of
    // meetings, read at each import's edge; `exists` stops at the first (CORRELATED SCALAR SUBQUERY).
    const [statement] = await statementsOf((db) => listPublicPersonIds(db, [1, 2, 3]))
    const plan = (await planOf(statement as RootOperationNode)) ?? []
    assert.ok(!plan.some((detail) => detail.startsWith('LIST SUBQUERY')), plan.join('\n'))
    assert.equal(plan.filter((detail) => detail.startsWith('CORRELATED SCALAR SUBQUERY')).length, 2)
  })

  it('reads the seals of some sign-offs by index', async () => {
    // As listSignOffs reads them (sign-off.repository.ts), for sign-offs that exist.
    const seals = (db: Db) =>
      db
        .selectFrom('record_seal')
        .select(['sign_off_id', 'hash'])
        .where('sign_off_id', 'in', [1, 2])
        .execute()
    assert.deepEqual(await scansOf(seals), [])
  })
})
