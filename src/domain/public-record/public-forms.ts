import { createHash } from 'node:crypto'
import type { Queryable } from '../../db/database.ts'
import {
  listMembershipIdsOfCommittees,
  listMembershipRows,
  listPublicItemsOfMatters,
  listPublicMatterIds,
  listPublicMeetingIds,
  listPublicPersonIds,
} from '../publication/oparl/oparl.repository.ts'
import { type OparlLinks, oparlLinks } from '../publication/oparl/oparl-links.ts'
import { type OparlObject, oparlConsultation, oparlMembership } from '../publication/oparl/oparl-objects.ts'
import {
  buildFiles,
  buildMeetings,
  buildPapers,
  buildPersons,
  readOparlOrganization,
} from '../publication/oparl/oparl-read.ts'
import type { PublicKind, PublicScope } from './public-record.ts'
import { scopeKey } from './public-record.ts'

// What the public sees of each object in a scope, as OParl shows it: the fullest public form,
// built by the same functions (and so the same disclosure rules) as the API. Its digest decides
// whether an object changed as the public sees it.

/** Addresses in the forms do not depend on where a server runs. */
const formLinks: OparlLinks = oparlLinks('https://paragraf.invalid')
/**
 * Where a decision stands depends on the day (the appeal period runs out); the form is built as
 * if every period had run out, so it changes with what was recorded, not with the calendar.
 */
const formDay = '9999-12-31'

export interface PublicForm {
  kind: PublicKind
  objectId: number
  organisationId: number
  digest: string
}

/** The candidates of a scope: every object that is, or may have become, public through it. */
export interface ScopeCandidates {
  scope: string
  ids: Map<PublicKind, Set<number>>
}

export function emptyCandidates(scope: string): ScopeCandidates {
  return { scope, ids: new Map() }
}

export function addCandidate(candidates: ScopeCandidates, kind: PublicKind, id: number) {
  const set = candidates.ids.get(kind) ?? new Set<number>()
  set.add(id)
  candidates.ids.set(kind, set)
}

const idsOf = (c: ScopeCandidates, kind: PublicKind) => [...(c.ids.get(kind) ?? [])]

/** What a scope holds in the database now: its own object and what hangs on it. */
export async function scopeCandidates(db: Queryable, scope: PublicScope): Promise<ScopeCandidates> {
  const candidates = emptyCandidates(scopeKey(scope))
  if ('meetingId' in scope) {
    addCandidate(candidates, 'meeting', scope.meetingId)
    const items = await db
      .selectFrom('agenda_item')
      .select(['id', 'matter_id'])
      .where('meeting_id', '=', scope.meetingId)
      .execute()
    for (const item of items) {
      addCandidate(candidates, 'agenda-item', item.id)
      addCandidate(candidates, 'consultation', item.id)
      if (item.matter_id !== null) addCandidate(candidates, 'paper', item.matter_id)
    }
    const itemIds = items.map((i) => i.id)
    if (itemIds.length) {
      const documents = await db
        .selectFrom('attachment')
        .select('document_id')
        .where('agenda_item_id', 'in', itemIds)
        .where('document_id', 'is not', null)
        .execute()
      for (const d of documents) if (d.document_id !== null) addCandidate(candidates, 'file', d.document_id)
    }
    // Whoever attended signed-off minutes is public (OParl's Person list).
    const attended = await db
      .selectFrom('attendance')
      .select('person_id')
      .where('meeting_id', '=', scope.meetingId)
      .execute()
    for (const a of attended) addCandidate(candidates, 'person', a.person_id)
  } else if ('personId' in scope) {
    addCandidate(candidates, 'person', scope.personId)
    const seats = await listMembershipRows(db, { personIds: [scope.personId] })
    for (const seat of seats) addCandidate(candidates, 'membership', seat.id)
  } else if ('committeeId' in scope) {
    addCandidate(candidates, 'organization', scope.committeeId)
    for (const seat of await listMembershipIdsOfCommittees(db, [scope.committeeId]))
      addCandidate(candidates, 'membership', seat.id)
  } else {
    addCandidate(candidates, 'paper', scope.matterId)
  }
  return candidates
}

