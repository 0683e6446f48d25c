import type { Trx } from '../../db/database.ts'
import { keptFormVersion, packForm, unpackedJson } from '../publication/oparl/oparl-kept-forms.ts'
import { keepPublicActivity } from './kept-activity.ts'
import { candidatesOf, keptKinds, objectKey, type PublicForm, readPublicForms } from './public-forms.ts'
import {
  dropKeptForms,
  keepForm,
  listKeptForms,
  listMeetingsNaming,
  listStoredObjects,
  lockPublicChangeLog,
  moveToScope,
  type PublicChangeWrite,
  type StoredObject,
  writePublicChanges,
} from './public-record.repository.ts'
import { type PublicAction, type PublicScope, scopeKey } from './public-record.ts'
import { publicRecordTouched } from './public-record-edge.ts'

/**
 * Decides what the public sees of some scopes now and writes what changed: each object that
 * appeared, changed (its public form has another digest) or vanished (was public, is no more:
 * withdrawn, depublished, made confidential, deleted) gets a row in the log and its new state.
 * Runs in the transaction of the change, at its end, holding the log's lock. Returns how many
 * changes it wrote.
 */
export async function reconcilePublicRecord(
  trx: Trx,
  scopes: readonly PublicScope[],
  /** False where every meeting is decided anyway (filling the log of a whole archive). */
  { followNames = true } = {},
): Promise<number> {
  if (scopes.length === 0) return 0
  await lockPublicChangeLog(trx)
  const at = new Date().toISOString()
  const candidates = await candidatesOf(trx, scopes)
  // What was public through these scopes may have vanished from them: decide those again too.
  for (const s of await listStoredObjects(trx, [], scopes.map(scopeKey)))
    if (s.public) candidates.add(s.kind, s.objectId, s.scope)
  const keys = [...candidates.ids].flatMap(([kind, ids]) => [...ids].map((objectId) => ({ kind, objectId })))
  const stored = new Map<string, StoredObject>(
    (await listStoredObjects(trx, keys, [])).map((s) => [objectKey(s.kind, s.objectId), s]),
  )
  const forms = new Map<string, PublicForm>(
    (await readPublicForms(trx, candidates)).map((f) => [objectKey(f.kind, f.objectId), f]),
  )
  const changes: PublicChangeWrite[] = []
  const change = (
    object: Pick<PublicForm, 'kind' | 'objectId' | 'organisationId'>,
    action: PublicAction,
    digest: string | null,
    existed: boolean,
  ) => {
    const scope = candidates.scopeOf.get(objectKey(object.kind, object.objectId)) ?? ''
    const { kind, objectId, organisationId } = object
    changes.push({ kind, objectId, organisationId, scope, action, digest, at, existed })
  }
  for (const [key, form] of forms) {
    const before = stored.get(key)
    const scope = candidates.scopeOf.get(key) ?? ''
    if (!before) change(form, 'appeared', form.digest, false)
    else if (!before.public) change(form, 'appeared', form.digest, true)
    else if (before.digest !== form.digest) change(form, 'changed', form.digest, true)
    else if (before.scope !== scope) await moveToScope(trx, form.kind, form.objectId, scope)
  }
  const vanished: StoredObject[] = []
  for (const [key, before] of stored)
    if (before.public && !forms.has(key)) {
      vanished.push(before)
      change(before, 'vanished', null, true)
    }
  await writePublicChanges(trx, changes)
  await keepForms(trx, [...forms.values()], vanished)
  // The person and party pages' kept record follows the same scopes (0035).
  await keepPublicActivity(trx, scopes, { everyMeeting: !followNames })
  // A meeting's form links each person it names who is public in OParl: one who became public (a
  // first seat) or stopped being so changes the forms of the meetings naming them, decided next.
  const flipped = changes.filter((c) => c.kind === 'person' && c.action !== 'changed').map((c) => c.objectId)
  if (followNames && flipped.length > 0) {
    // The meetings decided just now read the persons' state from the same tables: not again.
    const decided = new Set(scopes.flatMap((s) => ('meetingId' in s ? [s.meetingId] : [])))
    const naming = (await listMeetingsNaming(trx, flipped)).filter((id) => !decided.has(id))
    await publicRecordTouched(trx, ...naming.map((meetingId) => ({ meetingId })))
  }
  return changes.length
}

/**
 * Keeps the forms of the kept kinds as they were just taken (a form whose digest did not change
 * may still differ in what the digest leaves out, its `modified`), and forgets those that vanished.
 * An archive whose log was filled before forms were kept gets them when its scopes are decided
 * again (`paragraf change-log`), without a change in the log.
 */
async function keepForms(trx: Trx, forms: readonly PublicForm[], vanished: readonly StoredObject[]) {
  for (const kind of keptKinds) {
    const taken = forms.filter((f) => f.kind === kind && f.kept)
    const before = await listKeptForms(
      trx,
      kind,
      taken.map((f) => f.objectId),
    )
    for (const { objectId, kept } of taken) {
      if (!kept) continue
      const old = before.get(objectId)
      if (
        old &&
        old.version === keptFormVersion &&
        old.steadyFrom === kept.steadyFrom &&
        unpackedJson(old.form) === kept.json
      )
        continue
      await keepForm(trx, kind, objectId, {
        version: keptFormVersion,
        steadyFrom: kept.steadyFrom,
        form: packForm(kept.json),
      })
    }
    await dropKeptForms(
      trx,
      kind,
      vanished.filter((v) => v.kind === kind).map((v) => v.objectId),
    )
  }
}
