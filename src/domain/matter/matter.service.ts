import type { Queryable, Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError } from '../shared/errors.ts'
import {
  insertMatters,
  listMatterAppearanceRows,
  listMattersByRegistryNumbers,
  updateMatterRow,
} from './matter.repository.ts'
import { type Matter, type MatterKind, normaliseRegistryNumber } from './matter.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    registry_number_length: undefined
    registry_number_format: undefined
  }
}

export interface RegisterMatterInput {
  organisationId: number
  registryNumber: string
  title?: string
  kind?: MatterKind
  /** The organisation's registry-number format (a local setting), checked when given. */
  registryNumberPattern?: string
}

/**
 * The matter with that registry number, registered if it is new: the same Dnr in two meetings or
 * two committees is one matter. A title or kind it lacked is filled in; a known one is kept.
 */
export async function registerMatter(trx: Trx, actor: Actor, input: RegisterMatterInput): Promise<Matter> {
  return (await registerMatters(trx, actor, [input]))[0] as Matter
}

/**
 * registerMatter for several registry numbers at once (an imported agenda's items), in the order
 * given, as if one after the other: the matters are read in one statement per organisation and
 * the new ones written in one, so an agenda of twenty items costs two statements, not forty.
 */
export async function registerMatters(
  trx: Trx,
  actor: Actor,
  inputs: readonly RegisterMatterInput[],
): Promise<Matter[]> {
  const numbers = inputs.map(checkedRegistryNumber)
  const known = new Map<string, Matter>()
  for (const organisationId of new Set(inputs.map((i) => i.organisationId))) {
    const ofOrganisation = numbers.filter((_, n) => inputs[n]?.organisationId === organisationId)
    for (const matter of (await listMattersByRegistryNumbers(trx, organisationId, ofOrganisation)).values())
      known.set(keyOf(organisationId, matter.registryNumber), matter)
  }
  // New matters wait to be written together; a fill writes those waiting first, so the audit log
  // tells the same story as registering one by one.
  const pending = new Map<string, Omit<Matter, 'id'>>()
  const writePending = async () => {
    for (const matter of await insertMatters(trx, [...pending.values()])) {
      known.set(keyOf(matter.organisationId, matter.registryNumber), matter)
      await recordAudit(trx, actor, 'matter.registered', refOf(matter), { after: matter })
    }
    pending.clear()
  }
  const keys: string[] = []
  for (const [n, input] of inputs.entries()) {
    const registryNumber = numbers[n] as string
    const key = keyOf(input.organisationId, registryNumber)
    keys.push(key)
    const existing = known.get(key) ?? pending.get(key)
    if (!existing) {
      pending.set(key, {
        organisationId: input.organisationId,
        registryNumber,
        title: input.title?.trim() || null,
        kind: input.kind ?? null,
      })
      continue
    }
    const fill = {
      ...(input.title && !existing.title ? { title: input.title.trim() } : {}),
      ...(input.kind && !existing.kind ? { kind: input.kind } : {}),
    }
    if (Object.keys(fill).length === 0) continue
    await writePending()
    const before = known.get(key) as Matter
    const after = await updateMatterRow(trx, before.id, fill)
    known.set(key, after)
    await recordAudit(trx, actor, 'matter.updated', refOf(after), { before, after })
  }
  await writePending()
  return keys.map((key) => known.get(key) as Matter)
}

const keyOf = (organisationId: number, registryNumber: string) => `${organisationId}:${registryNumber}`
const refOf = (m: Matter) => ({ type: 'matter', id: m.id, organisationId: m.organisationId })

/** The registry number as stored, refused when it is empty, too long or off the organisation's format. */
function checkedRegistryNumber(input: RegisterMatterInput): string {
  const registryNumber = normaliseRegistryNumber(input.registryNumber)
  if (!registryNumber || registryNumber.length > 60) {
    throw new InvalidInputError(
      'registry_number_length',
      'a registry number of 1–60 characters is needed',
      'registryNumber',
    )
  }
  if (
    input.registryNumberPattern &&
    !new RegExp(`^(?:${input.registryNumberPattern})$`).test(registryNumber)
  ) {
    throw new InvalidInputError(
      'registry_number_format',
      `the registry number ${registryNumber} does not follow the format in use`,
      'registryNumber',
    )
  }
  return registryNumber
}

export interface MatterAppearance {
  agendaItemId: number
  title: string | null
  number: string | null
  confidential: boolean
  meetingId: number
  meetsOn: string
  meetingSlug: string
  committeeName: string
  committeeSlug: string
}

/** Every meeting and committee the matter has passed, oldest first. */
export async function listMatterAppearances(db: Queryable, matterId: number): Promise<MatterAppearance[]> {
  const rows = await listMatterAppearanceRows(db, matterId)
  return rows.map((row) => ({ ...row, confidential: Boolean(row.confidential) }))
}
