import { createHash } from 'node:crypto'
import type { Queryable } from '../../db/database.ts'
import { formDay, keptFormOrigin, steadyFromOf } from '../publication/oparl/oparl-kept-forms.ts'
import { type OparlLinks, oparlLinks } from '../publication/oparl/oparl-links.ts'
import {
  type OparlObject,
  oparlCommittee,
  oparlConsultation,
  oparlMembership,
} from '../publication/oparl/oparl-objects.ts'
import { buildFiles, buildMeetings, buildPapers, buildPersons } from '../publication/oparl/oparl-read.ts'
import {
  listCommitteeRows,
  listMembershipIdsOfCommittees,
  listMembershipRows,
  listPublicItemsOfMatters,
  listPublicMatterIds,
  listPublicMeetingIds,
  listPublicPersonIds,
} from '../publication/publication.reads.ts'
import { groupBy } from '../shared/group-by.ts'
import type { PublicKind, PublicScope } from './public-record.ts'
import { scopeKey } from './public-record.ts'

// What the public sees of each object, as OParl shows it: the fullest public form, built by the
// same functions (and so the same disclosure rules) as the API. Its digest decides whether an
// object changed as the public sees it. Everything here reads many scopes at once, in a fixed
// number of queries per kind, so deciding a batch of meetings costs little more than one.

/** Addresses in the forms do not depend on where a server runs. */
const formLinks: OparlLinks = oparlLinks(keptFormOrigin)

export interface PublicForm {
  kind: PublicKind
  objectId: number
  organisationId: number
  digest: string
  /** For the kinds whose forms are kept (keptKinds): the form's JSON and its steady day. */
  kept?: { json: string; steadyFrom: string | null }
}

/** The kinds whose forms are kept: a meeting carries its agenda and minutes inline (OParl's heaviest read). */
export const keptKinds: ReadonlySet<PublicKind> = new Set(['meeting'])

export const objectKey = (kind: PublicKind, id: number) => `${kind}:${id}`

/** The objects to decide: every object that is, or may have become, public through some scopes. */
export class Candidates {
  readonly ids = new Map<PublicKind, Set<number>>()
  /** The scope each object was first found in: where it is decided again next time. */
  readonly scopeOf = new Map<string, string>()

  add(kind: PublicKind, id: number, scope: string) {
    const set = this.ids.get(kind) ?? new Set<number>()
    set.add(id)
    this.ids.set(kind, set)
    if (!this.scopeOf.has(objectKey(kind, id))) this.scopeOf.set(objectKey(kind, id), scope)
  }

  of(kind: PublicKind): number[] {
    return [...(this.ids.get(kind) ?? [])]
  }
}

/** What some scopes hold in the database now: their own objects and what hangs on them. */
export async function candidatesOf(db: Queryable, scopes: readonly PublicScope[]): Promise<Candidates> {
  const candidates = new Candidates()
  const meetingIds = scopes.flatMap((s) => ('meetingId' in s ? [s.meetingId] : []))
  const personIds = scopes.flatMap((s) => ('personId' in s ? [s.personId] : []))
  const committeeIds = scopes.flatMap((s) => ('committeeId' in s ? [s.committeeId] : []))
  for (const id of scopes.flatMap((s) => ('matterId' in s ? [s.matterId] : [])))
    candidates.add('paper', id, scopeKey({ matterId: id }))

  if (meetingIds.length) {
    const inMeeting = (id: number) => scopeKey({ meetingId: id })
    for (const id of meetingIds) {
      candidates.add('meeting', id, inMeeting(id))
      // A meeting's place is an OParl Location of its own, with the meeting's id.
      candidates.add('location', id, inMeeting(id))
    }
    const items = await db
      .selectFrom('agenda_item')
      .select(['id', 'matter_id', 'meeting_id'])
      .where('meeting_id', 'in', meetingIds)
      .execute()
    for (const item of items) {
      candidates.add('agenda-item', item.id, inMeeting(item.meeting_id))
      candidates.add('consultation', item.id, inMeeting(item.meeting_id))
      if (item.matter_id !== null) candidates.add('paper', item.matter_id, inMeeting(item.meeting_id))
    }
    const documents = await db
      .selectFrom('attachment')
      .innerJoin('agenda_item', 'agenda_item.id', 'attachment.agenda_item_id')
      .select(['attachment.document_id', 'agenda_item.meeting_id'])
      .where('agenda_item.meeting_id', 'in', meetingIds)
      .where('attachment.document_id', 'is not', null)
      .execute()
    for (const d of documents)
      if (d.document_id !== null) candidates.add('file', d.document_id, inMeeting(d.meeting_id))
    // Whoever attended signed-off minutes is public (OParl's Person list).
    const attended = await db
      .selectFrom('attendance')
      .select(['person_id', 'meeting_id'])
      .where('meeting_id', 'in', meetingIds)
      .execute()
    for (const a of attended) candidates.add('person', a.person_id, scopeKey({ personId: a.person_id }))
  }
  if (personIds.length) {
    for (const id of personIds) candidates.add('person', id, scopeKey({ personId: id }))
    for (const seat of await listMembershipRows(db, { personIds }))
      candidates.add('membership', seat.id, scopeKey({ personId: seat.personId }))
  }
  if (committeeIds.length) {
    for (const id of committeeIds) candidates.add('organization', id, scopeKey({ committeeId: id }))
    const seats = await db
      .selectFrom('membership')
      .select(['id', 'person_id'])
      .where('committee_id', 'in', committeeIds)
      .execute()
    for (const seat of seats) candidates.add('membership', seat.id, scopeKey({ personId: seat.person_id }))
  }
  return candidates
}

