import type { AgendaItem } from '../../agenda/agenda-item.ts'
import { documentUrlName } from '../../document/file-type.ts'
import type { MeetingStatus } from '../../meeting/meeting.ts'
import { meetingStatusLabels } from '../../meeting/meeting.ts'
import { type MembershipRole, membershipRoleLabels } from '../../membership/membership.ts'
import { type SectionOutcome, sectionOutcomeWords } from '../../minutes/minutes.ts'
import { swedishTimeToUtc, swedishUtcOffsetHours } from '../../shared/swedish-time.ts'
import type { StoredDocument } from '../public-document.ts'
import { agendaItemChangesKey, agendaItemStatusKey, attendanceKey, decisionKey } from './oparl-extensions.ts'
import { type OparlLinks, oparlType } from './oparl-links.ts'

// Pure mapping from public records to OParl 1.1 objects (chapter 3). Each function takes what the
// publication rules already let through and a set of links; nothing here reads the database.

export type OparlObject = { id: string; type: string } & Record<string, unknown>

/** A stored timestamp as an OParl date-time (always with a zone, 2-04). */
export const dateTime = (value: string | Date) => new Date(value).toISOString()

/** A Swedish wall-clock time as an ISO date-time with Stockholm's offset: 2022-12-14T17:00:00+01:00. */
export function swedishDateTime(date: string, time: string): string {
  const offset = swedishUtcOffsetHours(swedishTimeToUtc(date, time).getTime())
  return `${date}T${time}:00+0${offset}:00`
}

const stamps = (created: string, modified: string = created) => ({
  created: dateTime(created),
  modified: dateTime(modified),
})

export interface SystemInput {
  name: string
  bodyIds: number[]
}

/**
 * The licence of the published data. Minutes, decisions and agendas are decisions and documents of
 * an authority, with no copyright (upphovsrättslagen 1960:729, 9 §), so they are marked as free of
 * known copyright rather than licensed. An attachment written by someone else may still be
 * protected; a File carries no licence of its own (docs/oparl.md).
 */
export const dataLicense = 'https://creativecommons.org/publicdomain/mark/1.0/'

export function oparlSystem(links: OparlLinks, input: SystemInput): OparlObject {
  // No `product`: package.json names no repository to point to, and a placeholder would be a false
  // link; no `contactEmail`: the organisation's settings hold no address to publish.
  return {
    id: links.system(),
    type: oparlType('System'),
    oparlVersion: 'https://schema.oparl.org/1.1/',
    license: dataLicense,
    name: input.name,
    body: `${links.system()}/body`,
    website: links.portal('/'),
    web: links.portal('/'),
  }
}

export interface BodyRow {
  id: number
  name: string
  created_at: string
  updated_at: string
}

export function oparlBody(links: OparlLinks, body: BodyRow, terms: TermRow[]): OparlObject {
  return {
    id: links.body(body.id),
    type: oparlType('Body'),
    system: links.system(),
    name: body.name,
    website: links.portal('/'),
    license: dataLicense,
    organization: links.list(body.id, 'organization'),
    person: links.list(body.id, 'person'),
    meeting: links.list(body.id, 'meeting'),
    paper: links.list(body.id, 'paper'),
    legislativeTerm: terms.map((t) => oparlLegislativeTerm(links, t)),
    legislativeTermList: links.list(body.id, 'legislative-term'),
    agendaItem: links.list(body.id, 'agenda-item'),
    consultation: links.list(body.id, 'consultation'),
    file: links.list(body.id, 'file'),
    locationList: links.list(body.id, 'location'),
    membership: links.list(body.id, 'membership'),
    classification: 'Kommun',
    ...stamps(body.created_at, body.updated_at),
    web: links.portal('/'),
  }
}

export interface TermRow {
  id: number
  organisation_id: number
  name: string
  starts_on: string
  ends_on: string
  created_at: string
}

