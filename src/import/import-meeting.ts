import { type Queryable, readOncePerTransaction, type Trx } from '../db/database.ts'
import { findCommitteeBySlug } from '../domain/committee/committee.reads.ts'
import { createCommittee, findCommitteeByName } from '../domain/committee/committee.service.ts'
import type { Committee, CommitteeKind } from '../domain/committee/committee.ts'
import { fillMeetingDetails, listMeetingsOn, scheduleMeeting } from '../domain/meeting/meeting.service.ts'
import type { Meeting } from '../domain/meeting/meeting.ts'
import { listOrganisations } from '../domain/organisation/organisation.reads.ts'
import { createOrganisation } from '../domain/organisation/organisation.service.ts'
import type { Organisation } from '../domain/organisation/organisation.ts'
import type { DocumentJson } from '../domain/publication/document-json.ts'
import type { Actor } from '../domain/shared/actor.ts'
import { isIsoDate } from '../domain/shared/calendar-date.ts'
import { InvalidInputError } from '../domain/shared/errors.ts'
import { slugify } from '../domain/shared/slug.ts'

declare module '../domain/shared/errors.ts' {
  interface RefusalReasons {
    import_organisation_missing: undefined
    import_committee_unknown: { committee: string; organisation: string }
    import_committee_missing: undefined
    import_meeting_date_differs: { stated: string; given: string }
    import_meeting_date_missing: undefined
    import_meeting_date_malformed: undefined
  }
}

export interface ImportTarget {
  /** The organisation's name, when the document does not state it. */
  organisation?: string
  /** The committee to import into, when the document does not name it (or names it otherwise). */
  committeeSlug?: string
  /** The meeting day, for a portal page copied without it (the date is in its address, not its text). */
  meetingDate?: string
}

/**
 * The organisation the document belongs to: the one named (option first, then the document), added
 * if new; or the only one there is.
 */
export async function resolveOrganisation(
  trx: Queryable,
  actor: Actor,
  document: DocumentJson,
  target: ImportTarget,
): Promise<Organisation> {
  const name = target.organisation ?? document.organisation
  // A named one is found (or added) once per transaction: its documents mostly name the same.
  if (name)
    return readOncePerTransaction(trx, `import-organisation:${name}`, () =>
      findOrganisation(trx, actor, name),
    )
  return findOrganisation(trx, actor, name)
}

async function findOrganisation(trx: Queryable, actor: Actor, name: string | undefined) {
  const existing = await listOrganisations(trx)
  if (!name) {
    if (existing.length === 1) return existing[0] as Organisation
    throw new InvalidInputError(
      'import_organisation_missing',
      'dokumentet anger ingen organisation: ange den med --organisation',
      'organisation',
    )
  }
  const known = existing.find((o) => o.slug === slugify(name))
  if (known) return known
  return createOrganisation(trx, actor, { name, kind: /^region\b/i.test(name) ? 'region' : 'kommun' })
}

/** The committee: the one given, or the one the document names (found by its slug, added if new). */
export async function resolveCommittee(
  trx: Queryable,
  actor: Actor,
  organisation: Organisation,
  document: DocumentJson,
  target: ImportTarget,
): Promise<Committee> {
  if (target.committeeSlug) {
    const committee = await findCommitteeBySlug(trx, target.committeeSlug)
    if (!committee || committee.organisationId !== organisation.id) {
      throw new InvalidInputError(
        'import_committee_unknown',
        `det finns ingen nämnd ${target.committeeSlug} i ${organisation.name}`,
        'committee',
        { committee: target.committeeSlug, organisation: organisation.name },
      )
    }
    return committee
  }
  if (!document.committee) {
    throw new InvalidInputError(
      'import_committee_missing',
      'dokumentet anger ingen nämnd: ange den med --committee',
      'committee',
    )
  }
  const name = capitalise(document.committee.trim())
  const known = await findCommitteeByName(trx, organisation.id, name)
  if (known) return known
  return createCommittee(trx, actor, { organisationId: organisation.id, name, kind: kindOf(name) })
}

/** The meeting of that committee on the document's day, scheduled if new, with time and place filled in. */
export async function resolveMeeting(
  trx: Trx,
  actor: Actor,
  committee: Committee,
  document: DocumentJson,
  target: ImportTarget,
): Promise<{ meeting: Meeting; created: boolean }> {
  const stated = document.meeting?.date
  if (stated && target.meetingDate && stated !== target.meetingDate) {
    throw new InvalidInputError(
      'import_meeting_date_differs',
      `enligt dokumentet hölls sammanträdet ${stated}, inte ${target.meetingDate}`,
      'meetingDate',
      { stated, given: target.meetingDate },
    )
  }
  const date = stated ?? target.meetingDate
  if (!date)
    throw new InvalidInputError(
      'import_meeting_date_missing',
      'dokumentet anger inget sammanträdesdatum: ange det med --meeting-date',
      'meetingDate',
    )
  if (!isIsoDate(date))
    throw new InvalidInputError(
      'import_meeting_date_malformed',
      'sammanträdesdatumet skrivs ÅÅÅÅ-MM-DD',
      'meetingDate',
    )
  const details = {
    ...(document.meeting?.start ? { startTime: document.meeting.start } : {}),
    ...(document.meeting?.end ? { endTime: document.meeting.end } : {}),
    ...(document.meeting?.location ? { location: document.meeting.location } : {}),
  }
  const [existing] = await listMeetingsOn(trx, committee.id, date)
  if (existing) return { meeting: await fillMeetingDetails(trx, actor, existing, details), created: false }
  return {
    meeting: await scheduleMeeting(trx, actor, { committeeId: committee.id, meetsOn: date, ...details }),
    created: true,
  }
}

// An utskott needs its parent, which a single document does not name: it is imported as a nämnd
// and can be moved under its parent in the workspace.
function kindOf(name: string): CommitteeKind {
  const lower = name.toLowerCase()
  if (lower.includes('fullmäktige')) return 'fullmaktige'
  if (lower.endsWith('styrelsen') || lower.endsWith('styrelse')) return 'styrelse'
  if (lower.endsWith('rådet') || lower.endsWith('råd')) return 'rad'
  return 'namnd'
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
