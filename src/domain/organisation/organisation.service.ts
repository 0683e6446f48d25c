import { type Db, inTransaction } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError } from '../shared/errors.ts'
import { slugify } from '../shared/slug.ts'

import { type LocalSettingsOverride, partialLocalSettingsSchema } from './local-settings.ts'
import {
  findOrganisationBySlug,
  getOrganisation,
  insertOrganisation,
  updateOrganisationRow,
} from './organisation.repository.ts'
import type { Organisation, OrganisationKind } from './organisation.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    organisation_name_missing: undefined
    organisation_exists: undefined
    setting_invalid: undefined
  }
}

export interface CreateOrganisationInput {
  name: string
  kind: OrganisationKind
  settings?: LocalSettingsOverride
}

/** Registers a kommun or region with its local settings. Its name must be new. */
export async function createOrganisation(
  db: Db,
  actor: Actor,
  input: CreateOrganisationInput,
): Promise<Organisation> {
  const name = input.name.trim()
  if (!name) throw new InvalidInputError('organisation_name_missing', 'the organisation needs a name', 'name')
  const settings = parseSettings(input.settings ?? {})
  return inTransaction(db, async (trx) => {
    const slug = slugify(name)
    if (await findOrganisationBySlug(trx, slug))
      throw new InvalidInputError('organisation_exists', `an organisation named ${name} exists`, 'name')
    const organisation = await insertOrganisation(trx, { name, slug, kind: input.kind, settings })
    await recordAudit(trx, actor, 'organisation.created', auditRef(organisation), { after: organisation })
    return organisation
  })
}

/** Changes the organisation's local settings; what a committee overrides stays as it is. */
export async function updateOrganisationSettings(
  db: Db,
  actor: Actor,
  organisationId: number,
  settings: LocalSettingsOverride,
): Promise<Organisation> {
  const parsed = parseSettings(settings)
  return db.transaction().execute(async (trx) => {
    const before = await getOrganisation(trx, organisationId)
    const after = await updateOrganisationRow(trx, organisationId, { settings: parsed })
    await recordAudit(trx, actor, 'organisation.settings_changed', auditRef(after), {
      before: before.settings,
      after: after.settings,
    })
    return after
  })
}

export function parseSettings(settings: unknown): LocalSettingsOverride {
  const result = partialLocalSettingsSchema.safeParse(settings)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new InvalidInputError(
      'setting_invalid',
      `invalid setting ${issue?.path.join('.')}: ${issue?.message}`,
      issue?.path.join('.'),
    )
  }
  return result.data
}

const auditRef = (o: Organisation) => ({ type: 'organisation', id: o.id, organisationId: o.id })