export function oparlLegislativeTerm(links: OparlLinks, term: TermRow): OparlObject {
  return {
    id: links.legislativeTerm(term.id),
    type: oparlType('LegislativeTerm'),
    body: links.body(term.organisation_id),
    name: term.name,
    startDate: term.starts_on,
    endDate: term.ends_on,
    ...stamps(term.created_at),
  }
}

export interface CommitteeRow {
  id: number
  organisation_id: number
  parent_id: number | null
  name: string
  slug: string
  kind: string
  seats: number | null
  created_at: string
  updated_at: string
}

const committeeClassification: Record<string, string> = {
  fullmaktige: 'Kommunfullmäktige',
  styrelse: 'Kommunstyrelse',
  namnd: 'Nämnd',
  utskott: 'Utskott',
  rad: 'Råd',
}

export function oparlCommittee(
  links: OparlLinks,
  committee: CommitteeRow,
  membershipIds: number[],
): OparlObject {
  return {
    id: links.organization(committee.id),
    type: oparlType('Organization'),
    body: links.body(committee.organisation_id),
    name: committee.name,
    membership: membershipIds.map(links.membership),
    ...(committee.parent_id ? { subOrganizationOf: links.organization(committee.parent_id) } : {}),
    // OParl's own vocabulary (1.1, Organization.organizationType) has "Gremium" for committees.
    organizationType: 'Gremium',
    classification: committeeClassification[committee.kind] ?? committee.kind,
    ...(committee.seats ? { votingMemberCount: committee.seats } : {}),
    ...stamps(committee.created_at, committee.updated_at),
    web: links.portal(`/committees/${committee.slug}`),
  }
}

export interface PartyRow {
  id: number
  organisation_id: number
  abbreviation: string
  name: string | null
  created_at: string
}

export function oparlParty(links: OparlLinks, party: PartyRow): OparlObject {
  return {
    id: links.party(party.id),
    type: oparlType('Organization'),
    body: links.body(party.organisation_id),
    name: party.name ?? party.abbreviation,
    shortName: party.abbreviation,
    organizationType: 'Partei',
    classification: 'Parti',
    ...stamps(party.created_at),
    web: links.portal(`/partier/${encodeURIComponent(party.abbreviation)}`),
  }
}

export interface PersonRow {
  id: number
  organisation_id: number
  name: string
  slug: string
  title: string | null
  created_at: string
}

export interface MembershipRow {
  id: number
  personId: number
  committeeId: number
  partyId: number | null
  role: string
  startsOn: string
  endsOn: string | null
  created: string
}

export function oparlPerson(links: OparlLinks, person: PersonRow, memberships: MembershipRow[]): OparlObject {
  return {
    id: links.person(person.id),
    type: oparlType('Person'),
    body: links.body(person.organisation_id),
    name: person.name,
    ...(person.title ? { status: [person.title] } : {}),
    membership: memberships.map((m) => oparlMembership(links, m)),
    ...stamps(person.created_at),
    web: links.portal(`/personer/${person.slug}`),
  }
}

export function oparlMembership(links: OparlLinks, membership: MembershipRow): OparlObject {
  const role = membership.role as MembershipRole
  return {
    id: links.membership(membership.id),
    type: oparlType('Membership'),
    person: links.person(membership.personId),
    organization: links.organization(membership.committeeId),
    role: membershipRoleLabels[role] ?? membership.role,
    // A substitute votes only when serving for an absent member (KL 5:18).
    votingRight: role !== 'substitute',
    startDate: membership.startsOn,
    ...(membership.endsOn ? { endDate: membership.endsOn } : {}),
    ...(membership.partyId ? { onBehalfOf: links.party(membership.partyId) } : {}),
    ...stamps(membership.created),
  }
}

