import type { Queryable } from '../../../db/database.ts'
import { getAgendas } from '../../agenda/agenda.service.ts'
import { listKeptFormsSteadyOn, listPublicObjectStates } from '../../public-record/public-record.reads.ts'
import type { PublicKind } from '../../public-record/public-record.ts'
import { groupBy } from '../../shared/group-by.ts'
import { readStringList } from '../../shared/json-text.ts'
import { maskPersonalIdentityNumbers as mask } from '../personal-identity-number.ts'
import { publishedAgenda } from '../public-agenda.ts'
import { isStoredDocument, listPublicDocuments } from '../public-document.ts'
import { listPublicSectionsOfItems } from '../publication.repository.ts'
import {
  type ChangeFilter,
  findMeetingIdOfAgendaItem,
  listAgendaItemTimes,
  listCommitteeRows,
  listDocumentTimes,
  listMatterRows,
  listMeetingRows,
  listMembershipIdsOfCommittees,
  listMembershipRows,
  listOrganisationRows,
  listPartyRows,
  listPersonRows,
  listPublicItemsOfMatters,
  listPublicMatterIds,
  listPublicMeetingIds,
  listPublicPersonIds,
  listTermRows,
  type PageRequest,
  pageOfMeetingIds,
  pageOfPaperIds,
  pageOfPersonIds,
} from './oparl.repository.ts'
import {
  listAgendaItemModified,
  listMeetingModified,
  listPaperModified,
} from './oparl-change-times.repository.ts'
import { attendanceExtension, decisionExtension, meetingParticipants } from './oparl-extensions.ts'
import {
  type GeneratedFileName,
  type MeasuredFile,
  meetingFiles,
  oparlGeneratedFile,
} from './oparl-generated-files.ts'
import { keptFormVersion, unpackForm } from './oparl-kept-forms.ts'
import type { OparlLinks } from './oparl-links.ts'
import { readPublicMinutesOfMeetings, readPublicNames } from './oparl-minutes.ts'
import { withLoggedModified } from './oparl-modified.ts'
import {
  type OparlObject,
  oparlAgendaItem,
  oparlBody,
  oparlCommittee,
  oparlConsultation,
  oparlFile,
  oparlLegislativeTerm,
  oparlLocation,
  oparlMeeting,
  oparlMembership,
  oparlPaper,
  oparlParty,
  oparlPerson,
  oparlSystem,
} from './oparl-objects.ts'
import { tombstonesOnPage } from './oparl-tombstones.ts'

// The OParl use cases: each reads what the public may see through the publication rules
// (publishedAgenda, the public §§, findPublicDocument, masked texts) and maps it. Lists load
// their page by ids, so every page costs the same number of queries however long it is.

export interface ObjectPage {
  data: OparlObject[]
  total: number
}

/** A Body's list (2-05): a page of its objects, filtered by the change times. */
export type ListReader = (
  db: Queryable,
  links: OparlLinks,
  bodyId: number,
  filter: ChangeFilter,
  page: PageRequest,
  /** Today in Sweden, for where each decision stands (paragraf:decision). */
  today: string,
) => Promise<ObjectPage>

/** Builds objects by id, in a fixed number of queries for any number of ids. */
type BuildByIds = (
  db: Queryable,
  links: OparlLinks,
  ids: readonly number[],
  today: string,
) => Promise<OparlObject[]>

/**
 * A list read in two steps: the page's ids in the object's own (indexed) order, with the total;
 * then only those objects, built as at their own addresses. Asked what changed, a list of a kind
 * the public change log follows also holds the tombstones of what vanished (2-08).
 */
export function pagedList(
  pageOfIds: (
    db: Queryable,
    bodyId: number,
    filter: ChangeFilter,
    page: PageRequest,
  ) => Promise<{ ids: number[]; total: number }>,
  build: BuildByIds,
  kind?: PublicKind,
): ListReader {
  return async (db, links, bodyId, filter, page, today) => {
    const { ids, total } = await pageOfIds(db, bodyId, filter, page)
    const data = await withLoggedModified(db, await build(db, links, ids, today))
    if (!kind) return { data, total }
    const list = { kind, bodyId, publicTotal: total, publicOnPage: ids.length }
    const deleted = await tombstonesOnPage(db, links, list, filter, page)
    return { data: [...data, ...deleted.data], total: total + deleted.total }
  }
}

const first = <T>(list: T[]): T | undefined => list[0]

/**
 * The change times computed from the rows, only for the objects the public change log has no row
 * for (withLoggedModified gives the others theirs): on an archive whose log is filled, none.
 */
