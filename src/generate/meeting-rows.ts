import { documentKindLabels } from '../domain/document/document.ts'
import { meetingSlugFor } from '../domain/meeting/meeting.ts'
import { lastAppealDay, noticeRemovalDay } from '../domain/notice-board/appeal-deadline.ts'
import { sectionRange } from '../domain/notice-board/notice-board.service.ts'
import { maskPersonalIdentityNumbers } from '../domain/publication/personal-identity-number.ts'
import type { SearchEntryValues } from '../domain/search/search.repository.ts'
import { registryNumberText, searchEntryBody } from '../domain/search/search.service.ts'
import { normaliseText } from '../domain/search/search-text.ts'
import { addDays } from '../domain/shared/calendar-date.ts'
import type { CommitteePlan, OrganisationPlan, Seat, TermPlan } from './organisation-plan.ts'
import type { Random } from './random.ts'
import type { RowWriter } from './row-writer.ts'
import { type Present, section } from './section-rows.ts'
import type { SwedishText } from './swedish-text.ts'
import { confidentialityGrounds, meetingPlaces, registryClasses } from './vocabulary.ts'

// One committee's meetings of one year in a generated archive: the agenda with its matters and
// officers' reports, and for meetings held before `heldBefore` the signed-off minutes with who
// served, motions, votes with ballots, dissents, statements, the sign-off and both notices. It also
// returns the search entries of what is public, built by the same rules as reindexMeeting (a test
// compares the two).

/** Meetings before this day were held and their minutes signed off; later ones are upcoming. */
export const heldBefore = '2026-12-01'

export interface OrganisationState {
  plan: OrganisationPlan
  /** The next serial number of each year's registry. */
  registrySerial: Map<number, number>
  /** Matters not finished at a meeting (tabled), taken up again at the next. */
  carriedOver: Map<number, Array<{ matterId: number; registryNumber: string; title: string }>>
}

export interface Item {
  id: number
  number: number
  title: string
  summary: string | null
  proposal: string[]
  confidential: boolean
  matter?: { id: number; registryNumber: string }
  document?: { id: number; title: string; text: string; confidential: boolean }
  standard: 'opening' | 'matter' | 'notes'
}

const months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
const pad = (n: number) => String(n).padStart(2, '0')
export const json = (value: unknown) => JSON.stringify(value)