export interface MeetingRow {
  id: number
  slug: string
  meetsOn: string
  startTime: string | null
  endTime: string | null
  location: string | null
  status: string
  created: string
  modified: string
  committeeId: number
  committeeName: string
  committeeSlug: string
  /** The meeting row's own time, when `modified` is the computed one: only the row holds the place. */
  rowModified?: string
}

export function oparlLocation(links: OparlLinks, meeting: MeetingRow): OparlObject | undefined {
  if (!meeting.location) return undefined
  return {
    id: links.location(meeting.id),
    type: oparlType('Location'),
    description: meeting.location,
    meetings: [links.meeting(meeting.id)],
    ...stamps(meeting.created, meeting.rowModified ?? meeting.modified),
  }
}

export function oparlMeeting(
  links: OparlLinks,
  meeting: MeetingRow,
  agendaItems: OparlObject[],
  /** The roll call of its public minutes (paragraf:attendance), when any § is signed off. */
  attendance?: Record<string, unknown>[],
  /** The persons present by the public roll call, as OParl Person URLs. */
  participants: string[] = [],
  /** The generated agenda and minutes (oparl-generated-files.ts). */
  generated: { invitation?: OparlObject; resultsProtocol?: OparlObject } = {},
): OparlObject {
  const location = oparlLocation(links, meeting)
  // Every public attachment of the agenda once, in agenda order (a document may serve two items).
  const files = new Map<string, unknown>()
  for (const item of agendaItems)
    for (const file of (item.auxiliaryFile ?? []) as OparlObject[])
      if (!files.has(file.id)) files.set(file.id, file)
  return {
    id: links.meeting(meeting.id),
    type: oparlType('Meeting'),
    name: `${meeting.committeeName} ${meeting.meetsOn}`,
    meetingState: meetingStatusLabels[meeting.status as MeetingStatus] ?? meeting.status,
    cancelled: meeting.status === 'cancelled',
    // A meeting without a time has no instant to give: OParl's start is a date-time, so it is left out.
    ...(meeting.startTime ? { start: swedishDateTime(meeting.meetsOn, meeting.startTime) } : {}),
    ...(meeting.endTime ? { end: swedishDateTime(meeting.meetsOn, meeting.endTime) } : {}),
    ...(location ? { location } : {}),
    organization: [links.organization(meeting.committeeId)],
    ...(participants.length ? { participant: participants } : {}),
    ...generated,
    ...(files.size ? { auxiliaryFile: [...files.values()] } : {}),
    agendaItem: agendaItems,
    ...stamps(meeting.created, meeting.modified),
    web: links.portal(`/committees/${meeting.committeeSlug}/${meeting.slug}`),
    ...(attendance ? { [attendanceKey]: attendance } : {}),
  }
}

/** A public § that dealt with the item (signed off, not confidential), its texts already masked. */
export interface PublicDecision {
  outcome: string
  decision: string[]
}

export interface AgendaItemInput {
  /** An item from publishedAgenda: a confidential one has the neutral title and no matter. */
  item: AgendaItem
  attachments: StoredDocument[]
  decisions: PublicDecision[]
  created: string
  modified: string
  documentCreated: Map<number, string>
  /** The public § as paragraf:decision; the caller gives none for a confidential item or § (disclosure). */
  decision?: Record<string, unknown>
  /** The public changes after the notice (publishedAgenda's, masked), as paragraf:changes. */
  changes: readonly { description: string; changedAt: string }[]
}