/** The public forms of the candidates that are public now, with their digests. */
export async function readPublicForms(db: Queryable, candidates: ScopeCandidates): Promise<PublicForm[]> {
  const forms: PublicForm[] = []
  const add = (kind: PublicKind, objectId: number, organisationId: number, form: unknown) =>
    forms.push({ kind, objectId, organisationId, digest: digestOf(form) })

  const meetingIds = await listPublicMeetingIds(db, idsOf(candidates, 'meeting'))
  const meetings = await buildMeetings(db, formLinks, meetingIds, formDay)
  const itemCandidates = new Set(idsOf(candidates, 'agenda-item'))
  for (const meeting of meetings) {
    const bodyId = await organisationOf(db, 'meeting', idFromUrl(meeting.id))
    add('meeting', idFromUrl(meeting.id), bodyId, meeting)
    for (const item of (meeting.agendaItem ?? []) as OparlObject[]) {
      const itemId = idFromUrl(item.id)
      if (itemCandidates.has(itemId)) add('agenda-item', itemId, bodyId, item)
    }
  }

  for (const file of await buildFiles(db, formLinks, idsOf(candidates, 'file')))
    add('file', idFromUrl(file.id), await organisationOf(db, 'document', idFromUrl(file.id)), file)

  const consultationIds = idsOf(candidates, 'consultation')
  if (consultationIds.length)
    for (const row of await listPublicItemsOfMatters(db, { agendaItemIds: consultationIds }))
      add(
        'consultation',
        row.agendaItemId,
        await organisationOf(db, 'matter', row.matterId ?? 0),
        oparlConsultation(formLinks, row),
      )

  const paperIds = await listPublicMatterIds(db, idsOf(candidates, 'paper'))
  for (const paper of await buildPapers(db, formLinks, paperIds))
    add('paper', idFromUrl(paper.id), await organisationOf(db, 'matter', idFromUrl(paper.id)), paper)

  const personIds = await listPublicPersonIds(db, idsOf(candidates, 'person'))
  for (const person of await buildPersons(db, formLinks, personIds))
    add('person', idFromUrl(person.id), await organisationOf(db, 'person', idFromUrl(person.id)), person)

  const membershipIds = idsOf(candidates, 'membership')
  if (membershipIds.length)
    for (const seat of await listMembershipRows(db, { ids: membershipIds }))
      add(
        'membership',
        seat.id,
        await organisationOf(db, 'committee', seat.committeeId),
        oparlMembership(formLinks, seat),
      )

  for (const committeeId of idsOf(candidates, 'organization')) {
    const organization = await readOparlOrganization(db, formLinks, committeeId)
    if (organization)
      add('organization', committeeId, await organisationOf(db, 'committee', committeeId), organization)
  }
  return forms
}

/** SHA-256 of a form without its change times: `modified` is what the log decides, not an input. */
export function digestOf(form: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(form, (key, value) => (key === 'modified' ? undefined : value)))
    .digest('hex')
}

function idFromUrl(url: string): number {
  return Number(url.slice(url.lastIndexOf('/') + 1))
}

/** The organisation (OParl Body) a row belongs to. */
async function organisationOf(
  db: Queryable,
  table: 'meeting' | 'document' | 'matter' | 'committee' | 'person',
  id: number,
): Promise<number> {
  const row =
    table === 'meeting'
      ? await db
          .selectFrom('meeting')
          .innerJoin('committee', 'committee.id', 'meeting.committee_id')
          .select('committee.organisation_id')
          .where('meeting.id', '=', id)
          .executeTakeFirst()
      : await db.selectFrom(table).select('organisation_id').where('id', '=', id).executeTakeFirst()
  return row?.organisation_id ?? 0
}
