import { oparlType } from './oparl-links.ts'
import type { OparlObject } from './oparl-objects.ts'

// 2-05, new in OParl 1.1: with `omit_internal=true` a client that reads the external lists (the
// Body's agendaItem, file, membership …) asks the server to leave out the same objects inline.

/** The inline lists 2-05 names, by the type of the object that carries them. */
const internalLists: Record<string, readonly string[]> = {
  [oparlType('AgendaItem')]: ['auxiliaryFile'],
  [oparlType('Meeting')]: ['auxiliaryFile', 'agendaItem'],
  [oparlType('Paper')]: ['auxiliaryFile', 'location'],
  [oparlType('Person')]: ['membership'],
  // Body's `legislativeTerm` is named too, but the Body schema requires it, so it stays (docs/oparl.md).
}

/** The object without the inline lists 2-05 lets a client skip. */
export function omitInternalLists(object: OparlObject): OparlObject {
  const omitted = internalLists[object.type]
  if (!omitted) return object
  return Object.fromEntries(Object.entries(object).filter(([key]) => !omitted.includes(key))) as OparlObject
}
