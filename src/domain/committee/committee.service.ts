import { type Db, inTransaction, type Queryable } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import {
  effectiveSettings,
  type LocalSettings,
  type LocalSettingsOverride,
} from '../organisation/local-settings.ts'
import { getOrganisation } from '../organisation/organisation.reads.ts'
import { parseSettings } from '../organisation/organisation.service.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError } from '../shared/errors.ts'
import { cappedSlug, slugify, uniqueSlug } from '../shared/slug.ts'
import {
  getCommittee,
  insertCommittee,
  listCommitteeRows,
  listSlugsStartingWith,
  updateCommitteeRow,
} from './committee.repository.ts'
import type { Committee, CommitteeKind } from './committee.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    committee_name_missing: undefined
    committee_seats_invalid: undefined
    utskott_parent_missing: undefined
  }
}

/**
 * The organisation's committee of that name, written in any case or with other punctuation
 * ("Socialnämnden", "SOCIALNÄMNDEN"), found by its slug even when the slug was cut short.
 */
export async function findCommitteeByName(
  db: Queryable,
  organisationId: number,
  name: string,
): Promise<Committee | undefined> {
  const base = cappedSlug(name)
  if (!base) return undefined
  const candidates = await listCommitteeRows(db, organisationId)
  return candidates.find((c) => c.slug.startsWith(base) && slugify(c.name) === slugify(name))
}

export interface CreateCommitteeInput {
  organisationId: number
  name: string
  kind: CommitteeKind
  parentId?: number
  seats?: number
  settings?: LocalSettingsOverride
}

/** Sets up a committee. An utskott belongs to a parent committee of the same organisation. */
export async function createCommittee(
  db: Queryable,
  actor: Actor,
  input: CreateCommitteeInput,
): Promise<Committee> {
  const name = input.name.trim()
  if (!name) throw new InvalidInputError('committee_name_missing', 'the committee needs a name', 'name')
  if (input.seats !== undefined && (!Number.isInteger(input.seats) || input.seats < 1 || input.seats > 101)) {
    throw new InvalidInputError(
      'committee_seats_invalid',
      'seats must be a whole number from 1 to 101',
      'seats',
    )
  }
  if (input.kind === 'utskott' && input.parentId === undefined) {
    throw new InvalidInputError('utskott_parent_missing', 'an utskott needs a parent committee', 'parentId')
  }
  const settings = parseSettings(input.settings ?? {})
  return inTransaction(db, async (trx) => {
    await getOrganisation(trx, input.organisationId)
    if (input.parentId !== undefined) {
      const parent = await getCommittee(trx, input.parentId)
      if (parent.organisationId !== input.organisationId) {
        throw new InvalidInputError(
          'committee_of_other_organisation',
          'the parent committee belongs to another organisation',
          'parentId',
        )
      }
    }
    // Capped: a long name ("Nämnden för arbetsmarknad, vuxenutbildning, …") still gets addresses
    // that every page can be reached at.
    const base = cappedSlug(name) || 'namnd'
    const committee = await insertCommittee(trx, {
      organisationId: input.organisationId,
      parentId: input.parentId ?? null,
      name,
      slug: uniqueSlug(base, await listSlugsStartingWith(trx, base)),
      kind: input.kind,
      seats: input.seats ?? null,
      settings,
    })
    await recordAudit(trx, actor, 'committee.created', auditRef(committee), { after: committee })
    return committee
  })
}

/** Changes the committee's own local settings (its overrides of the organisation's). */
export async function updateCommitteeSettings(
  db: Db,
  actor: Actor,
  committeeId: number,
  settings: LocalSettingsOverride,
): Promise<Committee> {
  const parsed = parseSettings(settings)
  return db.transaction().execute(async (trx) => {
    const before = await getCommittee(trx, committeeId)
    const after = await updateCommitteeRow(trx, committeeId, { settings: parsed })
    await recordAudit(trx, actor, 'committee.settings_changed', auditRef(after), {
      before: before.settings,
      after: after.settings,
    })
    return after
  })
}

/** The local settings in force for a committee: its own over its organisation's over the defaults. */
export async function getCommitteeSettings(db: Queryable, committeeId: number): Promise<LocalSettings> {
  const committee = await getCommittee(db, committeeId)
  const organisation = await getOrganisation(db, committee.organisationId)
  return effectiveSettings(organisation.settings, committee.settings)
}

export function listCommittees(db: Queryable, organisationId?: number): Promise<Committee[]> {
  return listCommitteeRows(db, organisationId)
}

const auditRef = (c: Committee) => ({ type: 'committee', id: c.id, organisationId: c.organisationId })