/** The public forms of the candidates that are public now, with their digests. */
export async function readPublicForms(db: Queryable, candidates: Candidates): Promise<PublicForm[]> {
  const forms: { kind: PublicKind; objectId: number; form: unknown }[] = []
  const add = (kind: PublicKind, objectId: number, form: unknown) => forms.push({ kind, objectId, form })
  const idFrom = (object: OparlObject) => idFromUrl(object.id)

  // Built without their change times: `modified` is what the log decides, so the forms leave it out.
  const meetings = await buildMeetings(
    db,
    formLinks,
    await listPublicMeetingIds(db, candidates.of('meeting')),
    formDay,
    false,
  )
  const itemCandidates = new Set(candidates.of('agenda-item'))
  const locationCandidates = new Set(candidates.of('location'))
  for (const meeting of meetings) {
    add('meeting', idFrom(meeting), meeting)
    const location = meeting.location as OparlObject | undefined
    if (location && locationCandidates.has(idFrom(meeting))) add('location', idFrom(meeting), location)
    for (const item of (meeting.agendaItem ?? []) as OparlObject[])
      if (itemCandidates.has(idFrom(item))) add('agenda-item', idFrom(item), item)
  }
  for (const file of await buildFiles(db, formLinks, candidates.of('file'))) add('file', idFrom(file), file)
  const consultationIds = candidates.of('consultation')
  if (consultationIds.length)
    for (const row of await listPublicItemsOfMatters(db, { agendaItemIds: consultationIds }))
      add('consultation', row.agendaItemId, oparlConsultation(formLinks, row))
  const papers = await buildPapers(
    db,
    formLinks,
    await listPublicMatterIds(db, candidates.of('paper')),
    false,
  )
  for (const paper of papers) add('paper', idFrom(paper), paper)
  const persons = await buildPersons(db, formLinks, await listPublicPersonIds(db, candidates.of('person')))
  for (const person of persons) add('person', idFrom(person), person)
  const membershipIds = candidates.of('membership')
  if (membershipIds.length)
    for (const seat of await listMembershipRows(db, { ids: membershipIds }))
      add('membership', seat.id, oparlMembership(formLinks, seat))
  const committeeIds = candidates.of('organization')
  if (committeeIds.length) {
    // As readOparlOrganization builds one, for all the committees at once.
    const seats = groupBy(
      await listMembershipIdsOfCommittees(db, committeeIds),
      (m) => m.committeeId,
      (m) => m.id,
    )
    for (const committee of await listCommitteeRows(db, { ids: committeeIds }))
      add('organization', committee.id, oparlCommittee(formLinks, committee, seats.get(committee.id) ?? []))
  }

  const organisations = await organisationsOf(db, forms)
  return forms.map(({ kind, objectId, form }) => ({
    kind,
    objectId,
    organisationId: organisations.get(objectKey(kind, objectId)) ?? 0,
    digest: digestOf(form),
    ...(keptKinds.has(kind) ? { kept: { json: JSON.stringify(form), steadyFrom: steadyFromOf(form) } } : {}),
  }))
}

/** SHA-256 of a form without its change times: `modified` is what the log decides, not an input. */
export function digestOf(form: unknown): string {
  const json = JSON.stringify(form, (key, value) => (key === 'modified' ? undefined : value))
  return createHash('sha256').update(json).digest('hex')
}

function idFromUrl(url: string): number {
  return Number(url.slice(url.lastIndexOf('/') + 1))
}

/** The organisation (OParl Body) each object belongs to, a query per kind. */
async function organisationsOf(
  db: Queryable,
  objects: readonly { kind: PublicKind; objectId: number }[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>()
  const byKind = new Map<PublicKind, number[]>()
  for (const o of objects) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o.objectId])
  for (const [kind, ids] of byKind) {
    const rows = await organisationRows(db, kind, ids)
    for (const r of rows) found.set(objectKey(kind, r.id), r.organisation_id)
  }
  return found
}

function organisationRows(db: Queryable, kind: PublicKind, ids: number[]) {
  switch (kind) {
    case 'meeting':
    case 'location':
      return db
        .selectFrom('meeting')
        .innerJoin('committee', 'committee.id', 'meeting.committee_id')
        .select(['meeting.id as id', 'committee.organisation_id'])
        .where('meeting.id', 'in', ids)
        .execute()
    case 'agenda-item':
    case 'consultation':
      return db
        .selectFrom('agenda_item')
        .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
        .innerJoin('committee', 'committee.id', 'meeting.committee_id')
        .select(['agenda_item.id as id', 'committee.organisation_id'])
        .where('agenda_item.id', 'in', ids)
        .execute()
    case 'membership':
      return db
        .selectFrom('membership')
        .innerJoin('committee', 'committee.id', 'membership.committee_id')
        .select(['membership.id as id', 'committee.organisation_id'])
        .where('membership.id', 'in', ids)
        .execute()
    case 'file':
      return db.selectFrom('document').select(['id', 'organisation_id']).where('id', 'in', ids).execute()
    case 'paper':
      return db.selectFrom('matter').select(['id', 'organisation_id']).where('id', 'in', ids).execute()
    case 'person':
      return db.selectFrom('person').select(['id', 'organisation_id']).where('id', 'in', ids).execute()
    case 'organization':
      return db.selectFrom('committee').select(['id', 'organisation_id']).where('id', 'in', ids).execute()
  }
}
