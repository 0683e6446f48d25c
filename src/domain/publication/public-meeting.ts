import type { Queryable } from '../../db/database.ts'
import { type AgendaEntry, getAgenda } from '../agenda/agenda.service.ts'
import { findCommitteeBySlug } from '../committee/committee.reads.ts'
import { getCommitteeSettings } from '../committee/committee.service.ts'
import type { Committee } from '../committee/committee.ts'
import { agendaIsPublic } from '../disclosure/disclosure.ts'
import { findMeetingBySlug } from '../meeting/meeting.service.ts'
import type { Meeting } from '../meeting/meeting.ts'
import {
  type MinutesRecord,
  personIdsOf,
  publicMinutesRecord,
  readMinutesRecord,
} from '../minutes/minutes-record.ts'
import { listParties, listPersonsByIds } from '../person/person.reads.ts'
import type { Party, Person } from '../person/person.ts'
import { publishedAgenda } from './public-agenda.ts'
import { listRegistryNumbers } from './publication.repository.ts'

/** A meeting as the public may see it: its agenda once the notice is out, its minutes once signed off. */
export interface PublicMeeting {
  committee: Committee
  meeting: Meeting
  agenda: AgendaEntry[]
  /** Only signed-off §§, confidential ones reduced (TF 2:10, OSL); undefined when nothing is signed off. */
  minutes: MinutesRecord | undefined
  persons: Map<number, Person>
  parties: Map<number, Party>
  /** Whether the council opened the committee's meetings to the public (KL 6:25: closed unless it did). */
  openToPublic: boolean
  /** The Dnr of each public agenda item and § that carries a matter. */
  registryNumbers: { ofItem: Map<number, string>; ofSection: Map<number, string> }
}

/** Reads a meeting by its committee's and its own slug, with the publication rules applied; a fixed number of queries. */
export async function readPublicMeeting(
  db: Queryable,
  committeeSlug: string,
  meetingSlug: string,
): Promise<PublicMeeting | undefined> {
  const committee = await findCommitteeBySlug(db, committeeSlug)
  const meeting = committee && (await findMeetingBySlug(db, committee.id, meetingSlug))
  if (!committee || !meeting) return undefined
  const [agenda, record, parties, settings] = await Promise.all([
    getAgenda(db, meeting.id),
    readMinutesRecord(db, meeting.id),
    listParties(db, committee.organisationId),
    getCommitteeSettings(db, committee.id),
  ])
  // The agenda is public once the notice is out; minutes only once signed off (TF 2:10).
  const shown = agendaIsPublic(meeting) ? publishedAgenda(agenda) : []
  const signedOff = record && publicMinutesRecord(record)
  const minutes = signedOff && signedOff.sections.length > 0 ? signedOff : undefined
  const personIds = minutes ? personIdsOf(minutes) : new Set<number>()
  for (const id of [minutes?.minutes.chairPersonId, minutes?.minutes.secretaryPersonId])
    if (id) personIds.add(id)
  const [persons, numbers] = await Promise.all([
    listPersonsByIds(db, [...personIds]),
    listRegistryNumbers(
      db,
      agenda.flatMap((e) => (e.item.matterId && !e.item.confidential ? [e.item.matterId] : [])),
    ),
  ])
  const ofItem = new Map<number, string>()
  for (const { item } of agenda) {
    const number = item.matterId && !item.confidential ? numbers.get(item.matterId) : undefined
    if (number) ofItem.set(item.id, number)
  }
  const ofSection = new Map<number, string>()
  for (const { section } of minutes?.sections ?? []) {
    const number =
      section.agendaItemId && !section.confidential ? ofItem.get(section.agendaItemId) : undefined
    if (number) ofSection.set(section.id, number)
  }
  return {
    committee,
    meeting,
    agenda: shown,
    minutes,
    persons: new Map(persons.map((p) => [p.id, p])),
    parties: new Map(parties.map((p) => [p.id, p])),
    openToPublic: settings.publicMeetings,
    registryNumbers: { ofItem: agendaIsPublic(meeting) ? ofItem : new Map(), ofSection },
  }
}
