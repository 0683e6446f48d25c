import type { Trx } from '../db/database.ts'
import type { AgendaItem } from '../domain/agenda/agenda-item.ts'
import type { Meeting } from '../domain/meeting/meeting.ts'
import { ensureMembershipsOn, type SeatOnDay } from '../domain/membership/membership.service.ts'
import type { MembershipRole } from '../domain/membership/membership.ts'
import { type AttendanceLine, recordAttendanceLines } from '../domain/minutes/attendance.service.ts'
import type { AttendanceRole } from '../domain/minutes/attendance.ts'
import { appointSignatories, findMinutesOfMeeting, openMinutes } from '../domain/minutes/minutes.service.ts'
import {
  type RollCallEntry,
  recordRecusal,
  recordServingFromRollCall,
} from '../domain/minutes/section.service.ts'
import { addSections } from '../domain/minutes/sections.service.ts'
import { postMinutesNotice } from '../domain/notice-board/notice-board.service.ts'
import type { Attendee, DocumentJson, Item } from '../domain/publication/document-json.ts'
import type { Actor } from '../domain/shared/actor.ts'
import { isIsoDate } from '../domain/shared/calendar-date.ts'
import { recordSignOffs } from '../domain/sign-off/sign-off.service.ts'
import { importAgendaItems } from './import-agenda.ts'
import type { ImportRegister } from './import-people.ts'
import { importSectionRecords } from './import-section-records.ts'
import { asWarning } from './import-warnings.ts'

export interface MinutesContext {
  trx: Trx
  actor: Actor
  organisationId: number
  committeeId: number
  meeting: Meeting
  register: ImportRegister
  /** What could not be recorded, for the summary: the rest of the document is still imported. */
  warn: (message: string) => void
}

const roles: Record<Attendee['role'], AttendanceRole> = {
  ordförande: 'chair',
  'vice ordförande': 'vice_chair',
  ledamot: 'member',
  ersättare: 'substitute',
  'tjänstgörande ersättare': 'substitute',
  tjänsteperson: 'official',
  övrig: 'other',
}

/**
 * Records a published protocol as the meeting's minutes: who attended and served, every § with its
 * decision, motions, votes, dissents, statements and jäv, the signatories and the sign-offs, and the
 * notice. Signed-off minutes are never changed afterwards (a correction needs a rectification), so a
 * protocol whose minutes are already recorded is left as it is.
 */
