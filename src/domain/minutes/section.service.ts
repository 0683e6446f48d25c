import { inTransaction, type Queryable, type Trx } from '../../db/database.ts'
import { carryOverMatters } from '../agenda/carry-over.service.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import { getOrganisationIdOfMeeting } from '../meeting/meeting.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidStateError } from '../shared/errors.ts'
import { listAttendance } from './attendance.repository.ts'
import {
  getMinutes,
  getSection,
  getSectionOwners,
  listSectionRows,
  updateSectionRow,
} from './minutes.repository.ts'
import type { Section, Service } from './minutes.ts'
import { type Quorum, quorumFor } from './quorum.ts'
import {
  deleteService,
  insertRecusal,
  insertService,
  insertServices,
  listRecusals,
  listServices,
} from './section-record.repository.ts'
import { addSections, cleanPoints, type SectionInput } from './sections.service.ts'
import { assertSectionsOpen, listSignedOffSections } from './signed-off-record.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    immediate_sign_off_not_allowed: undefined
    section_number_invalid: undefined
    section_number_taken: undefined
    recused_may_not_take_part: undefined
  }
}

export type { SectionInput } from './sections.service.ts'

/**
 * Adds a § to the minutes, numbered by the committee's scheme (per meeting or per year, with its
 * prefix) unless a number is given, as when importing a published protocol.
 */
export async function addSection(
  db: Queryable,
  actor: Actor,
  input: SectionInput & { minutesId: number; number?: number },
): Promise<Section> {
  const { minutesId, ...section } = input
  // One § is a list of one: the numbering rules live in addSections. In a transaction of its own
  // when the caller has none, so the §, its audit row and what the edge decides commit together.
  const [added] = await inTransaction(db, (trx) =>
    addSections(trx, actor, { minutesId, sections: [section] }),
  )
  return added as Section
}

/** Edits a §. `version` is the one the editor read; signed-off §§ are locked (a correction needs a rectification). */
export async function updateSection(
  trx: Trx,
  actor: Actor,
  input: Partial<SectionInput> & { sectionId: number; version: number },
): Promise<Section> {
  const before = await getEditableSection(trx, input.sectionId)
  const after = await updateSectionRow(
    trx,
    { ...before, version: input.version },
    {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.summary !== undefined ? { summary: input.summary.trim() || null } : {}),
      ...(input.decision !== undefined ? { decision: cleanPoints(input.decision) } : {}),
      ...(input.decisionProcedure !== undefined
        ? { decisionProcedure: input.decisionProcedure.trim() || null }
        : {}),
      ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
      ...(input.confidential !== undefined ? { confidential: input.confidential } : {}),
      ...(input.immediateSignOff !== undefined ? { immediateSignOff: input.immediateSignOff } : {}),
    },
  )
  await auditSection(trx, actor, 'section.changed', after.id, { before, after })
  if (after.outcome !== before.outcome) {
    await carryOverIfUndecided(trx, actor, after, (await getMinutes(trx, after.minutesId)).meetingId)
  }
  return after
}

/** B5: a tabled or referred-back matter goes onto the next meeting's agenda, if it is being prepared. */
async function carryOverIfUndecided(trx: Trx, actor: Actor, section: Section, meetingId: number) {
  if (section.outcome === 'tabled' || section.outcome === 'referred_back') {
    await carryOverMatters(trx, actor, { fromMeetingId: meetingId })
  }
}

export interface RollCallEntry {
  personId: number
  partyId?: number
  servingForPersonId?: number
  remote?: boolean
  /** The §§ the person served at: all of them unless the minutes say otherwise. */
  sectionNumbers?: number[]
}

/**
 * Records who served at every § from the roll call at once (M1): each person at the §§ given, or
 * at all; nobody at a § where they have jäv; nobody twice; one substitute per absent member per §.
 */
export async function recordServingFromRollCall(
  trx: Trx,
  actor: Actor,
  input: { minutesId: number; entries: RollCallEntry[] },
): Promise<number> {
  const all = await listSectionRows(trx, [input.minutesId])
  // Signed-off §§ keep the record they were signed off with; the roll call applies to the others.
  const locked = new Set((await listSignedOffSections(trx, { minutesId: input.minutesId })).map((s) => s.id))
  const sections = all.filter((s) => !locked.has(s.id))
  const ids = sections.map((s) => s.id)
  const [existing, recusals] = await Promise.all([listServices(trx, ids), listRecusals(trx, ids)])
  const taken = new Set(existing.map((s) => `${s.sectionId}:${s.personId}`))
  const replaced = new Set(
    existing.filter((s) => s.servingForPersonId).map((s) => `${s.sectionId}:${s.servingForPersonId}`),
  )
  const recused = new Set(recusals.map((r) => `${r.sectionId}:${r.personId}`))
  const rows: Service[] = []
  for (const entry of input.entries) {
    const at = entry.sectionNumbers ? new Set(entry.sectionNumbers) : undefined
    for (const section of sections) {
      const key = `${section.id}:${entry.personId}`
      if ((at && !at.has(section.number)) || taken.has(key) || recused.has(key)) continue
      if (entry.servingForPersonId) {
        const seat = `${section.id}:${entry.servingForPersonId}`
        if (replaced.has(seat)) continue
        replaced.add(seat)
      }
      taken.add(key)
      rows.push({
        sectionId: section.id,
        personId: entry.personId,
        partyId: entry.partyId ?? null,
        servingForPersonId: entry.servingForPersonId ?? null,
        remote: entry.remote ?? false,
      })
    }
  }
  await insertServices(trx, rows)
  const meetingId = (await getMinutes(trx, input.minutesId)).meetingId
  await recordAudit(
    trx,
    actor,
    'minutes.serving_recorded',
    {
      type: 'minutes',
      id: input.minutesId,
      organisationId: await getOrganisationIdOfMeeting(trx, meetingId),
    },
    { after: { services: rows.length } },
  )
  return rows.length
}