export function oparlAgendaItem(links: OparlLinks, meeting: MeetingRow, input: AgendaItemInput): OparlObject {
  const { item, decisions } = input
  const last = decisions.at(-1)
  // The points numbered as printed, each point's own bullets kept as "- " lines (docs/document-json.md).
  const resolutionText = decisions
    .flatMap((d) => d.decision)
    .map((point, i) => `${i + 1}. ${point}`)
    .join('\n')
  return {
    id: links.agendaItem(item.id),
    type: oparlType('AgendaItem'),
    meeting: links.meeting(meeting.id),
    number: item.number ?? String(item.position),
    order: item.position,
    name: item.title ?? item.heading ?? '',
    public: !item.confidential,
    ...(item.matterId ? { consultation: links.consultation(item.id) } : {}),
    ...(last ? { result: sectionOutcomeWords[last.outcome as SectionOutcome]?.result ?? last.outcome } : {}),
    ...(resolutionText ? { resolutionText } : {}),
    auxiliaryFile: input.attachments.map((d) =>
      oparlFile(links, d, {
        created: input.documentCreated.get(d.id) ?? input.created,
        meetingId: meeting.id,
        agendaItemId: item.id,
      }),
    ),
    ...stamps(input.created, input.modified),
    web: links.portal(`/committees/${meeting.committeeSlug}/${meeting.slug}`),
    ...(input.decision ? { [decisionKey]: input.decision } : {}),
    // What the portal prints beside the item ("utgår", "handlingar kommer senare"); OParl has no field for it.
    ...(item.status !== 'active' ? { [agendaItemStatusKey]: item.status } : {}),
    ...(input.changes.length
      ? {
          [agendaItemChangesKey]: input.changes.map((c) => ({
            description: c.description,
            changed: dateTime(c.changedAt),
          })),
        }
      : {}),
  }
}

export function oparlFile(
  links: OparlLinks,
  document: StoredDocument,
  context: {
    created: string
    meetingId?: number
    agendaItemId?: number
    /** The text extracted from the file, already masked (P3); given where the File stands alone. */
    text?: string | null
  },
): OparlObject {
  const fileName = documentUrlName(document.title, document.mimeType)
  const download = links.portal(`/handlingar/${document.id}/${encodeURIComponent(fileName)}`)
  return {
    id: links.file(document.id),
    type: oparlType('File'),
    name: document.title,
    fileName,
    mimeType: document.mimeType,
    ...(document.datedOn ? { date: document.datedOn } : {}),
    size: document.sizeBytes,
    sha512Checksum: document.sha512,
    ...(context.text ? { text: context.text } : {}),
    accessUrl: download,
    downloadUrl: download,
    ...(context.meetingId ? { meeting: [links.meeting(context.meetingId)] } : {}),
    ...(context.agendaItemId ? { agendaItem: [links.agendaItem(context.agendaItemId)] } : {}),
    ...stamps(context.created),
    web: download,
  }
}

export interface MatterRow {
  id: number
  organisation_id: number
  registry_number: string
  title: string | null
  kind: string | null
  created_at: string
  updated_at: string
}

export interface ConsultationRow {
  agendaItemId: number
  matterId: number | null
  meetingId: number
  committeeId: number
  created: string
  modified: string
}

export function oparlConsultation(links: OparlLinks, row: ConsultationRow): OparlObject {
  return {
    id: links.consultation(row.agendaItemId),
    type: oparlType('Consultation'),
    ...(row.matterId ? { paper: links.paper(row.matterId) } : {}),
    agendaItem: links.agendaItem(row.agendaItemId),
    meeting: links.meeting(row.meetingId),
    organization: [links.organization(row.committeeId)],
    ...stamps(row.created, row.modified),
  }
}

/** A matter by its registry number (Dnr); the title is already masked (P3). */
export function oparlPaper(
  links: OparlLinks,
  matter: MatterRow,
  consultations: ConsultationRow[],
): OparlObject {
  return {
    id: links.paper(matter.id),
    type: oparlType('Paper'),
    body: links.body(matter.organisation_id),
    name: matter.title ?? matter.registry_number,
    reference: matter.registry_number,
    ...(matter.kind ? { paperType: matter.kind } : {}),
    consultation: consultations.map((c) => oparlConsultation(links, c)),
    ...stamps(matter.created_at, matter.updated_at),
    web: links.portal(`/arenden/${encodeURIComponent(matter.registry_number)}`),
  }
}
