import type { Trx } from '../../db/database.ts'
import { carryOverMatters } from '../agenda/carry-over.service.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import { getMeeting, getOrganisationIdOfMeeting } from '../meeting/meeting.reads.ts'
import type { Actor } from '../shared/actor.ts'
import { DomainError, InvalidInputError } from '../shared/errors.ts'
import type { BatchOptions } from './attendance.service.ts'
import { getMinutes, insertSections, lastSectionNumberInYear, listSectionRows } from './minutes.repository.ts'
import type { Section, SectionOutcome } from './minutes.ts'
import { firstSectionNumber, formatSectionLabel } from './section-numbering.ts'
import { listSignedOffSections, SignedOffRecordError } from './signed-off-record.ts'

export interface SectionInput {
  title: string
  agendaItemId?: number
  summary?: string
  decision?: string[]
  decisionProcedure?: string
  outcome?: SectionOutcome
  confidential?: boolean
  immediateSignOff?: boolean
}

/**
 * Adds §§ to the minutes, each numbered by the committee's scheme (per meeting or per year, with
 * its prefix) unless a number is given, as when importing a published protocol. Each § is held to
 * the rules of addSection, which adds one § through here: the minutes, their meeting, the
 * committee's settings, the §§ so far and the signed-off ones are read once, the §§ written in one
 * statement. Returns each § in order; with `onRefused` a § a rule refuses is reported and left
 * undefined, otherwise the first refusal is thrown before anything is written.
 */
export async function addSections(
  trx: Trx,
  actor: Actor,
  input: { minutesId: number; sections: ReadonlyArray<SectionInput & { number?: number }> },
  options: BatchOptions = {},
): Promise<Array<Section | undefined>> {
  const minutes = await getMinutes(trx, input.minutesId)
  const signedOff = await listSignedOffSections(trx, { minutesId: minutes.id })
  const meeting = await getMeeting(trx, minutes.meetingId)
  const settings = await getCommitteeSettings(trx, meeting.committeeId)
  const taken = new Set((await listSectionRows(trx, [minutes.id])).map((s) => s.number))
  const lastSignedOff = signedOff.at(-1)
  const accepted: Array<Omit<Section, 'id' | 'version'> | undefined> = []
  for (const [index, wanted] of input.sections.entries()) {
    try {
      if (minutes.status === 'signed_off')
        throw new SignedOffRecordError(
          'numbering',
          signedOff.map((s) => s.label),
        )
      const title = wanted.title.trim()
      if (!title) throw new InvalidInputError('section_title_missing', 'the § needs a title', 'title')
      if (wanted.immediateSignOff && !settings.immediateSignOffAllowed) {
        throw new InvalidInputError(
          'immediate_sign_off_not_allowed',
          'the committee does not sign off single §§ at the meeting',
          'immediateSignOff',
        )
      }
      const last = taken.size > 0 ? Math.max(...taken) : undefined
      const number =
        wanted.number ??
        (last !== undefined
          ? last + 1
          : firstSectionNumber(settings.sectionNumbering, {
              previousInYear: await lastSectionNumberInYear(
                trx,
                meeting.committeeId,
                meeting.meetsOn.slice(0, 4),
                minutes.id,
              ),
            }))
      if (!Number.isInteger(number) || number < 1)
        throw new InvalidInputError('section_number_invalid', 'a § number is a whole number from 1', 'number')
      // The signed-off §§ keep their numbers and their order: a § added later comes after them.
      if (lastSignedOff && number <= lastSignedOff.number)
        throw new SignedOffRecordError('numbering', [lastSignedOff.label], lastSignedOff.signing)
      if (taken.has(number))
        throw new InvalidInputError('section_number_taken', `§ ${number} exists in these minutes`, 'number')
      taken.add(number)
      accepted.push({
        minutesId: minutes.id,
        agendaItemId: wanted.agendaItemId ?? null,
        number,
        label: formatSectionLabel(number, settings.sectionNumbering, meeting.meetsOn),
        title,
        summary: wanted.summary?.trim() || null,
        decision: cleanPoints(wanted.decision),
        decisionProcedure: wanted.decisionProcedure?.trim() || null,
        outcome: wanted.outcome ?? 'decided',
        confidential: wanted.confidential ?? false,
        immediateSignOff: wanted.immediateSignOff ?? false,
      })
    } catch (error) {
      if (!(error instanceof DomainError) || !options.onRefused) throw error
      options.onRefused(index, error)
      accepted.push(undefined)
    }
  }
  const inserted = await insertSections(
    trx,
    accepted.filter((s) => s !== undefined),
  )
  const organisationId = inserted.length > 0 ? await getOrganisationIdOfMeeting(trx, meeting.id) : undefined
  for (const section of inserted) {
    await recordAudit(
      trx,
      actor,
      'section.added',
      { type: 'section', id: section.id, organisationId, meetingId: minutes.meetingId },
      {
        after: section,
      },
    )
    // B5: a tabled or referred-back matter goes onto the next meeting's agenda, if it is being prepared.
    if (section.outcome === 'tabled' || section.outcome === 'referred_back')
      await carryOverMatters(trx, actor, { fromMeetingId: minutes.meetingId })
  }
  let next = 0
  return accepted.map((s) => (s === undefined ? undefined : inserted[next++]))
}

export function cleanPoints(points: string[] | undefined): string[] {
  return (points ?? []).map((p) => p.trim()).filter(Boolean)
}
