import type { Queryable, Trx } from '../../db/database.ts'
import { getMeeting, getOrganisationIdOfMeeting } from '../meeting/meeting.reads.ts'
import { DomainError, NotFoundError } from '../shared/errors.ts'
import { groupBy } from '../shared/group-by.ts'
import { findKeptSections, getMinutes, listSectionsWithOwners } from './minutes.repository.ts'
import type { Section } from './minutes.ts'
import { listRecusals, listServices } from './section-record.repository.ts'
import { listSignedOffSections, SignedOffRecordError } from './signed-off-record.ts'

// What the batch use cases of a §'s records (recordMotions, recordVotes, recordDissents,
// recordStatements) share: the §§ they write under, read once for the whole batch, and the loop
// that holds each record to its rules in order. The per-object use cases call them with one record.

export interface RecordBatchOptions<T> {
  /**
   * Told of each record a rule refuses. What it returns is checked again in the refused one's place
   * (an import records a refused motion as printed); undefined leaves the record out. Without it the
   * first refusal is thrown, before anything is written.
   */
  onRefused?: (index: number, error: DomainError, input: T) => T | undefined
}

/**
 * Each input held to `check` in order; `check` throws a DomainError to refuse and must change
 * nothing it keeps (a position taken) before its last rule. Refused inputs come back undefined.
 */
export function checkEach<T, R>(
  inputs: readonly T[],
  check: (input: T) => R,
  options: RecordBatchOptions<T>,
): Array<R | undefined> {
  return inputs.map((first, index) => {
    let input: T | undefined = first
    while (input !== undefined) {
      try {
        return check(input)
      } catch (error) {
        if (!(error instanceof DomainError) || !options.onRefused) throw error
        input = options.onRefused(index, error, input)
      }
    }
    return undefined
  })
}

export interface SectionOwners {
  minutesId: number
  meetingId: number
  committeeId: number
  organisationId: number
}

/** The §§ of a batch, read once: each to be written under, and what they belong to. */
export interface EditableSections {
  /** The § as getEditableSection gives it: refused when there is none or it is signed off (or being signed). */
  get(sectionId: number): Section
  owners(sectionId: number): SectionOwners
  ids: readonly number[]
}

export async function readEditableSections(
  trx: Trx,
  sectionIds: readonly number[],
): Promise<EditableSections> {
  const ids = [...new Set(sectionIds)]
  const rows = new Map(
    ((await keptSectionsWithOwners(trx, ids)) ?? (await listSectionsWithOwners(trx, ids))).map((r) => [
      r.section.id,
      r,
    ]),
  )
  const locked = new Map(
    (await listSignedOffSections(trx, { sectionIds: [...rows.keys()] })).map((s) => [s.id, s]),
  )
  const row = (sectionId: number) => {
    const found = rows.get(sectionId)
    if (!found) throw new NotFoundError('section', sectionId)
    return found
  }
  return {
    ids,
    get(sectionId) {
      const { section } = row(sectionId)
      const signedOff = locked.get(section.id)
      if (signedOff) throw new SignedOffRecordError('section', [signedOff.label], signedOff.signing)
      return section
    },
    owners: (sectionId) => row(sectionId).owners,
  }
}

/**
 * §§ of minutes this transaction created, with what they belong to, as kept: their meeting and its
 * committee and organisation are read once per transaction. Undefined when any § is not kept.
 */
async function keptSectionsWithOwners(trx: Trx, ids: readonly number[]) {
  const sections = findKeptSections(trx, ids)
  if (!sections) return undefined
  const owners = new Map<number, SectionOwners>()
  for (const minutesId of new Set(sections.map((s) => s.minutesId))) {
    const { meetingId } = await getMinutes(trx, minutesId)
    owners.set(minutesId, {
      minutesId,
      meetingId,
      committeeId: (await getMeeting(trx, meetingId)).committeeId,
      organisationId: await getOrganisationIdOfMeeting(trx, meetingId),
    })
  }
  return sections.map((section) => ({ section, owners: owners.get(section.minutesId) as SectionOwners }))
}

/** Who served at each of the §§ and, when asked (votes), who had jäv there: each read at once. */
export async function readServiceAndRecusals(
  db: Queryable,
  sectionIds: readonly number[],
  { recusals: withRecusals = true } = {},
) {
  const [services, recusals] = await Promise.all([
    listServices(db, sectionIds),
    withRecusals ? listRecusals(db, sectionIds) : [],
  ])
  const servicesBy = groupBy(services, (s) => s.sectionId)
  const recusalsBy = groupBy(recusals, (r) => r.sectionId)
  return {
    services: (sectionId: number) => servicesBy.get(sectionId) ?? [],
    recusals: (sectionId: number) => recusalsBy.get(sectionId) ?? [],
  }
}

/**
 * The next free position of each §'s motions, dissents, statements or votes: one query for the
 * batch, then counted on as each record is accepted.
 */
export async function nextPositions(
  db: Queryable,
  table: 'motion' | 'dissent' | 'statement' | 'vote',
  sectionIds: readonly number[],
) {
  const last = new Map<number, number>()
  if (sectionIds.length > 0) {
    const rows = await db
      .selectFrom(table)
      .select((eb) => ['section_id', eb.fn.max('position').as('last')])
      .where('section_id', 'in', [...sectionIds])
      .groupBy('section_id')
      .execute()
    for (const row of rows) last.set(row.section_id, Number(row.last ?? 0))
  }
  return {
    /** The position of the record accepted now under the §. */
    take(sectionId: number): number {
      const position = (last.get(sectionId) ?? 0) + 1
      last.set(sectionId, position)
      return position
    },
  }
}
