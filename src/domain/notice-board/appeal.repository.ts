import type { Queryable, Trx } from '../../db/database.ts'

export async function insertAppeal(
  trx: Trx,
  values: { sectionId: number; receivedOn: string; court: string; caseNumber: string | null },
): Promise<void> {
  await trx
    .insertInto('appeal')
    .values({
      section_id: values.sectionId,
      received_on: values.receivedOn,
      court: values.court,
      case_number: values.caseNumber,
    })
    .execute()
}

export async function listAppealDays(db: Queryable, sectionId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('appeal')
    .select('received_on')
    .where('section_id', '=', sectionId)
    .execute()
  return rows.map((r) => r.received_on)
}

/** The last appeal day of the notice that announced the sign-off of a §, if it has been announced. */
export async function lastAppealDayOfSection(db: Queryable, sectionId: number): Promise<string | null> {
  const row = await db
    .selectFrom('sign_off_section')
    .innerJoin('notice', 'notice.sign_off_id', 'sign_off_section.sign_off_id')
    .select('notice.last_appeal_day')
    .where('sign_off_section.section_id', '=', sectionId)
    .executeTakeFirst()
  return row?.last_appeal_day ?? null
}

/** The days appeals of some §§ were received, by §. */
export async function listAppealDaysOfSections(
  db: Queryable,
  sectionIds: readonly number[],
): Promise<Map<number, string[]>> {
  const days = new Map<number, string[]>()
  if (sectionIds.length === 0) return days
  const rows = await db
    .selectFrom('appeal')
    .select(['section_id', 'received_on'])
    .where('section_id', 'in', [...sectionIds])
    .execute()
  for (const row of rows) days.set(row.section_id, [...(days.get(row.section_id) ?? []), row.received_on])
  return days
}
