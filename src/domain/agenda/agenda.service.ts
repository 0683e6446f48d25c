import type { Queryable, Trx } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { getCommittee } from '../committee/committee.reads.ts'
import { getDocument } from '../document/document.reads.ts'
import { appendAttachment } from '../document/document.service.ts'
import { listMattersByIds } from '../matter/matter.reads.ts'
import type { Matter } from '../matter/matter.ts'
import { getMeeting } from '../meeting/meeting.reads.ts'
import type { Meeting, MeetingStatus } from '../meeting/meeting.ts'
import { reindexMeeting } from '../search/search.service.ts'
import type { Actor } from '../shared/actor.ts'
import { isIsoDate } from '../shared/calendar-date.ts'
import { InvalidInputError, InvalidStateError, NotFoundError } from '../shared/errors.ts'
import {
  getAgendaItem,
  insertAgendaItemChange,
  insertAgendaItemChanges,
  insertAgendaItems,
  lastAgendaPosition,
  updateAgendaItemRow,
} from './agenda.repository.ts'
import type { AgendaChangeKind, AgendaItem } from './agenda-item.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    document_of_other_organisation: undefined
    agenda_item_title_missing: undefined
    confidentiality_ground_missing: undefined
    matter_of_other_organisation: undefined
    agenda_closed: undefined
  }
}

export { type AgendaEntry, getAgenda, getAgendas } from './agenda.reads.ts'

export interface AgendaItemInput {
  title?: string
  number?: string
  heading?: string
  summary?: string
  proposal?: string[]
  matterId?: number
  officerReportOn?: string
  confidential?: boolean
  confidentialityGround?: string
  immediateSignOff?: boolean
}

/** Adds an item at the end of a meeting's agenda. After the notice is out, the addition is shown publicly. */
export async function addAgendaItem(
  trx: Trx,
  actor: Actor,
  input: AgendaItemInput & { meetingId: number },
): Promise<AgendaItem> {
  const { meetingId, ...item } = input
  // One item is a list of one: the rules live in addAgendaItems.
  const [added] = await addAgendaItems(trx, actor, { meetingId, items: [item] })
  return added as AgendaItem
}

/**
 * Adds items at the end of a meeting's agenda, in order, each held to the rules of addAgendaItem
 * (which adds one through here): the meeting, its committee, the matters named and the last
 * position are read once, the items and their public change rows each written in one statement.
 * A refused item is thrown before anything is written.
 */
export async function addAgendaItems(
  trx: Trx,
  actor: Actor,
  input: { meetingId: number; items: readonly AgendaItemInput[] },
): Promise<AgendaItem[]> {
  if (input.items.length === 0) return []
  const meeting = await getMeeting(trx, input.meetingId)
  assertAgendaOpen(meeting)
  const committee = await getCommittee(trx, meeting.committeeId)
  const matters = await listMattersByIds(
    trx,
    input.items.flatMap((i) => (i.matterId != null ? [i.matterId] : [])),
  )
  const last = await lastAgendaPosition(trx, meeting.id)
  const items = await insertAgendaItems(
    trx,
    input.items.map((item, i) => {
      const values = checkedItem(item, matters, committee.organisationId)
      return {
        meetingId: meeting.id,
        matterId: values.matterId ?? null,
        number: values.number ?? null,
        position: last + 1 + i,
        heading: values.heading ?? null,
        title: values.title ?? null,
        summary: values.summary ?? null,
        proposal: values.proposal ?? [],
        officerReportOn: values.officerReportOn ?? null,
        confidential: values.confidential ?? false,
        confidentialityGround: values.confidential ? (values.confidentialityGround ?? null) : null,
        immediateSignOff: values.immediateSignOff ?? false,
        status: 'active' as const,
      }
    }),
  )
  // noteChange for each, with what it reads and writes done once.
  await insertAgendaItemChanges(
    trx,
    items.map((item) => ({
      agendaItemId: item.id,
      kind: 'added' as const,
      description: `Punkt ${item.number ?? item.position} lades till`,
      afterNotice: meeting.noticePublishedAt !== null,
    })),
  )
  if (meeting.status !== 'planned') await reindexMeeting(trx, meeting.id)
  for (const item of items) {
    await recordAudit(
      trx,
      actor,
      'agenda_item.added',
      { type: 'agenda_item', id: item.id, organisationId: committee.organisationId, meetingId: meeting.id },
      { before: undefined, after: item },
    )
  }
  return items
}

