import type { Db } from '../../src/db/database.ts'

// Rows of the public change log (public_change, migration 0024) written straight into the table,
// for tests of what follows the log (webhooks) independently of the code that writes it.

export async function insertPublicChange(
  db: Db,
  change: {
    organisationId: number
    kind?: string
    objectId?: number
    action?: 'appeared' | 'changed' | 'vanished'
    changedAt?: string
  },
): Promise<number> {
  const row = await db
    .insertInto('public_change')
    .values({
      organisation_id: change.organisationId,
      kind: change.kind ?? 'meeting',
      object_id: change.objectId ?? 1,
      action: change.action ?? 'appeared',
      changed_at: change.changedAt ?? new Date().toISOString(),
    })
    .returning('seq')
    .executeTakeFirstOrThrow()
  return row.seq
}