async function changeTimesNotLogged(
  db: Queryable,
  kind: PublicKind,
  ids: readonly number[],
  compute: (db: Queryable, ids: readonly number[]) => Promise<Map<number, string>>,
): Promise<Map<number, string>> {
  const logged = await listPublicObjectStates(db, kind, ids)
  const missing = ids.filter((id) => !logged.get(id)?.public)
  return missing.length ? compute(db, missing) : new Map()
}

function inWindow(created: string, modified: string, filter: ChangeFilter): boolean {
  const c = new Date(created).toISOString()
  const m = new Date(modified).toISOString()
  return (
    (!filter.createdSince || c >= filter.createdSince) &&
    (!filter.createdUntil || c <= filter.createdUntil) &&
    (!filter.modifiedSince || m >= filter.modifiedSince) &&
    (!filter.modifiedUntil || m <= filter.modifiedUntil)
  )
}

/** Pages a short list already in memory (a body's committees, parties and terms). */
function pageInMemory(
  all: { object: OparlObject; created: string; modified: string }[],
  filter: ChangeFilter,
  page: PageRequest,
): ObjectPage {
  const kept = all.filter((o) => inWindow(o.created, o.modified, filter))
  const start = (page.page - 1) * page.limit
  return { data: kept.slice(start, start + page.limit).map((o) => o.object), total: kept.length }
}

export async function readOparlSystem(db: Queryable, links: OparlLinks): Promise<OparlObject> {
  const bodies = await listOrganisationRows(db)
  return oparlSystem(links, { name: 'Paragraf', bodyIds: bodies.map((b) => b.id) })
}

export async function listOparlBodies(
  db: Queryable,
  links: OparlLinks,
  filter: ChangeFilter,
  page: PageRequest,
) {
  const [bodies, terms] = await Promise.all([listOrganisationRows(db), listTermRows(db, {})])
  const termsOf = groupBy(terms, (t) => t.organisation_id)
  return pageInMemory(
    bodies.map((b) => ({
      object: oparlBody(links, b, termsOf.get(b.id) ?? []),
      created: b.created_at,
      modified: b.updated_at,
    })),
    filter,
    page,
  )
}

export async function readOparlBody(db: Queryable, links: OparlLinks, id: number) {
  const [body, terms] = await Promise.all([listOrganisationRows(db, [id]), listTermRows(db, { bodyId: id })])
  const row = first(body)
  return row && oparlBody(links, row, terms)
}

/** A body's committees (Organization "Gremium") and then its parties (Organization "Partei"). */
export async function listOparlOrganizations(
  db: Queryable,
  links: OparlLinks,
  bodyId: number,
  filter: ChangeFilter,
  page: PageRequest,
) {
  const [committees, parties] = await Promise.all([
    listCommitteeRows(db, { bodyId }),
    listPartyRows(db, { bodyId }),
  ])
  const seats = groupBy(
    await listMembershipIdsOfCommittees(
      db,
      committees.map((c) => c.id),
    ),
    (m) => m.committeeId,
    (m) => m.id,
  )
  const committeeObjects = await withLoggedModified(
    db,
    committees.map((c) => oparlCommittee(links, c, seats.get(c.id) ?? [])),
  )
  return pageInMemory(
    [
      ...committees.map((c, i) => ({
        object: committeeObjects[i] as OparlObject,
        created: c.created_at,
        modified: String(committeeObjects[i]?.modified ?? c.updated_at),
      })),
      ...parties.map((p) => ({
        object: oparlParty(links, p),
        created: p.created_at,
        modified: p.created_at,
      })),
    ],
    filter,
    page,
  )
}

export async function readOparlOrganization(db: Queryable, links: OparlLinks, committeeId: number) {
  const row = first(await listCommitteeRows(db, { ids: [committeeId] }))
  if (!row) return undefined
  const seats = await listMembershipIdsOfCommittees(db, [row.id])
  return oparlCommittee(
    links,
    row,
    seats.map((s) => s.id),
  )
}

export async function readOparlParty(db: Queryable, links: OparlLinks, partyId: number) {
  const row = first(await listPartyRows(db, { ids: [partyId] }))
  return row && oparlParty(links, row)
}

export async function listOparlLegislativeTerms(
  db: Queryable,
  links: OparlLinks,
  bodyId: number,
  filter: ChangeFilter,
  page: PageRequest,
) {
  const terms = await listTermRows(db, { bodyId })
  return pageInMemory(
    terms.map((t) => ({
      object: oparlLegislativeTerm(links, t),
      created: t.created_at,
      modified: t.created_at,
    })),
    filter,
    page,
  )
}

export async function readOparlLegislativeTerm(db: Queryable, links: OparlLinks, id: number) {
  const row = first(await listTermRows(db, { ids: [id] }))
  return row && oparlLegislativeTerm(links, row)
}