/** Edits an item. `version` is the one the editor read: a save over someone else's change is refused. */
export async function updateAgendaItem(
  trx: Trx,
  actor: Actor,
  input: AgendaItemInput & { agendaItemId: number; version: number },
): Promise<AgendaItem> {
  const before = await getAgendaItem(trx, input.agendaItemId)
  const meeting = await getMeeting(trx, before.meetingId)
  assertAgendaOpen(meeting)
  const values = await checkItem(trx, meeting, { ...before, ...dropUndefined(input) } as AgendaItemInput)
  const changes = {
    ...dropUndefined(values),
    confidentialityGround: values.confidential ? (values.confidentialityGround ?? null) : null,
  }
  // A form saved as it was read changes nothing: once the notice is out, "Punkt 4 ändrades" on the
  // public page would tell of a change no one can find (and move every public channel with it).
  const unchanged = Object.entries(changes).every(
    ([field, value]) =>
      !(field in before) || field === 'version' || sameValue(before[field as keyof AgendaItem], value),
  )
  if (unchanged) return before
  const after = await updateAgendaItemRow(trx, { ...before, version: input.version }, changes)
  await noteChange(
    trx,
    actor,
    meeting,
    after,
    'changed',
    `Punkt ${after.number ?? after.position} ändrades`,
    before,
    after,
  )
  return after
}

/** Marks an item as withdrawn ("utgår"); it stays on the agenda, struck, so the numbering holds. */
export async function withdrawAgendaItem(
  trx: Trx,
  actor: Actor,
  input: { agendaItemId: number; version: number },
) {
  return setStatus(trx, actor, input, 'withdrawn', 'utgår')
}

/** Marks an item's documents as "kommer senare" (coming later). */
export async function markAgendaItemComingLater(
  trx: Trx,
  actor: Actor,
  input: { agendaItemId: number; version: number },
) {
  return setStatus(trx, actor, input, 'coming_later', 'kommer senare')
}

async function setStatus(
  trx: Trx,
  actor: Actor,
  input: { agendaItemId: number; version: number },
  status: 'withdrawn' | 'coming_later',
  label: string,
): Promise<AgendaItem> {
  const before = await getAgendaItem(trx, input.agendaItemId)
  const meeting = await getMeeting(trx, before.meetingId)
  assertAgendaOpen(meeting)
  if (before.status === status) return before
  const after = await updateAgendaItemRow(trx, { ...before, version: input.version }, { status })
  await noteChange(
    trx,
    actor,
    meeting,
    after,
    status,
    `Punkt ${after.number ?? after.position} ${label}`,
    before,
    after,
  )
  return after
}

/** Attaches a registered document to an item (a "bilaga"), after those it has. */
export async function attachDocument(
  trx: Trx,
  actor: Actor,
  input: { agendaItemId: number; documentId: number },
): Promise<void> {
  const item = await getAgendaItem(trx, input.agendaItemId)
  const meeting = await getMeeting(trx, item.meetingId)
  const document = await getDocument(trx, input.documentId)
  const committee = await getCommittee(trx, meeting.committeeId)
  if (document.organisationId !== committee.organisationId) {
    throw new InvalidInputError(
      'document_of_other_organisation',
      'the document belongs to another organisation',
      'documentId',
    )
  }
  await appendAttachment(trx, item.id, document.id)
  const kind = document.replacesDocumentId ? 'attachment_replaced' : 'attachment_added'
  const verb = document.replacesDocumentId ? 'ersattes med en ny version' : 'lades till'
  await noteChange(
    trx,
    actor,
    meeting,
    item,
    kind,
    `Bilagan ${document.title} ${verb}`,
    undefined,
    { documentId: document.id },
    document.id,
  )
}