export async function importMinutes(
  context: MinutesContext,
  document: DocumentJson,
): Promise<'recorded' | 'unchanged'> {
  const { trx, actor, meeting, register } = context
  if (await findMinutesOfMeeting(trx, meeting.id)) return 'unchanged'
  const sectionItems = document.items.filter(
    (i): i is Item & { section: number } => typeof i.section === 'number',
  )
  // Every § was a point of the agenda: link each to the agenda item it decided, adding those missing.
  const agendaItems = await importAgendaItems(
    { trx, actor, organisationId: context.organisationId, meeting },
    sectionItems.map(({ number: _printed, ...item }) => item),
  )
  register.expectAttendance(document.attendance ?? [])
  await register.knowNames(namesIn(document))
  const secretary = document.secretary ? await register.person(document.secretary) : undefined
  const chair = document.chair ? await register.person(document.chair) : undefined
  // The roll call before the minutes are opened: no § of them can be signed off yet, so recording
  // each attendee need not ask whether one is (assertAttendanceKept, a read per attendee).
  const rollCall = await importAttendance(
    context,
    document.attendance ?? [],
    sectionItems.map((i) => i.section),
  )
  const minutes = await openMinutes(trx, actor, {
    meetingId: meeting.id,
    ...(chair !== undefined ? { chairPersonId: chair } : {}),
    ...(secretary !== undefined ? { secretaryPersonId: secretary } : {}),
  })
  // The minutes were opened just now: the §§ added here are all they hold.
  const sections = await addSections(
    trx,
    actor,
    {
      minutesId: minutes.id,
      sections: sectionItems.map((item, i) => ({
        number: item.section,
        title: item.title ?? `§ ${item.section}`,
        agendaItemId: (agendaItems[i] as AgendaItem).id,
        ...(item.summary ? { summary: item.summary } : {}),
        ...(item.decision ? { decision: item.decision } : {}),
        ...(item.decisionProcedure ? { decisionProcedure: item.decisionProcedure } : {}),
        ...(item.confidential ? { confidential: true } : {}),
        ...(item.immediateSignOff ? { immediateSignOff: true } : {}),
      })),
    },
    { onRefused: (i, error) => asWarning(context, `§ ${sectionItems[i]?.section}`)(error) },
  )
  const sectionIds = new Map(sections.filter((s) => s !== undefined).map((s) => [s.number, s.id]))
  for (const item of sectionItems) {
    for (const recusal of item.recusals ?? []) {
      const sectionId = sectionIds.get(item.section)
      if (sectionId === undefined) continue
      const personId = await register.person({ ...recusal, where: `§ ${item.section}` })
      await recordRecusal(trx, actor, { sectionId, personId }).catch(
        asWarning(context, `§ ${item.section}, jäv`),
      )
    }
  }
  await recordServingFromRollCall(trx, actor, { minutesId: minutes.id, entries: rollCall })
  await importSectionRecords(
    context,
    sectionItems.flatMap((item) => {
      const sectionId = sectionIds.get(item.section)
      return sectionId === undefined ? [] : [{ sectionId, item }]
    }),
  )
  await importSignOffs(context, minutes.id, document)
  return 'recorded'
}

/** The roll call: everyone listed, their seats on the committee, and who serves at which §§. */
async function importAttendance(
  context: MinutesContext,
  attendance: readonly Attendee[],
  /** The §§ of the protocol: the only ones the roll call can be applied to. */
  numbers: readonly number[],
): Promise<RollCallEntry[]> {
  const { trx, actor, meeting, register } = context
  const entries: RollCallEntry[] = []
  const seats: Array<SeatOnDay & { name: string }> = []
  const lines: Array<AttendanceLine & { name: string }> = []
  for (const attendee of attendance) {
    const role = roles[attendee.role]
    const personId = await register.person({ ...attendee, where: 'närvarolistan' })
    const partyId = await register.party(attendee.party)
    const servingFor = attendee.servingFor
      ? await register.person({ name: attendee.servingFor, where: 'närvarolistan' })
      : undefined
    if (role !== 'official' && role !== 'other') {
      seats.push({
        name: attendee.name,
        personId,
        role: role as MembershipRole,
        ...(partyId !== undefined ? { partyId } : {}),
      })
    }
    lines.push({
      name: attendee.name,
      personId,
      role,
      present: attendee.present,
      ...(partyId !== undefined ? { partyId } : {}),
      ...(attendee.title ? { title: attendee.title } : {}),
      ...(servingFor !== undefined && attendee.present ? { servingForPersonId: servingFor } : {}),
    })
    const serves =
      attendee.present &&
      (role === 'chair' || role === 'vice_chair' || role === 'member' || servingFor !== undefined)
    if (!serves) continue
    const sectionNumbers = servedAt(attendee, numbers)
    entries.push({
      personId,
      ...(partyId !== undefined ? { partyId } : {}),
      ...(servingFor !== undefined ? { servingForPersonId: servingFor } : {}),
      ...(sectionNumbers ? { sectionNumbers } : {}),
    })
  }
  // The seats and the lines each written at once; what a rule refuses is warned about by name.
  await ensureMembershipsOn(
    trx,
    actor,
    { committeeId: context.committeeId, day: meeting.meetsOn, seats: seats.map(({ name: _, ...s }) => s) },
    { onRefused: (i, error) => asWarning(context, `${seats[i]?.name}, ledamotskap`)(error) },
  )
  await recordAttendanceLines(
    trx,
    actor,
    { meetingId: meeting.id, lines: lines.map(({ name: _, ...l }) => l) },
    { onRefused: (i, error) => asWarning(context, `${lines[i]?.name}, närvaro`)(error) },
  )
  return entries
}