export async function buildPersons(db: Queryable, links: OparlLinks, ids: readonly number[]) {
  const [persons, memberships] = await Promise.all([
    listPersonRows(db, ids),
    listMembershipRows(db, { personIds: ids }),
  ])
  const seatsOf = groupBy(memberships, (m) => m.personId)
  return persons.map((p) => oparlPerson(links, p, seatsOf.get(p.id) ?? []))
}

export const listOparlPersons = pagedList(pageOfPersonIds, buildPersons, 'person')

export async function readOparlPerson(db: Queryable, links: OparlLinks, id: number) {
  const ids = await listPublicPersonIds(db, [id])
  return first(await buildPersons(db, links, ids))
}

export async function readOparlMembership(db: Queryable, links: OparlLinks, id: number) {
  const row = first(await listMembershipRows(db, { ids: [id] }))
  return row && oparlMembership(links, row)
}

/**
 * Meetings with their public agenda items, decisions, files and the paragraf: extensions from their
 * public minutes, as the portal shows them on `today`: a fixed number of queries for any number of meetings.
 */
export async function buildMeetings(
  db: Queryable,
  links: OparlLinks,
  ids: readonly number[],
  today: string,
  /** False where `modified` is not wanted (the public change log's forms leave it out). */
  computeModified = true,
) {
  const rows = await listMeetingRows(db, ids)
  const [agendas, minutesOf] = await Promise.all([
    getAgendas(
      db,
      rows.map((r) => r.id),
    ),
    readPublicMinutesOfMeetings(
      db,
      rows.map((r) => r.id),
    ),
  ])
  // The agenda as the public sees it: confidential items neutral, secret documents gone, P3 masked.
  const published = new Map(rows.map((r) => [r.id, publishedAgenda(agendas.get(r.id) ?? [])]))
  const entries = [...published.values()].flat()
  const itemIds = entries.map((e) => e.item.id)
  const documentIds = entries.flatMap((e) => e.attachments.map((d) => d.id))
  const [sections, itemTimes, documentTimes, meetingModified, itemModified, names] = await Promise.all([
    listPublicSectionsOfItems(db, itemIds),
    listAgendaItemTimes(db, itemIds),
    listDocumentTimes(db, documentIds),
    computeModified
      ? changeTimesNotLogged(db, 'meeting', ids, listMeetingModified)
      : new Map<number, string>(),
    computeModified
      ? changeTimesNotLogged(db, 'agenda-item', itemIds, listAgendaItemModified)
      : new Map<number, string>(),
    readPublicNames(db, minutesOf.values()),
  ])
  const decisionsOf = groupBy(
    sections,
    (s) => s.agendaItemId ?? 0,
    (s) => ({ outcome: s.outcome, decision: readStringList(s.decision).map((line) => mask(line) ?? '') }),
  )
  return rows.map((row) => {
    // What changed in the agenda, the §§ and the roll call counts as a change of the meeting (2-05 sync).
    const meeting = {
      ...row,
      rowModified: row.modified,
      modified: meetingModified.get(row.id) ?? row.modified,
    }
    const record = minutesOf.get(row.id)
    // The last public § of an item, as its `result` (an item is rarely dealt with at two §§). The
    // public record marks a § confidential when it or its item is (disclosure), so none of a
    // confidential item is here, and listPublicSectionsOfItems applies the same rule in SQL.
    const sectionOf = new Map(
      (record?.sections ?? []).flatMap((entry) =>
        entry.section.agendaItemId === null || entry.section.confidential
          ? []
          : [[entry.section.agendaItemId, entry] as const],
      ),
    )
    return oparlMeeting(
      links,
      meeting,
      (published.get(meeting.id) ?? []).map(({ item, attachments, changes }) => {
        const created = itemTimes.get(item.id)?.created ?? meeting.created
        const section = sectionOf.get(item.id)
        return oparlAgendaItem(links, meeting, {
          item,
          attachments: attachments.filter(isStoredDocument),
          decisions: decisionsOf.get(item.id) ?? [],
          created,
          modified: itemModified.get(item.id) ?? meeting.modified,
          documentCreated: documentTimes,
          decision: section && record && decisionExtension(links, section, record, names, today),
          changes,
        })
      }),
      record && attendanceExtension(links, record.attendance, names),
      record ? meetingParticipants(links, record.attendance, names) : [],
      meetingFiles(links, meeting, record !== undefined),
    )
  })
}

/**
 * Public meetings as the change log kept their forms when it decided them (0033), each read by its
 * key; a meeting whose kept form is not yet the day's (a decision still open to appeal), was kept by
 * another version of Paragraf, or that has none (an archive whose forms are not filled yet) is built
 * from the tables as above. In order of id.
 */
