import type { Queryable } from '../../db/database.ts'
import {
  addCandidate,
  type PublicForm,
  readPublicForms,
  type ScopeCandidates,
  scopeCandidates,
} from './public-forms.ts'
import {
  listStoredObjects,
  lockPublicChangeLog,
  moveToScope,
  type StoredObject,
  writePublicChange,
} from './public-record.repository.ts'
import type { PublicAction, PublicScope } from './public-record.ts'

/**
 * Decides what the public sees of some scopes now and writes what changed: each object that
 * appeared, changed (its public form has another digest) or vanished (was public, is no more:
 * withdrawn, depublished, made confidential, deleted) gets a row in the log and its new state.
 * Runs in the transaction of the change, at its end, holding the log's lock.
 */
export async function reconcilePublicRecord(trx: Queryable, scopes: readonly PublicScope[]): Promise<number> {
  await lockPublicChangeLog(trx)
  let written = 0
  const at = new Date().toISOString()
  for (const scope of scopes) written += await reconcileScope(trx, await scopeCandidates(trx, scope), at)
  return written
}

export async function reconcileScope(
  trx: Queryable,
  candidates: ScopeCandidates,
  at: string,
): Promise<number> {
  // What was public through this scope may have vanished from it: decide those again too.
  const storedInScope = await listStoredObjects(trx, [], [candidates.scope])
  for (const s of storedInScope) if (s.public) addCandidate(candidates, s.kind, s.objectId)
  const keys = [...candidates.ids].flatMap(([kind, ids]) => [...ids].map((objectId) => ({ kind, objectId })))
  const stored = new Map<string, StoredObject>(
    (await listStoredObjects(trx, keys, [])).map((s) => [`${s.kind}:${s.objectId}`, s] as const),
  )
  const forms = new Map<string, PublicForm>(
    (await readPublicForms(trx, candidates)).map((f) => [`${f.kind}:${f.objectId}`, f]),
  )
  let written = 0
  const write = async (
    form: Pick<PublicForm, 'kind' | 'objectId' | 'organisationId'>,
    action: PublicAction,
    digest: string | null,
    existed: boolean,
  ) => {
    await writePublicChange(trx, { ...form, scope: candidates.scope, action, digest, at, existed })
    written++
  }
  for (const [key, form] of forms) {
    const before = stored.get(key)
    if (!before) await write(form, 'appeared', form.digest, false)
    else if (!before.public) await write(form, 'appeared', form.digest, true)
    else if (before.digest !== form.digest) await write(form, 'changed', form.digest, true)
    else if (before.scope !== candidates.scope)
      await moveToScope(trx, form.kind, form.objectId, candidates.scope)
  }
  for (const [key, before] of stored) {
    if (!before.public || forms.has(key)) continue
    const organisationId = await storedOrganisation(trx, before.kind, before.objectId)
    await write({ kind: before.kind, objectId: before.objectId, organisationId }, 'vanished', null, true)
  }
  return written
}

async function storedOrganisation(trx: Queryable, kind: string, objectId: number): Promise<number> {
  const row = await trx
    .selectFrom('public_object')
    .select('organisation_id')
    .where('kind', '=', kind)
    .where('object_id', '=', objectId)
    .executeTakeFirst()
  return row?.organisation_id ?? 0
}
