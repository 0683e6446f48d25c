import type { Queryable } from '../../../db/database.ts'
import { listPublicObjectStates } from '../../public-record/public-record.reads.ts'
import { type PublicKind, publicKinds } from '../../public-record/public-record.ts'
import type { OparlObject } from './oparl-objects.ts'

// `modified` of an OParl object is when what the public sees of it last changed, as the public
// change log recorded it (docs/decisions/0001-public-change-log.md) — the same time the lists'
// modified_since filter reads and the tombstones carry, so a client syncing by it misses nothing.
// An object the log has no row for yet (an archive whose log is being filled) keeps the time
// computed from its rows.

const address = new RegExp(`/(${publicKinds.join('|')})/(\\d+)$`)

/** Sets `modified` of the objects, and of every object inline in them, from the log: a query per kind. */
export async function withLoggedModified<T extends OparlObject | undefined>(
  db: Queryable,
  objects: T[],
): Promise<T[]> {
  const found: { object: Record<string, unknown>; kind: PublicKind; id: number }[] = []
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    if (!value || typeof value !== 'object') return
    const object = value as Record<string, unknown>
    if (typeof object.id === 'string' && typeof object.type === 'string' && 'modified' in object) {
      const match = address.exec(object.id)
      if (match) found.push({ object, kind: match[1] as PublicKind, id: Number(match[2]) })
    }
    for (const child of Object.values(object)) if (child && typeof child === 'object') visit(child)
  }
  visit(objects)
  const idsOf = new Map<PublicKind, Set<number>>()
  for (const f of found) idsOf.set(f.kind, (idsOf.get(f.kind) ?? new Set()).add(f.id))
  const statesOf = new Map(
    await Promise.all(
      [...idsOf].map(
        async ([kind, ids]) => [kind, await listPublicObjectStates(db, kind, [...ids])] as const,
      ),
    ),
  )
  for (const f of found) {
    const state = statesOf.get(f.kind)?.get(f.id)
    if (state?.public) f.object.modified = state.modifiedAt
  }
  return objects
}