/**
 * The §§ a person served at when the protocol limits it: "§§ 28–49, 51–52", "ej § 13" (of the
 * protocol's §§; it was every number up to 9,999, which the roll call then matched each § against).
 */
function servedAt(attendee: Attendee, numbers: readonly number[]): number[] | undefined {
  if (!attendee.sections && !attendee.sectionsNotServed) return undefined
  const not = new Set(attendee.sectionsNotServed ?? [])
  return (attendee.sections ?? numbers).filter((n) => !not.has(n))
}

/**
 * Signatories, each sign-off occasion with its §§ and date, and the notice when the protocol states
 * it. The sign-offs are recorded at once (recordSignOffs), then their notices; the warnings are told
 * in the order of the sign-offs, as when each was recorded and announced before the next.
 */
async function importSignOffs(context: MinutesContext, minutesId: number, document: DocumentJson) {
  const { trx, actor, register, meeting } = context
  const signatories: number[] = []
  for (const name of document.signatories ?? [])
    signatories.push(await register.person({ name, where: 'underskrifterna' }))
  if (signatories.length > 0)
    await appointSignatories(trx, actor, { minutesId, personIds: signatories, asPublished: true })
  const warnings: Array<{ at: number; n: number; message: string }> = []
  const warnAt = (at: number) => (message: string) => warnings.push({ at, n: warnings.length, message })
  const dated: Array<{ at: number; date: string; sections: number[] }> = []
  for (const [at, signOff] of (document.signOffs ?? []).entries()) {
    if (!signOff.date || !isIsoDate(signOff.date))
      warnAt(at)(`justering av § ${signOff.sections.join(', ')}: inget datum, inte registrerad`)
    else dated.push({ at, date: signOff.date, sections: signOff.sections })
  }
  const recorded = await recordSignOffs(
    trx,
    actor,
    {
      minutesId,
      signOffs: dated.map((signOff) => ({
        sectionNumbers: signOff.sections,
        signedOffOn: signOff.date,
        immediate: signOff.date === meeting.meetsOn,
        signatoryPersonIds: signatories,
      })),
    },
    {
      onRefused: (i, error) => {
        const { at, date } = dated[i] as (typeof dated)[number]
        asWarning(warnAt(at), `justering ${date}`)(error)
      },
    },
  )
  for (const [i, signOff] of recorded.entries()) {
    const { at, date } = dated[i] as (typeof dated)[number]
    if (
      signOff &&
      document.noticePosted &&
      isIsoDate(document.noticePosted) &&
      document.noticePosted >= date
    ) {
      await postMinutesNotice(trx, actor, {
        signOffId: signOff.id,
        postedOn: document.noticePosted,
        asPublished: true,
      }).catch(asWarning(warnAt(at), `anslag ${document.noticePosted}`))
    }
  }
  warnings.sort((a, b) => a.at - b.at || a.n - b.n)
  for (const { message } of warnings) context.warn(message)
}

/** Every name the document prints: the persons an import looks up. */
function namesIn(document: DocumentJson): Array<string | undefined> {
  const names: Array<string | undefined> = [
    document.chair,
    document.secretary,
    ...(document.signatories ?? []),
  ]
  for (const a of document.attendance ?? []) names.push(a.name, a.servingFor)
  for (const item of document.items) {
    for (const r of item.recusals ?? []) names.push(r.name)
    for (const record of [...(item.motions ?? []), ...(item.dissents ?? []), ...(item.statements ?? [])])
      for (const by of record.by) names.push(by.name)
    for (const vote of item.votes ?? []) for (const b of vote.ballots ?? []) names.push(b.name)
  }
  return names
}