export async function readMeetingsAsKept(
  db: Queryable,
  links: OparlLinks,
  ids: readonly number[],
  today: string,
): Promise<OparlObject[]> {
  const kept = await listKeptFormsSteadyOn(db, 'meeting', ids, { today, version: keptFormVersion })
  const built = await buildMeetings(
    db,
    links,
    ids.filter((id) => !kept.has(id)),
    today,
  )
  const meetings = [...built, ...[...kept.values()].map((form) => unpackForm(form, links))]
  return meetings.sort((a, b) => idOf(a) - idOf(b))
}

const idOf = (object: OparlObject) => Number(object.id.slice(object.id.lastIndexOf('/') + 1))

export const listOparlMeetings = pagedList(pageOfMeetingIds, readMeetingsAsKept, 'meeting')

export async function readOparlMeeting(db: Queryable, links: OparlLinks, id: number, today: string) {
  return first(await readMeetingsAsKept(db, links, await listPublicMeetingIds(db, [id]), today))
}

export async function readOparlLocation(db: Queryable, links: OparlLinks, meetingId: number) {
  const row = first(await listMeetingRows(db, [meetingId]))
  return row && oparlLocation(links, row)
}

/** An agenda item as its public meeting shows it (a confidential one neutral). */
export async function readOparlAgendaItem(
  db: Queryable,
  links: OparlLinks,
  agendaItemId: number,
  today: string,
) {
  const meetingId = await findMeetingIdOfAgendaItem(db, agendaItemId)
  const meeting = meetingId === undefined ? undefined : await readOparlMeeting(db, links, meetingId, today)
  const items = (meeting?.agendaItem ?? []) as OparlObject[]
  return items.find((i) => i.id === links.agendaItem(agendaItemId))
}

export async function buildPapers(
  db: Queryable,
  links: OparlLinks,
  ids: readonly number[],
  computeModified = true,
) {
  const [matters, items, modified] = await Promise.all([
    listMatterRows(db, ids),
    listPublicItemsOfMatters(db, { matterIds: ids }),
    computeModified ? changeTimesNotLogged(db, 'paper', ids, listPaperModified) : new Map<number, string>(),
  ])
  const consultationsOf = groupBy(items, (i) => i.matterId ?? 0)
  // A title left in an imported register entry may hold a personal identity number (P3); a new
  // consultation counts as a change of the paper (2-05 sync).
  return matters.map((m) =>
    oparlPaper(
      links,
      { ...m, title: mask(m.title), updated_at: modified.get(m.id) ?? m.updated_at },
      consultationsOf.get(m.id) ?? [],
    ),
  )
}

export const listOparlPapers = pagedList(
  pageOfPaperIds,
  (db, links, ids) => buildPapers(db, links, ids),
  'paper',
)

/** A matter seen only on confidential items is unknown, as on the portal's matter page. */
export async function readOparlPaper(db: Queryable, links: OparlLinks, id: number) {
  return first(await buildPapers(db, links, await listPublicMatterIds(db, [id])))
}

export async function readOparlConsultation(db: Queryable, links: OparlLinks, agendaItemId: number) {
  const item = first(await listPublicItemsOfMatters(db, { agendaItemId }))
  return item && oparlConsultation(links, item)
}

/** Files by id, in the order of the ids, those the public may download: a fixed number of queries. */
export async function buildFiles(db: Queryable, links: OparlLinks, ids: readonly number[]) {
  const files = await listPublicDocuments(db, ids)
  const created = await listDocumentTimes(
    db,
    files.map((f) => f.document.id),
  )
  const byId = new Map(
    files.map(({ document, attachedTo }) => [
      document.id,
      oparlFile(
        links,
        { ...document, title: mask(document.title) ?? document.title },
        {
          text: mask(document.extractedText),
          created: created.get(document.id) ?? new Date(0).toISOString(),
          meetingId: attachedTo.meetingId,
          agendaItemId: attachedTo.agendaItemId,
        },
      ),
    ]),
  )
  return ids.flatMap((id) => byId.get(id) ?? [])
}

export async function readOparlFile(db: Queryable, links: OparlLinks, documentId: number) {
  return first(await buildFiles(db, links, [documentId]))
}

/** A generated file of a public meeting, without what only its bytes tell; undefined when not public. */
export async function readOparlGeneratedFile(
  db: Queryable,
  links: OparlLinks,
  meetingId: number,
  name: GeneratedFileName,
) {
  const [row] = await listMeetingRows(db, await listPublicMeetingIds(db, [meetingId]))
  if (!row) return undefined
  const meeting = { ...row, modified: (await listMeetingModified(db, [row.id])).get(row.id) ?? row.modified }
  // The minutes exist for the public once a § is signed off (TF 2:10), as on the portal.
  if (name !== 'dagordning.json' && !(await readPublicMinutesOfMeetings(db, [row.id])).has(row.id))
    return undefined
  return { meeting, file: (measured?: MeasuredFile) => oparlGeneratedFile(links, meeting, name, measured) }
}
