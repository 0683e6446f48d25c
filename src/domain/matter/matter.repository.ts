import type { Queryable, Trx } from '../../db/database.ts'
import type { Selected } from '../../db/schema.ts'
import { NotFoundError } from '../shared/errors.ts'
import type { Matter, MatterKind } from './matter.ts'

const toMatter = (row: Selected<'matter'>): Matter => ({
  id: row.id,
  organisationId: row.organisation_id,
  registryNumber: row.registry_number,
  title: row.title,
  kind: row.kind as MatterKind | null,
})

export async function getMatter(db: Queryable, id: number): Promise<Matter> {
  const row = await db.selectFrom('matter').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('matter', id)
  return toMatter(row)
}

/** The matters of these ids that exist, by id. */
export async function listMattersByIds(db: Queryable, ids: readonly number[]): Promise<Map<number, Matter>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('matter')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((row) => [row.id, toMatter(row)]))
}

export async function findMatterByRegistryNumber(
  db: Queryable,
  organisationId: number,
  registryNumber: string,
): Promise<Matter | undefined> {
  const row = await db
    .selectFrom('matter')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('registry_number', '=', registryNumber)
    .executeTakeFirst()
  return row && toMatter(row)
}

/** The matters of an organisation with these registry numbers, by registry number. */
export async function listMattersByRegistryNumbers(
  db: Queryable,
  organisationId: number,
  registryNumbers: readonly string[],
): Promise<Map<string, Matter>> {
  if (registryNumbers.length === 0) return new Map()
  const rows = await db
    .selectFrom('matter')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('registry_number', 'in', [...new Set(registryNumbers)])
    .execute()
  return new Map(rows.map((row) => [row.registry_number, toMatter(row)]))
}

/** New matters in one statement, ids given in the order listed; returned in that order. */
export async function insertMatters(trx: Trx, values: ReadonlyArray<Omit<Matter, 'id'>>): Promise<Matter[]> {
  if (values.length === 0) return []
  const rows = await trx
    .insertInto('matter')
    .values(
      values.map((v) => ({
        organisation_id: v.organisationId,
        registry_number: v.registryNumber,
        title: v.title,
        kind: v.kind,
      })),
    )
    .returningAll()
    .execute()
  return rows.map(toMatter).sort((a, b) => a.id - b.id)
}

export async function updateMatterRow(
  trx: Trx,
  id: number,
  values: { title?: string; kind?: MatterKind },
): Promise<Matter> {
  const row = await trx
    .updateTable('matter')
    .set({ ...values, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toMatter(row)
}

/** Where a matter has been: every agenda item that carries it, with its meeting and committee, oldest first. */
export async function listMatterAppearanceRows(db: Queryable, matterId: number) {
  return db
    .selectFrom('agenda_item as item')
    .innerJoin('meeting', 'meeting.id', 'item.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'item.id as agendaItemId',
      'item.title as title',
      'item.number as number',
      'item.confidential as confidential',
      'meeting.id as meetingId',
      'meeting.meets_on as meetsOn',
      'meeting.slug as meetingSlug',
      'committee.name as committeeName',
      'committee.slug as committeeSlug',
    ])
    .where('item.matter_id', '=', matterId)
    .orderBy('meeting.meets_on')
    .orderBy('item.position')
    .execute()
}

/**
 * The registry number of each agenda item of these meetings that belongs to a matter, by meeting and
 * agenda item id; none for confidential items, whose matter may itself say too much (OSL).
 */
export async function listRegistryNumbersOfMeetings(
  db: Queryable,
  meetingIds: readonly number[],
): Promise<Map<number, Map<number, string>>> {
  const byMeeting = new Map<number, Map<number, string>>(meetingIds.map((id) => [id, new Map()]))
  if (meetingIds.length === 0) return byMeeting
  const rows = await db
    .selectFrom('agenda_item')
    .innerJoin('matter', 'matter.id', 'agenda_item.matter_id')
    .select([
      'agenda_item.meeting_id as meetingId',
      'agenda_item.id as itemId',
      'matter.registry_number as registryNumber',
    ])
    .where('agenda_item.meeting_id', 'in', [...new Set(meetingIds)])
    .where('agenda_item.confidential', '=', false)
    .execute()
  for (const row of rows) byMeeting.get(row.meetingId)?.set(row.itemId, row.registryNumber)
  return byMeeting
}
