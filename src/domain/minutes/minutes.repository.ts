import { keptFromTransaction, keptInTransaction, type Queryable, type Trx } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import { isMeetingCreatedInTransaction } from '../meeting/meeting.reads.ts'
import { ConflictError, NotFoundError } from '../shared/errors.ts'
import { readStringList } from '../shared/json-text.ts'
import type { Minutes, MinutesStatus, Section, SectionOutcome } from './minutes.ts'

const toMinutes = (row: Selected<'minutes'>): Minutes => ({
  id: row.id,
  meetingId: row.meeting_id,
  status: row.status as MinutesStatus,
  chairPersonId: row.chair_person_id,
  secretaryPersonId: row.secretary_person_id,
  signOffPlace: row.sign_off_place,
  signOffPlannedOn: row.sign_off_planned_on,
  keptAt: row.kept_at,
  publishedAt: row.published_at,
  meetingClosedAt: row.meeting_closed_at,
  version: row.version,
})

/**
 * A § as stored, with its summary: `item_summary` is its agenda item's, read where the § keeps
 * none of its own (summary_from_item, migration 0040).
 */
const toSection = (row: Selected<'section'> & { item_summary?: string | null }): Section => ({
  id: row.id,
  minutesId: row.minutes_id,
  agendaItemId: row.agenda_item_id,
  number: row.number,
  label: row.label,
  title: row.title,
  summary: row.summary_from_item ? (row.item_summary ?? null) : row.summary,
  decision: readStringList(row.decision),
  decisionProcedure: row.decision_procedure,
  outcome: row.outcome as SectionOutcome,
  confidential: Boolean(row.confidential),
  immediateSignOff: Boolean(row.immediate_sign_off),
  version: row.version,
})

// Minutes this transaction created (insertMinutes), with their §§ and signatories, are kept as
// written: no other transaction sees them before it commits, so what it wrote is what a read would
// find. An imported protocol read them about seven times each (issue 15). Minutes it did not create
// are read every time, as another transaction may change them meanwhile.
const keptMinutes = (id: number) => `minutes:${id}`
const keptSectionList = (minutesId: number) => `sections:${minutesId}`
const keptSection = (id: number) => `section:${id}`
const keptMinutesOfMeeting = (meetingId: number) => `minutes-of-meeting:${meetingId}`
const keptSignatories = (minutesId: number) => `signatories:${minutesId}`

function keepSections(trx: Trx, minutesId: number, sections: readonly Section[]) {
  for (const section of sections) keptInTransaction(trx, keptSection(section.id), section)
  keptInTransaction(
    trx,
    keptSectionList(minutesId),
    [...sections].sort((a, b) => a.number - b.number),
  )
}

/** The §§ of minutes this transaction created, as kept; undefined for other minutes. */
function keptSectionsOf(db: Queryable, minutesId: number): readonly Section[] | undefined {
  return keptFromTransaction<readonly Section[]>(db, keptSectionList(minutesId))
}

/** These §§ as kept, when every one belongs to minutes this transaction created; otherwise undefined. */
export function findKeptSections(db: Queryable, ids: readonly number[]): Section[] | undefined {
  const sections: Section[] = []
  for (const id of ids) {
    const section = keptFromTransaction<Section>(db, keptSection(id))
    if (!section) return undefined
    sections.push(section)
  }
  return sections
}

/** Whether these minutes were created in this transaction, and so kept (they and their §§). */
export function isKeptMinutes(db: Queryable, id: number): boolean {
  return keptFromTransaction(db, keptMinutes(id)) !== undefined
}

export async function getMinutes(db: Queryable, id: number): Promise<Minutes> {
  const kept = keptFromTransaction<Minutes>(db, keptMinutes(id))
  if (kept) return kept
  const row = await db.selectFrom('minutes').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('minutes', id)
  return toMinutes(row)
}

export async function findMinutesOfMeeting(db: Queryable, meetingId: number): Promise<Minutes | undefined> {
  // Minutes this transaction opened for the meeting, as kept; none yet for a meeting it created.
  const keptId = keptFromTransaction<{ minutesId: number }>(db, keptMinutesOfMeeting(meetingId))
  if (keptId) return getMinutes(db, keptId.minutesId)
  if (isMeetingCreatedInTransaction(db, meetingId)) return undefined
  const row = await db
    .selectFrom('minutes')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst()
  return row && toMinutes(row)
}