/** Records that a member or a substitute served (tjänstgjorde) at a § (M1). A recused member cannot. */
export async function recordServing(
  trx: Trx,
  actor: Actor,
  input: {
    sectionId: number
    personId: number
    partyId?: number
    servingForPersonId?: number
    remote?: boolean
  },
): Promise<void> {
  const section = await getEditableSection(trx, input.sectionId)
  const recusals = await listRecusals(trx, [section.id])
  // KL 6:28: a member with jäv may not take part in the matter.
  if (recusals.some((r) => r.personId === input.personId)) {
    throw new InvalidStateError(
      'recused_may_not_take_part',
      'a member with jäv may not serve at this § (KL 6:28)',
    )
  }
  const { meetingId } = await getSectionOwners(trx, section.id)
  const attendance = (await listAttendance(trx, [meetingId])).find((a) => a.personId === input.personId)
  // KL 5:20: a member who broke off for another reason than jäv does not serve again that day.
  if (attendance?.leftAfterSection != null && section.number > attendance.leftAfterSection) {
    throw new InvalidStateError(
      'left_does_not_return',
      `someone who left after § ${attendance.leftAfterSection} does not serve again the same day (KL 5:20)`,
    )
  }
  const services = await listServices(trx, [section.id])
  if (services.some((s) => s.personId === input.personId)) return
  if (
    input.servingForPersonId !== undefined &&
    services.some((s) => s.servingForPersonId === input.servingForPersonId)
  ) {
    throw new InvalidStateError(
      'two_substitutes_for_member',
      'someone already serves for that member at this §',
    )
  }
  await insertService(trx, {
    sectionId: section.id,
    personId: input.personId,
    partyId: input.partyId ?? null,
    servingForPersonId: input.servingForPersonId ?? null,
    remote: input.remote ?? false,
  })
  await auditSection(trx, actor, 'section.serving_recorded', section.id, { after: input })
}

/** Records jäv: the member leaves for this § only, and no longer serves at it (KL 6:28–30, B2). */
export async function recordRecusal(
  trx: Trx,
  actor: Actor,
  input: { sectionId: number; personId: number; reason?: string },
): Promise<void> {
  const section = await getEditableSection(trx, input.sectionId)
  if ((await listRecusals(trx, [section.id])).some((r) => r.personId === input.personId)) return
  await deleteService(trx, section.id, input.personId)
  await insertRecusal(trx, {
    sectionId: section.id,
    personId: input.personId,
    reason: input.reason?.trim() || null,
  })
  await auditSection(trx, actor, 'section.recusal_recorded', section.id, { after: input })
}

/** Whether the committee may decide at this § (KL 6:27), from who served there and who had jäv. */
export async function sectionQuorum(db: Queryable, sectionId: number): Promise<Quorum | undefined> {
  const section = await getSection(db, sectionId)
  const committee = await getCommittee(db, (await getSectionOwners(db, sectionId)).committeeId)
  if (!committee.seats) return undefined
  const [services, recusals] = await Promise.all([
    listServices(db, [section.id]),
    listRecusals(db, [section.id]),
  ])
  return quorumFor({
    seats: committee.seats,
    serving: services,
    recusedPersonIds: recusals.map((r) => r.personId),
  })
}

/**
 * A § that may still be changed: it is not signed off. Every use case that writes a § or what is
 * recorded under it (who served, jäv, motions, votes, dissents, statements) reads it through here.
 */
export async function getEditableSection(trx: Trx, sectionId: number): Promise<Section> {
  const section = await getSection(trx, sectionId)
  await assertSectionsOpen(trx, [section.id])
  return section
}

/** Writes the audit row of a change to a § or to what is recorded under it. */
export async function auditSection(
  trx: Trx,
  actor: Actor,
  action: string,
  sectionId: number,
  change: { before?: unknown; after?: unknown },
) {
  const { organisationId } = await getSectionOwners(trx, sectionId)
  await recordAudit(trx, actor, action, { type: 'section', id: sectionId, organisationId }, change)
}
