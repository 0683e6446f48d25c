import assert from 'node:assert/strict'
import { it } from 'node:test'
import { describeOnEachDatabase } from '../../test/support/test-db.ts'
import { atTransactionEdge, inTransaction, type Queryable, readOnceAtEdge } from './database.ts'

// Reactions at the transaction's edge (issue 10, item 2): whatever depth a use case registers one
// at, it runs once, at the end of the outermost transaction, before the commit, in that
// transaction; outside one it runs at once.

describeOnEachDatabase('reactions at the end of a transaction', (getDb) => {
  const organisationCount = async (db: Queryable) =>
    Number(
      (
        await db
          .selectFrom('organisation')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const addOrganisation = (db: Queryable, slug: string) =>
    db.insertInto('organisation').values({ name: slug, slug, kind: 'kommun', settings: '{}' }).execute()

  it('runs a reaction once, at the end of the outermost transaction, in it', async () => {
    const seen: string[] = []
    await inTransaction(getDb(), async (trx) => {
      const register = () =>
        atTransactionEdge(trx, 'count', async (edge) => {
          seen.push(`reaction saw ${await organisationCount(edge)}`)
        })
      await register()
      await inTransaction(trx, async (inner) => {
        await addOrganisation(inner, 'edge-a')
        await register()
      })
      seen.push('work done')
      await addOrganisation(trx, 'edge-b')
    })
    const before = await organisationCount(getDb())
    assert.deepEqual(seen, ['work done', `reaction saw ${before}`])
  })

  it('runs a reaction registered by another reaction, and rolls everything back when one fails', async () => {
    const order: string[] = []
    await inTransaction(getDb(), async (trx) => {
      await atTransactionEdge(trx, 'first', async (edge) => {
        order.push('first')
        await atTransactionEdge(edge, 'second', async () => {
          order.push('second')
        })
      })
    })
    assert.deepEqual(order, ['first', 'second'])
    const before = await organisationCount(getDb())
    await assert.rejects(
      inTransaction(getDb(), async (trx) => {
        await addOrganisation(trx, 'edge-rolled-back')
        await atTransactionEdge(trx, 'fails', async () => {
          throw new Error('the reaction failed')
        })
      }),
      /the reaction failed/,
    )
    assert.equal(
      await organisationCount(getDb()),
      before,
      'the work of a transaction whose reaction failed is gone',
    )
  })

  it('runs a reaction at once outside a transaction', async () => {
    const order: string[] = []
    await inTransaction(getDb(), (tx) =>
      atTransactionEdge(tx, 'now', async (trx) => {
        order.push(trx.isTransaction ? 'in a transaction of its own' : 'without one')
      }),
    )
    order.push('after')
    assert.deepEqual(order, ['in a transaction of its own', 'after'])
  })
  it('reads a thing once for all the reactions at the edge, and every time before it', async () => {
    const reads: number[][] = []
    const read = (db: Queryable, keys: number[]) =>
      readOnceAtEdge(db, 'squares', keys, async (missing) => {
        reads.push([...missing])
        // 3 is "not found": remembered as such, not read again.
        return new Map(missing.filter((k) => k !== 3).map((k) => [k, k * k]))
      })
    const seen: Array<Map<number, number>> = []
    await inTransaction(getDb(), async (trx) => {
      seen.push(await read(trx, [1, 2]))
      seen.push(await read(trx, [1, 2]))
      await atTransactionEdge(trx, 'first', async (edge) => {
        seen.push(await read(edge, [1, 3]))
      })
      await atTransactionEdge(trx, 'second', async (edge) => {
        seen.push(await read(edge, [1, 2, 3]))
      })
    })
    await read(getDb(), [1])
    assert.deepEqual(reads, [[1, 2], [1, 2], [1, 3], [2], [1]])
    assert.deepEqual(
      seen.at(-1),
      new Map([
        [1, 1],
        [2, 4],
      ]),
    )
  })
})