async function checkItem(db: Queryable, meeting: Meeting, input: AgendaItemInput): Promise<AgendaItemInput> {
  const matters = await listMattersByIds(db, input.matterId != null ? [input.matterId] : [])
  const organisationId =
    input.matterId != null ? (await getCommittee(db, meeting.committeeId)).organisationId : undefined
  return checkedItem(input, matters, organisationId)
}

/** An item's values checked and trimmed, given the matters it may name and the meeting's organisation. */
function checkedItem(
  input: AgendaItemInput,
  matters: ReadonlyMap<number, Matter>,
  organisationId: number | undefined,
): AgendaItemInput {
  const title = input.title?.trim()
  const summary = input.summary?.trim()
  if (!title && !summary)
    throw new InvalidInputError(
      'agenda_item_title_missing',
      'an agenda item needs a title or a summary',
      'title',
    )
  if (input.officerReportOn && !isIsoDate(input.officerReportOn)) {
    throw new InvalidInputError(
      'date_malformed',
      'the date of the officer report must be YYYY-MM-DD',
      'officerReportOn',
    )
  }
  if (input.confidential && !input.confidentialityGround?.trim()) {
    throw new InvalidInputError(
      'confidentiality_ground_missing',
      'a confidential item needs its legal ground (e.g. OSL 26:1)',
      'confidentialityGround',
    )
  }
  if (input.matterId !== undefined && input.matterId !== null) {
    const matter = matters.get(input.matterId)
    if (!matter) throw new NotFoundError('matter', input.matterId)
    if (matter.organisationId !== organisationId) {
      throw new InvalidInputError(
        'matter_of_other_organisation',
        'the matter belongs to another organisation',
        'matterId',
      )
    }
  }
  const proposal = input.proposal?.map((p) => p.trim()).filter(Boolean)
  return { ...input, title, summary, proposal, confidentialityGround: input.confidentialityGround?.trim() }
}

/** Whether a meeting's agenda may still change: not once it is cancelled, signed off or published. */
export function agendaIsOpen(status: MeetingStatus): boolean {
  return status !== 'cancelled' && status !== 'signed_off' && status !== 'published'
}

export function assertAgendaOpen(meeting: Meeting) {
  if (!agendaIsOpen(meeting.status)) {
    throw new InvalidStateError('agenda_closed', 'the agenda of this meeting can no longer be changed')
  }
}

/** Audit every change; keep a public change history once the notice is out (Paragraf's ground 8). */
export async function noteChange(
  trx: Trx,
  actor: Actor,
  meeting: Meeting,
  item: AgendaItem,
  kind: AgendaChangeKind,
  description: string,
  before: unknown,
  after: unknown,
  /** The document an attachment change is about: the public list leaves it out if it is confidential. */
  documentId?: number,
) {
  await insertAgendaItemChange(trx, {
    agendaItemId: item.id,
    kind,
    description,
    afterNotice: meeting.noticePublishedAt !== null,
    ...(documentId !== undefined ? { documentId } : {}),
  })
  // Once the agenda is public, the search index follows every change to it.
  if (meeting.status !== 'planned') await reindexMeeting(trx, meeting.id)
  const committee = await getCommittee(trx, meeting.committeeId)
  await recordAudit(
    trx,
    actor,
    `agenda_item.${kind}`,
    {
      type: 'agenda_item',
      id: item.id,
      organisationId: committee.organisationId,
    },
    { before, after },
  )
}

/** Whether a stored field and a checked value say the same (a list by its items, no value as null). */
function sameValue(stored: unknown, value: unknown): boolean {
  return JSON.stringify(stored ?? null) === JSON.stringify(value ?? null)
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
