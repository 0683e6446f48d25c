import type { KyselyPlugin } from 'kysely'
import type { Db } from '../../src/db/database.ts'

/** How many statements a read sends: it is given the database through a plugin that counts them. */
export async function statementsSentBy(db: Db, read: (db: Db) => Promise<unknown>): Promise<number> {
  let statements = 0
  const counting: KyselyPlugin = {
    transformQuery: ({ node }) => {
      statements++
      return node
    },
    transformResult: async ({ result }) => result,
  }
  await read(db.withPlugin(counting) as Db)
  return statements
}