export async function listMinutesOfMeetings(
  db: Queryable,
  meetingIds: readonly number[],
): Promise<Minutes[]> {
  if (meetingIds.length === 0) return []
  return (
    await db
      .selectFrom('minutes')
      .selectAll()
      .where('meeting_id', 'in', [...meetingIds])
      .execute()
  ).map(toMinutes)
}

export async function insertMinutes(
  db: Trx,
  values: Pick<
    Minutes,
    'meetingId' | 'chairPersonId' | 'secretaryPersonId' | 'keptAt' | 'signOffPlace' | 'signOffPlannedOn'
  >,
): Promise<Minutes> {
  const row = await db
    .insertInto('minutes')
    .values({
      meeting_id: values.meetingId,
      status: 'draft',
      chair_person_id: values.chairPersonId,
      secretary_person_id: values.secretaryPersonId,
      kept_at: values.keptAt,
      sign_off_place: values.signOffPlace,
      sign_off_planned_on: values.signOffPlannedOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  // New minutes have no §§ yet.
  keepSections(db, row.id, [])
  keptInTransaction(db, keptMinutesOfMeeting(row.meeting_id), { minutesId: row.id })
  return keptInTransaction(db, keptMinutes(row.id), toMinutes(row))
}

export async function updateMinutesRow(
  db: Trx,
  minutes: Minutes,
  changes: Partial<Omit<Minutes, 'id' | 'meetingId' | 'version'>>,
): Promise<Minutes> {
  const columns = {
    status: changes.status,
    chair_person_id: changes.chairPersonId,
    secretary_person_id: changes.secretaryPersonId,
    sign_off_place: changes.signOffPlace,
    sign_off_planned_on: changes.signOffPlannedOn,
    kept_at: changes.keptAt,
    published_at: changes.publishedAt,
    meeting_closed_at: changes.meetingClosedAt,
  }
  const row = await db
    .updateTable('minutes')
    .set({
      ...Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)),
      version: minutes.version + 1,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', minutes.id)
    .where('version', '=', minutes.version)
    .returningAll()
    .executeTakeFirst()
  if (!row)
    throw new ConflictError('the minutes', minutes.version, (await getMinutes(db, minutes.id)).version)
  const updated = toMinutes(row)
  return isKeptMinutes(db, updated.id) ? keptInTransaction(db, keptMinutes(updated.id), updated) : updated
}

export async function listSignatoryIds(db: Queryable, minutesId: number): Promise<number[]> {
  // Minutes this transaction opened have the signatories it appointed, none before.
  if (isKeptMinutes(db, minutesId))
    return [...(keptFromTransaction<readonly number[]>(db, keptSignatories(minutesId)) ?? [])]
  const rows = await db
    .selectFrom('signatory')
    .select('person_id')
    .where('minutes_id', '=', minutesId)
    .orderBy('position')
    .execute()
  return rows.map((r) => r.person_id)
}

/** The signatories of several minutes, each list in its order: one query. */
export async function listSignatoryIdsOfMinutes(
  db: Queryable,
  minutesIds: readonly number[],
): Promise<Map<number, number[]>> {
  const byMinutes = new Map<number, number[]>()
  if (minutesIds.length === 0) return byMinutes
  const rows = await db
    .selectFrom('signatory')
    .select(['minutes_id', 'person_id'])
    .where('minutes_id', 'in', [...minutesIds])
    .orderBy('minutes_id')
    .orderBy('position')
    .execute()
  for (const row of rows)
    byMinutes.set(row.minutes_id, [...(byMinutes.get(row.minutes_id) ?? []), row.person_id])
  return byMinutes
}

export async function replaceSignatories(db: Trx, minutesId: number, personIds: readonly number[]) {
  const kept = isKeptMinutes(db, minutesId)
  // Minutes opened in this transaction have no signatories to delete until it appointed some.
  if (!kept || keptFromTransaction(db, keptSignatories(minutesId)))
    await db.deleteFrom('signatory').where('minutes_id', '=', minutesId).execute()
  if (kept) keptInTransaction(db, keptSignatories(minutesId), [...personIds])
  if (personIds.length === 0) return
  await db
    .insertInto('signatory')
    .values(personIds.map((person_id, i) => ({ minutes_id: minutesId, person_id, position: i + 1 })))
    .execute()
}

/**
 * §§ with what they show: a § whose summary is its agenda item's keeps none of its own (0040: an
 * imported protocol stored each summary twice) and is read with the item's.
 */
function selectSections(db: Queryable) {
  return db
    .selectFrom('section')
    .leftJoin('agenda_item as summary_item', (join) =>
      join.onRef('summary_item.id', '=', 'section.agenda_item_id').on('section.summary_from_item', '=', true),
    )
    .selectAll('section')
    .select('summary_item.summary as item_summary')
}

export async function getSection(db: Queryable, id: number): Promise<Section> {
  const kept = keptFromTransaction<Section>(db, keptSection(id))
  if (kept) return kept
  const row = await selectSections(db).where('section.id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('section', id)
  return toSection(row)
}

export async function findSectionByNumber(
  db: Queryable,
  minutesId: number,
  number: number,
): Promise<Section | undefined> {
  const kept = keptSectionsOf(db, minutesId)
  if (kept) return kept.find((s) => s.number === number)
  const row = await selectSections(db)
    .where('section.minutes_id', '=', minutesId)
    .where('section.number', '=', number)
    .executeTakeFirst()
  return row && toSection(row)
}

/** The highest § number of these minutes so far, if any. */
export async function lastSectionNumber(db: Queryable, minutesId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('section')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('minutes_id', '=', minutesId)
    .executeTakeFirst()
  return row?.last == null ? undefined : Number(row.last)
}

export async function listSectionRows(db: Queryable, minutesIds: readonly number[]): Promise<Section[]> {
  if (minutesIds.length === 0) return []
  const kept = [...new Set(minutesIds)].sort((a, b) => a - b).map((id) => keptSectionsOf(db, id))
  if (kept.every((sections) => sections !== undefined)) return kept.flat()
  const rows = await selectSections(db)
    .where('section.minutes_id', 'in', [...minutesIds])
    .orderBy('section.minutes_id')
    .orderBy('section.number')
    .execute()
  return rows.map(toSection)
}

export async function insertSection(db: Trx, values: Omit<Section, 'id' | 'version'>): Promise<Section> {
  return (await insertSections(db, [values]))[0] as Section
}

/**
 * §§ of one minutes in one statement, returned in the order given (their numbers differ). A § that
 * begins with its agenda item's summary (the import's, a § added for an item) keeps none of its own
 * (0040; a trigger gives it its own before the item's is changed). Decided before the insert, not
 * by an update after it: a row made shorter in place leaves its page's space unused.
 */
export async function insertSections(
  db: Trx,
  sections: ReadonlyArray<Omit<Section, 'id' | 'version'>>,
): Promise<Section[]> {
  if (sections.length === 0) return []
  const itemIds = [...new Set(sections.flatMap((s) => (s.agendaItemId === null ? [] : [s.agendaItemId])))]
  const itemSummaries = new Map(
    itemIds.length === 0
      ? []
      : (
          await db.selectFrom('agenda_item').select(['id', 'summary']).where('id', 'in', itemIds).execute()
        ).map((item) => [item.id, item.summary]),
  )
  const readsItemsSummary = (values: Omit<Section, 'id' | 'version'>) =>
    values.summary !== null &&
    values.agendaItemId !== null &&
    itemSummaries.get(values.agendaItemId) === values.summary
  const rows = await db
    .insertInto('section')
    .values(
      sections.map((values) => ({
        minutes_id: values.minutesId,
        agenda_item_id: values.agendaItemId,
        number: values.number,
        label: values.label,
        title: values.title,
        ...(readsItemsSummary(values)
          ? { summary: null, summary_from_item: true }
          : { summary: values.summary, summary_from_item: false }),
        decision: JSON.stringify(values.decision),
        decision_procedure: values.decisionProcedure,
        outcome: values.outcome,
        confidential: values.confidential,
        immediate_sign_off: values.immediateSignOff,
      })),
    )
    .returningAll()
    .execute()
  // RETURNING promises no order: each row is found again by its minutes and number.
  const byKey = new Map(
    rows.map((row) => [
      `${row.minutes_id}:${row.number}`,
      toSection({
        ...row,
        item_summary: row.agenda_item_id === null ? null : itemSummaries.get(row.agenda_item_id),
      }),
    ]),
  )
  const inserted = sections.map((s) => byKey.get(`${s.minutesId}:${s.number}`) as Section)
  for (const minutesId of new Set(inserted.map((s) => s.minutesId))) {
    const kept = keptSectionsOf(db, minutesId)
    if (kept) keepSections(db, minutesId, [...kept, ...inserted.filter((s) => s.minutesId === minutesId)])
  }
  return inserted
}

/** Per-§ versioning: two people editing the same minutes only collide on the same §. */
export async function updateSectionRow(
  db: Trx,
  section: Section,
  changes: Partial<
    Pick<
      Section,
      'title' | 'summary' | 'decision' | 'decisionProcedure' | 'outcome' | 'confidential' | 'immediateSignOff'
    >
  >,
): Promise<Section> {
  const row = await db
    .updateTable('section')
    .set({
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.summary !== undefined ? { summary: changes.summary, summary_from_item: false } : {}),
      ...(changes.decision !== undefined ? { decision: JSON.stringify(changes.decision) } : {}),
      ...(changes.decisionProcedure !== undefined ? { decision_procedure: changes.decisionProcedure } : {}),
      ...(changes.outcome !== undefined ? { outcome: changes.outcome } : {}),
      ...(changes.confidential !== undefined ? { confidential: changes.confidential } : {}),
      ...(changes.immediateSignOff !== undefined ? { immediate_sign_off: changes.immediateSignOff } : {}),
      version: section.version + 1,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', section.id)
    .where('version', '=', section.version)
    .returningAll()
    .executeTakeFirst()
  if (!row)
    throw new ConflictError(section.label, section.version, (await getSection(db, section.id)).version)
  // A § still reading its item's summary reads the one it was read with.
  const updated = toSection({ ...row, item_summary: section.summary })
  const kept = keptSectionsOf(db, updated.minutesId)
  if (kept)
    keepSections(
      db,
      updated.minutesId,
      kept.map((s) => (s.id === updated.id ? updated : s)),
    )
  return updated
}

/** The highest § number a committee has used in a year's other minutes: where per-year numbering goes on. */
export async function lastSectionNumberInYear(
  db: Queryable,
  committeeId: number,
  year: string,
  exceptMinutesId: number,
) {
  const row = await db
    .selectFrom('section')
    .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .select((eb) => eb.fn.max('section.number').as('last'))
    .where('meeting.committee_id', '=', committeeId)
    .where('meeting.meets_on', '>=', `${year}-01-01`)
    .where('meeting.meets_on', '<=', `${year}-12-31`)
    .where('minutes.id', '!=', exceptMinutesId)
    .executeTakeFirst()
  return row?.last == null ? undefined : Number(row.last)
}

/** What a § belongs to: its minutes, meeting, committee and organisation, in one query. */
export async function getSectionOwners(db: Queryable, sectionId: number) {
  const row = await db
    .selectFrom('section')
    .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'minutes.id as minutesId',
      'meeting.id as meetingId',
      'committee.id as committeeId',
      'committee.organisation_id as organisationId',
    ])
    .where('section.id', '=', sectionId)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('section', sectionId)
  return row
}

/** §§ by id, each with what it belongs to (as getSectionOwners), in one query: a batch's §§ read once. */
export async function listSectionsWithOwners(db: Queryable, sectionIds: readonly number[]) {
  if (sectionIds.length === 0) return []
  const rows = await selectSections(db)
    .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'minutes.meeting_id as owner_meeting_id',
      'meeting.committee_id as owner_committee_id',
      'committee.organisation_id as owner_organisation_id',
    ])
    .where('section.id', 'in', [...sectionIds])
    .execute()
  return rows.map(({ owner_meeting_id, owner_committee_id, owner_organisation_id, ...row }) => ({
    section: toSection(row),
    owners: {
      minutesId: row.minutes_id,
      meetingId: owner_meeting_id,
      committeeId: owner_committee_id,
      organisationId: owner_organisation_id,
    },
  }))
}
