import type { Queryable, Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError } from '../shared/errors.ts'
import {
  findMatterByRegistryNumber,
  insertMatter,
  listMatterAppearanceRows,
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
  const existing = await findMatterByRegistryNumber(trx, input.organisationId, registryNumber)
  const ref = (m: Matter) => ({ type: 'matter', id: m.id, organisationId: m.organisationId })
  if (existing) {
    const fill = {
      ...(input.title && !existing.title ? { title: input.title.trim() } : {}),
      ...(input.kind && !existing.kind ? { kind: input.kind } : {}),
    }
    if (Object.keys(fill).length === 0) return existing
    const after = await updateMatterRow(trx, existing.id, fill)
    await recordAudit(trx, actor, 'matter.updated', ref(after), { before: existing, after })
    return after
  }
  const matter = await insertMatter(trx, {
    organisationId: input.organisationId,
    registryNumber,
    title: input.title?.trim() || null,
    kind: input.kind ?? null,
  })
  await recordAudit(trx, actor, 'matter.registered', ref(matter), { after: matter })
  return matter
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