/** A Tuesday, Wednesday or Thursday in the middle of the month. */
function meetingDay(random: Random, year: number, month: number): string {
  const date = new Date(Date.UTC(year, month - 1, random.int(8, 20)))
  while (date.getUTCDay() < 2 || date.getUTCDay() > 4) date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

export function generateCommitteeYear(
  writer: RowWriter,
  random: Random,
  text: SwedishText,
  state: OrganisationState,
  committee: CommitteePlan,
  term: TermPlan,
  year: number,
): SearchEntryValues[] {
  const entries: SearchEntryValues[] = []
  const skipped = random.pick(months)
  let sectionNumber = 0
  for (const month of months) {
    if (month === skipped) continue
    const meetsOn = meetingDay(random, year, month)
    const held = meetsOn < heldBefore
    const members = committee.members.get(term.startYear)
    if (!members) continue
    const itemCount = random.int(16, 24)
    sectionNumber = generateMeeting(writer, random, text, state, committee, members, term, {
      meetsOn,
      held,
      itemCount,
      firstSection: sectionNumber + 1,
      entries,
    })
  }
  return entries
}

function generateMeeting(
  writer: RowWriter,
  random: Random,
  text: SwedishText,
  state: OrganisationState,
  committee: CommitteePlan,
  members: { seats: Seat[]; substitutes: Array<{ personId: number; partyId: number; party: string }> },
  term: TermPlan,
  at: {
    meetsOn: string
    held: boolean
    itemCount: number
    firstSection: number
    entries: SearchEntryValues[]
  },
): number {
  const { meetsOn, held } = at
  const noticeOn = addDays(meetsOn, -7)
  const noticeOut = noticeOn < heldBefore
  const stamp = `${noticeOn}T08:00:00.000Z`
  const startTime = random.pick(['08:30', '09:00', '13:00', '13:30', '18:00'])
  const endTime = `${pad(Number(startTime.slice(0, 2)) + random.int(2, 4))}:${startTime.slice(3)}`
  const location = random.pick(meetingPlaces)
  const meetingId = writer.add('meeting', {
    created_at: stamp,
    committee_id: committee.id,
    slug: meetingSlugFor(meetsOn),
    meets_on: meetsOn,
    start_time: startTime,
    end_time: endTime,
    location,
    status: held ? 'signed_off' : noticeOut ? 'notice_published' : 'planned',
    cancellation_reason: null,
    notice_published_at: noticeOut ? stamp : null,
    version: 1,
    updated_at: stamp,
  })
  if (noticeOut) {
    writer.add('notice', {
      created_at: stamp,
      organisation_id: state.plan.id,
      kind: 'meeting',
      meeting_id: meetingId,
      sign_off_id: null,
      delegated_decision_id: null,
      title: `${committee.name} sammanträder ${meetsOn} kl. ${startTime}, ${location}`,
      kept_at: null,
      posted_on: noticeOn,
      removed_on: addDays(meetsOn, 1),
      last_appeal_day: null,
    })
  }

  const items = agendaItems(writer, random, text, state, committee, meetingId, meetsOn, at.itemCount, stamp)
  const publishedOn = noticeOut ? noticeOn : null
  if (noticeOut) at.entries.push(...agendaSearchEntries(items, meetingId, committee.id, meetsOn, publishedOn))
  if (!held) return at.firstSection - 1
  return minutes(writer, random, text, state, committee, members, term, meetingId, meetsOn, items, at)
}

function agendaItems(
  writer: RowWriter,
  random: Random,
  text: SwedishText,
  state: OrganisationState,
  committee: CommitteePlan,
  meetingId: number,
  meetsOn: string,
  count: number,
  stamp: string,
): Item[] {
  const year = Number(meetsOn.slice(0, 4))
  const place = text.place()
  const items: Item[] = []
  const carried = state.carriedOver.get(committee.id) ?? []
  state.carriedOver.set(committee.id, [])
  for (let number = 1; number <= count; number++) {
    const standard = number <= 2 ? 'opening' : number >= count - 1 ? 'notes' : 'matter'
    let item: Omit<Item, 'id'>
    if (standard === 'opening') {
      item = {
        number,
        title: number === 1 ? 'Val av justerare' : 'Godkännande av dagordningen',
        summary: null,
        proposal: [],
        confidential: false,
        standard,
      }
    } else if (standard === 'notes') {
      item = {
        number,
        title: number === count ? 'Meddelanden' : 'Anmälan av delegationsbeslut',
        summary: text.paragraph(1),
        proposal: ['att lägga redovisningen till handlingarna'],
        confidential: false,
        standard,
      }
    } else {
      const again = carried.shift()
      const title = again?.title ?? text.itemTitle(year, place)
      const confidential = !again && random.chance(0.03)
      let matter = again && { id: again.matterId, registryNumber: again.registryNumber }
      if (!matter) {
        const serial = (state.registrySerial.get(year) ?? random.int(40, 400)) + random.int(1, 6)
        state.registrySerial.set(year, serial)
        const registryNumber = `${random.pick(registryClasses)}-${serial}/${year}`
        matter = {
          id: writer.add('matter', {
            created_at: stamp,
            organisation_id: state.plan.id,
            registry_number: registryNumber,
            title,
            kind: random.pick([
              'skrivelse',
              'remiss',
              'motion',
              'rapport',
              'upphandling',
              'medborgarforslag',
              null,
            ]),
            updated_at: stamp,
          }),
          registryNumber,
        }
      }
      const summary = text.paragraph(random.int(2, 4))
      item = {
        number,
        title,
        summary,
        proposal: text.proposal(title, random.int(1, 3)),
        confidential,
        matter,
        standard,
      }
      if (random.chance(0.3)) {
        const documentTitle = `Tjänsteutlåtande – ${title}`
        const reportText = text.report(title)
        item.document = {
          id: writer.add('document', {
            created_at: stamp,
            organisation_id: state.plan.id,
            title: documentTitle,
            kind: 'tjansteutlatande',
            storage_key: null,
            source_url: null,
            sha512: null,
            mime_type: 'application/pdf',
            size_bytes: reportText.length * 3,
            confidential: confidential || random.chance(0.01),
            confidentiality_ground: null,
            extracted_text: reportText,
            dated_on: addDays(meetsOn, -21),
            replaces_document_id: null,
          }),
          title: documentTitle,
          text: reportText,
          confidential,
        }
      }
    }
    const ground = item.confidential ? random.pick(confidentialityGrounds) : null
    const id = writer.add('agenda_item', {
      created_at: stamp,
      meeting_id: meetingId,
      matter_id: item.matter?.id ?? null,
      number: String(number),
      position: number,
      heading: null,
      title: item.title,
      summary: item.summary,
      proposal: json(item.proposal),
      officer_report_on: item.document ? addDays(meetsOn, -21) : null,
      confidential: item.confidential,
      confidentiality_ground: ground,
      immediate_sign_off: false,
      status: 'active',
      version: 1,
      updated_at: stamp,
    })
    if (item.document)
      writer.add('attachment', {
        created_at: stamp,
        agenda_item_id: id,
        document_id: item.document.id,
        position: 1,
      })
    items.push({ ...item, id })
  }
  return items
}

function agendaSearchEntries(
  items: readonly Item[],
  meetingId: number,
  committeeId: number,
  meetsOn: string,
  publishedOn: string | null,
): SearchEntryValues[] {
  const entries: SearchEntryValues[] = []
  for (const item of items) {
    if (item.confidential) continue
    const anchor = `punkt-${item.number}`
    const base = { meetingId, committeeId, meetsOn, publishedOn, anchor, sectionNumber: null, parties: [] }
    entries.push({
      ...base,
      kind: 'agenda_item',
      objectId: item.id,
      label: `Punkt ${item.number}`,
      title: normaliseText(item.title),
      body: searchEntryBody([
        item.summary,
        ...item.proposal,
        registryNumberText(item.matter?.registryNumber),
      ]),
    })
    const document = item.document
    if (document && !document.confidential) {
      entries.push({
        ...base,
        kind: 'document',
        objectId: document.id,
        label: documentKindLabels.tjansteutlatande,
        title: normaliseText(document.title),
        body: searchEntryBody([maskPersonalIdentityNumbers(document.text)]),
      })
    }
  }
  return entries
}

function minutes(
  writer: RowWriter,
  random: Random,
  text: SwedishText,
  state: OrganisationState,
  committee: CommitteePlan,
  members: { seats: Seat[]; substitutes: Array<{ personId: number; partyId: number; party: string }> },
  term: TermPlan,
  meetingId: number,
  meetsOn: string,
  items: readonly Item[],
  at: { firstSection: number; entries: SearchEntryValues[] },
): number {
  const signedOffOn = addDays(meetsOn, random.int(2, 9))
  const signedAt = `${signedOffOn}T10:00:00.000Z`
  const chair = members.seats.find((s) => s.role === 'chair') ?? (members.seats[0] as Seat)
  const minutesId = writer.add('minutes', {
    created_at: `${meetsOn}T07:00:00.000Z`,
    meeting_id: meetingId,
    status: 'signed_off',
    chair_person_id: chair.personId,
    secretary_person_id: null,
    sign_off_place: 'Kommunkansliet',
    sign_off_planned_on: signedOffOn,
    kept_at: 'Kommunkansliet, Stadshuset',
    published_at: `${signedOffOn}T12:00:00.000Z`,
    meeting_closed_at: `${meetsOn}T16:00:00.000Z`,
    version: 1,
    updated_at: signedAt,
  })

  // The roll call: most members present; an absent member's place taken by a substitute of the party.
  const present: Present[] = []
  const usedSubstitutes = new Set<number>()
  for (const seat of members.seats) {
    const absent = seat !== chair && random.chance(0.1)
    writer.add('attendance', {
      created_at: `${meetsOn}T07:00:00.000Z`,
      meeting_id: meetingId,
      person_id: seat.personId,
      party_id: seat.partyId,
      role: seat.role,
      title: null,
      present: !absent,
      remote: random.chance(0.05),
      serving_for_person_id: null,
      arrived_at_section: null,
      left_after_section: null,
    })
    if (!absent) {
      present.push({ personId: seat.personId, partyId: seat.partyId, party: seat.party, servingFor: null })
      continue
    }
    const substitute = members.substitutes.find(
      (s) => s.party === seat.party && !usedSubstitutes.has(s.personId),
    )
    if (!substitute) continue
    usedSubstitutes.add(substitute.personId)
    writer.add('attendance', {
      created_at: `${meetsOn}T07:00:00.000Z`,
      meeting_id: meetingId,
      person_id: substitute.personId,
      party_id: substitute.partyId,
      role: 'substitute',
      title: null,
      present: true,
      remote: false,
      serving_for_person_id: seat.personId,
      arrived_at_section: null,
      left_after_section: null,
    })
    present.push({ ...substitute, servingFor: seat.personId })
  }
  const adjuster =
    present.find((p) => p.personId !== chair.personId && !term.majority.has(p.party)) ?? present[1]
  const signatories = adjuster ? [chair.personId, adjuster.personId] : [chair.personId]
  signatories.forEach((personId, i) => {
    writer.add('signatory', {
      created_at: signedAt,
      minutes_id: minutesId,
      person_id: personId,
      position: i + 1,
    })
  })

  const signOffId = writer.add('sign_off', {
    created_at: signedAt,
    minutes_id: minutesId,
    signed_off_on: signedOffOn,
    immediate: false,
    status: 'signed_off',
  })
  const numbers: number[] = []
  let number = at.firstSection - 1
  for (const item of items) {
    number++
    numbers.push(number)
    const sectionId = section(writer, random, text, state, committee, term, present, chair, {
      minutesId,
      meetingId,
      meetsOn,
      signedOffOn,
      item,
      number,
      entries: at.entries,
    })
    writer.add('sign_off_section', { sign_off_id: signOffId, section_id: sectionId })
  }
  for (const personId of signatories) {
    writer.add('signature', {
      created_at: signedAt,
      sign_off_id: signOffId,
      person_id: personId,
      signed_at: signedAt,
    })
  }
  writer.add('notice', {
    created_at: signedAt,
    organisation_id: state.plan.id,
    kind: 'minutes',
    meeting_id: null,
    sign_off_id: signOffId,
    delegated_decision_id: null,
    title: `${committee.name}, protokoll från sammanträdet ${meetsOn}, ${sectionRange(numbers)}`,
    kept_at: 'Kommunkansliet, Stadshuset',
    posted_on: signedOffOn,
    removed_on: noticeRemovalDay(signedOffOn),
    last_appeal_day: lastAppealDay(signedOffOn),
  })
  return number
}
