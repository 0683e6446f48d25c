import assert from 'node:assert/strict'
import { it } from 'node:test'
import type { KyselyPlugin } from 'kysely'
import { createSearchFixture } from '../../../test/support/search-fixture.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { type Db, inTransaction } from '../../db/database.ts'
import { reindexMeeting } from './search.service.ts'

// An import's transaction touches up to 25 meetings: their search entries are rebuilt together at
// its edge, each list they are built from read once for all of them (issue 15).

/** Every meeting's search entries as what a search reads of them, without their ids. */
async function entriesOf(db: Db, meetingIds: readonly number[]) {
  return db
    .selectFrom('search_entry')
    .select([
      'meeting_id',
      'kind',
      'object_id',
      'label',
      'anchor',
      'title',
      'body',
      'title_words',
      'body_words',
    ])
    .where('meeting_id', 'in', [...meetingIds])
    .orderBy('meeting_id')
    .orderBy('kind')
    .orderBy('object_id')
    .execute()
}

describeOnEachDatabase('reindexMeeting, several meetings in one transaction', (getDb) => {
  it('rebuilds them as one at a time would, deleting their old entries in one statement', async () => {
    const fx = await createSearchFixture(getDb())
    const ids = Object.values(fx.meetings).map((m) => m.id)
    const alone = await entriesOf(getDb(), ids)
    assert.ok(alone.length > 5)
    let deletes = 0
    const counting: KyselyPlugin = {
      transformQuery({ node }) {
        const n = node as unknown as {
          kind: string
          from?: { froms: Array<{ table?: { identifier?: { name?: string } } }> }
        }
        if (n.kind === 'DeleteQueryNode' && n.from?.froms[0]?.table?.identifier?.name === 'search_entry')
          deletes++
        return node
      },
      async transformResult({ result }) {
        return result
      },
    }
    await getDb().deleteFrom('search_entry').where('meeting_id', 'in', ids).execute()
    await inTransaction(getDb().withPlugin(counting), async (trx) => {
      for (const id of ids) await reindexMeeting(trx, id)
    })
    assert.equal(deletes, 1)
    assert.deepEqual(await entriesOf(getDb(), ids), alone)
  })
})
